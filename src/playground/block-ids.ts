/**
 * Slack gives every block a block_id when the app leaves it out, and clicks carry it back; the playground does
 * the same so the app sees the ids it would see in Slack. Also finds an interactive element by its ids.
 */

type Block = Record<string, unknown> & { type?: string; block_id?: string };
export type Element = Record<string, unknown> & { type?: string; action_id?: string };

export function withBlockIds(blocks: unknown[], seed: string): unknown[] {
  return blocks.map((block, index) => {
    if (!block || typeof block !== "object") return block;
    const b = block as Block;
    return b.block_id ? b : { ...b, block_id: `${seed}-${index}` };
  });
}

function elementsOf(block: Block): Element[] {
  const found: Element[] = [];
  if (Array.isArray(block.elements) && block.type === "actions") found.push(...(block.elements as Element[]));
  if (block.accessory && typeof block.accessory === "object") found.push(block.accessory as Element);
  if (block.element && typeof block.element === "object") found.push(block.element as Element);
  return found;
}

export function findElement(blocks: unknown[], blockId: string, actionId: string): { block: Block; element: Element } | undefined {
  for (const raw of blocks) {
    const block = raw as Block;
    if (!block || block.block_id !== blockId) continue;
    const element = elementsOf(block).find((e) => e.action_id === actionId);
    if (element) return { block, element };
  }
  return undefined;
}

function allOptions(element: Element): Record<string, unknown>[] {
  const direct = Array.isArray(element.options) ? (element.options as Record<string, unknown>[]) : [];
  const grouped = Array.isArray(element.option_groups)
    ? (element.option_groups as { options?: Record<string, unknown>[] }[]).flatMap((g) => g.options ?? [])
    : [];
  return [...direct, ...grouped];
}

/** The action object Slack sends for a click or a selection on `element`. */
export function actionPayload(blockId: string, element: Element, selectedValue?: string): Record<string, unknown> {
  const base = { type: element.type, action_id: element.action_id, block_id: blockId };
  switch (element.type) {
    case "button":
      return {
        ...base,
        text: element.text,
        ...(element.value !== undefined ? { value: element.value } : {}),
        ...(element.style ? { style: element.style } : {}),
      };
    case "static_select":
    case "overflow":
    case "radio_buttons": {
      const option = allOptions(element).find((o) => o.value === selectedValue);
      return { ...base, selected_option: option ?? null, ...(element.placeholder ? { placeholder: element.placeholder } : {}) };
    }
    default:
      return { ...base, ...(selectedValue !== undefined ? { value: selectedValue } : {}) };
  }
}

/** state.values for a modal's inputs, from the values the page collected (keyed by block_id then action_id). */
export function viewStateValues(blocks: unknown[], entered: Record<string, Record<string, string | string[] | undefined>>): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {};
  for (const raw of blocks) {
    const block = raw as Block;
    if (block?.type !== "input" || !block.block_id) continue;
    const element = block.element as Element | undefined;
    if (!element?.action_id) continue;
    const value = entered[block.block_id]?.[element.action_id];
    const options = allOptions(element);
    let state: Record<string, unknown>;
    switch (element.type) {
      case "static_select":
      case "radio_buttons":
        state = { type: element.type, selected_option: options.find((o) => o.value === value) ?? null };
        break;
      case "checkboxes":
      case "multi_static_select": {
        const chosen = Array.isArray(value) ? value : value ? [value] : [];
        state = { type: element.type, selected_options: options.filter((o) => chosen.includes(String(o.value))) };
        break;
      }
      default:
        state = { type: element.type ?? "plain_text_input", value: typeof value === "string" ? value || null : (element.initial_value ?? null) };
    }
    values[block.block_id] = { [element.action_id]: state };
  }
  return values;
}
