// Block Kit and mrkdwn, drawn with DOM nodes only: every piece of text goes in through textContent, so
// nothing an app or a customer wrote can become markup on this page.

const EMOJI = {
  white_check_mark: "✅",
  heavy_check_mark: "✔️",
  x: "❌",
  warning: "⚠️",
  hourglass: "⌛",
  hourglass_flowing_sand: "⏳",
  mag: "🔍",
  eyes: "👀",
  rotating_light: "🚨",
  fire: "🔥",
  bar_chart: "📊",
  chart_with_upwards_trend: "📈",
  chart_with_downwards_trend: "📉",
  memo: "📝",
  lock: "🔒",
  bulb: "💡",
  tada: "🎉",
  wave: "👋",
  thumbsup: "👍",
  "+1": "👍",
  thumbsdown: "👎",
  no_entry: "⛔",
  no_entry_sign: "🚫",
  bell: "🔔",
  link: "🔗",
  books: "📚",
  book: "📖",
  speech_balloon: "💬",
  robot_face: "🤖",
  gear: "⚙️",
  clock3: "🕒",
  new: "🆕",
  star: "⭐",
  red_circle: "🔴",
  large_green_circle: "🟢",
  large_yellow_circle: "🟡",
  information_source: "ℹ️",
  arrow_right: "➡️",
  arrow_up: "⬆️",
  arrow_down: "⬇️",
  zzz: "💤",
  envelope: "✉️",
  inbox_tray: "📥",
  pushpin: "📌",
  angry: "😠",
  rage: "😡",
  raised_hand: "✋",
  white_circle: "⚪",
  black_circle: "⚫",
  large_blue_circle: "🔵",
  hand: "✋",
  calendar: "📅",
  date: "📅",
  email: "📧",
  telephone_receiver: "📞",
  busts_in_silhouette: "👥",
  bust_in_silhouette: "👤",
  office: "🏢",
  moneybag: "💰",
  credit_card: "💳",
  label: "🏷️",
  ticket: "🎫",
  scroll: "📜",
  clipboard: "📋",
  sparkles: "✨",
  warning_sign: "⚠️",
  heavy_multiplication_x: "✖️",
  leftwards_arrow_with_hook: "↩️",
  arrows_counterclockwise: "🔄",
  repeat: "🔁",
  rocket: "🚀",
  hammer_and_wrench: "🛠️",
  wrench: "🔧",
  key: "🔑",
  shield: "🛡️",
  mailbox: "📫",
  outbox_tray: "📤",
  question: "❓",
  exclamation: "❗",
  heavy_plus_sign: "➕",
  heavy_minus_sign: "➖",
  small_red_triangle: "🔺",
  small_red_triangle_down: "🔻",
  point_right: "👉",
  writing_hand: "✍️",
  pencil2: "✏️",
  card_index: "📇",
  file_folder: "📁",
  newspaper: "📰",
  alarm_clock: "⏰",
  stopwatch: "⏱️",
  timer_clock: "⏲️",
  sleeping: "😴",
  see_no_evil: "🙈",
  ok: "🆗",
  sos: "🆘",
  unlock: "🔓",
  crown: "👑",
  gem: "💎",
};

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

const decode = (text) => text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return ["http:", "https:", "mailto:"].includes(parsed.protocol) ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function link(url, label) {
  const href = safeUrl(url);
  if (!href) return el("span", "bad-link", label || url);
  const a = el("a", "link", label || url);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer";
  return a;
}

// Status dots are drawn, not typed, so they show even where no colour-emoji font is installed.
const DOTS = {
  large_green_circle: "green",
  red_circle: "red",
  large_yellow_circle: "yellow",
  white_circle: "white",
  large_blue_circle: "blue",
  black_circle: "black",
};

function emojiText(text, parent) {
  const parts = text.split(/(:[a-z0-9_+-]+:)/);
  for (const part of parts) {
    const name = /^:([a-z0-9_+-]+):$/.exec(part)?.[1];
    if (name && DOTS[name]) {
      const dot = el("span", `dot dot-${DOTS[name]}`);
      dot.title = `:${name}:`;
      parent.append(dot);
    } else if (name && EMOJI[name]) parent.append(el("span", "emoji", EMOJI[name]));
    else if (part) parent.append(document.createTextNode(part));
  }
}

function formatDate(seconds, format, fallback) {
  const date = new Date(Number(seconds) * 1000);
  if (Number.isNaN(date.getTime())) return fallback;
  const day = date.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
  const long = date.toLocaleDateString(undefined, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
  const time = date.toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
  return format
    .replace(/\{date_pretty\}|\{date_long_pretty\}|\{date_long\}/g, long)
    .replace(/\{date_short_pretty\}|\{date_short\}|\{date_num\}|\{date\}/g, day)
    .replace(/\{time_secs\}|\{time\}/g, time)
    .replace(/\{ago\}/g, fallback);
}

/** One `<...>` control sequence: a mention, a channel, a special mention, a date or a link. */
function control(inner, ctx) {
  const [target, label] = splitOnce(inner, "|");
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return el("span", "mention", `@${label || ctx.users?.[id] || id}`);
  }
  if (target.startsWith("#")) return el("span", "mention channel-mention", `#${label || ctx.channels?.[target.slice(1)] || target.slice(1)}`);
  if (target.startsWith("!subteam^")) return el("span", "mention", label || "@group");
  if (target.startsWith("!date^")) {
    const [, seconds, format] = target.split("^");
    return el("span", "date", formatDate(seconds, format ?? "{date_short}", label || ""));
  }
  if (target.startsWith("!")) return el("span", "mention special-mention", `@${target.slice(1)}`);
  return link(decode(target), label ? decode(label) : undefined);
}

function splitOnce(text, sep) {
  const at = text.indexOf(sep);
  return at < 0 ? [text, ""] : [text.slice(0, at), text.slice(at + 1)];
}

const INLINE = /<([^<>\n]+)>|`([^`\n]+)`|(?<![\w*])\*(?!\s)([^*\n]+?)\*(?![\w*])|(?<![\w_])_(?!\s)([^_\n]+?)_(?![\w_])|(?<![\w~])~(?!\s)([^~\n]+?)~(?![\w~])/;

function inline(text, parent, ctx) {
  let rest = text;
  while (rest) {
    const match = INLINE.exec(rest);
    if (!match) {
      emojiText(decode(rest), parent);
      return;
    }
    if (match.index > 0) emojiText(decode(rest.slice(0, match.index)), parent);
    if (match[1] !== undefined) parent.append(control(match[1], ctx));
    else if (match[2] !== undefined) parent.append(el("code", "code", decode(match[2])));
    else {
      const tag = match[3] !== undefined ? "b" : match[4] !== undefined ? "i" : "s";
      const node = el(tag);
      inline(match[3] ?? match[4] ?? match[5], node, ctx);
      parent.append(node);
    }
    rest = rest.slice(match.index + match[0].length);
  }
}

function lines(text, parent, ctx) {
  const rows = text.split("\n");
  let quote;
  rows.forEach((row, index) => {
    const quoted = /^(>|&gt;) ?/.exec(row);
    if (quoted && row.startsWith(">")) {
      if (!quote) {
        quote = el("blockquote", "quote");
        parent.append(quote);
      } else quote.append(el("br"));
      inline(row.slice(quoted[0].length), quote, ctx);
      return;
    }
    quote = undefined;
    inline(row, parent, ctx);
    if (index < rows.length - 1) parent.append(el("br"));
  });
}

/** Slack mrkdwn: bold, italic, strike, code, code blocks, quotes, links, mentions, dates, emoji. */
export function mrkdwn(text, ctx = {}) {
  const out = el("span", "mrkdwn");
  const segments = String(text ?? "").split("```");
  segments.forEach((segment, index) => {
    if (index % 2 === 1) out.append(el("pre", "pre", decode(segment.replace(/^\n/, ""))));
    else lines(segment, out, ctx);
  });
  return out;
}

/** Standard markdown (the `markdown` block): headings, lists, bold, italic, links and code. */
export function markdown(text, ctx = {}) {
  const out = el("div", "markdown");
  const converted = String(text ?? "")
    .replace(/\*\*(.+?)\*\*/g, "*$1*")
    .replace(/(?<!\*)\*(?!\*)([^*\n]+)\*(?!\*)/g, "_$1_")
    .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, "<$2|$1>");
  for (const row of converted.split("\n")) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(row);
    const item = /^\s*(?:[-*]|\d+\.)\s+(.*)$/.exec(row);
    const line = el(heading ? "div" : "div", heading ? `md-h md-h${heading[1].length}` : item ? "md-li" : "md-p");
    lines(heading ? heading[2] : item ? `• ${item[1]}` : row, line, ctx);
    out.append(line);
  }
  return out;
}

export function textObject(obj, ctx) {
  if (!obj) return el("span");
  if (obj.type === "mrkdwn") return mrkdwn(obj.text, ctx);
  const span = el("span", "plain");
  emojiText(String(obj.text ?? ""), span);
  return span;
}

function plain(obj) {
  return obj && typeof obj === "object" ? String(obj.text ?? "") : String(obj ?? "");
}

export function unknownJson(kind, value) {
  const box = el("details", "unknown");
  box.open = true;
  box.append(el("summary", "", `${kind} the playground does not draw; here it is as sent`));
  box.append(el("pre", "pre", JSON.stringify(value, null, 2)));
  return box;
}

function optionList(element) {
  return [...(element.options ?? []), ...(element.option_groups ?? []).flatMap((g) => g.options ?? [])];
}

/** A button, select or overflow menu. `ctx.act(element, value)` sends the click. */
export function element(element, ctx, blockId) {
  switch (element.type) {
    case "button": {
      const button = el("button", `bk-button${element.style ? ` bk-${element.style}` : ""}`, plain(element.text));
      button.type = "button";
      button.dataset.actionId = element.action_id ?? "";
      button.addEventListener("click", async () => {
        if (element.url) {
          const href = safeUrl(element.url);
          if (href) window.open(href, "_blank", "noopener");
        }
        if (element.confirm && !(await ctx.confirm(element.confirm))) return;
        ctx.act(blockId, element, undefined);
      });
      return button;
    }
    case "static_select":
    case "external_select": {
      const select = el("select", "bk-select");
      select.dataset.actionId = element.action_id ?? "";
      const placeholder = el("option", "", plain(element.placeholder) || "Choose an option");
      placeholder.value = "";
      select.append(placeholder);
      for (const option of optionList(element)) {
        const node = el("option", "", plain(option.text));
        node.value = option.value;
        if (element.initial_option?.value === option.value) node.selected = true;
        select.append(node);
      }
      select.addEventListener("change", async () => {
        if (!select.value) return;
        if (element.confirm && !(await ctx.confirm(element.confirm))) return;
        ctx.act(blockId, element, select.value);
      });
      return select;
    }
    case "overflow": {
      const select = el("select", "bk-select bk-overflow");
      select.dataset.actionId = element.action_id ?? "";
      const more = el("option", "", "⋯");
      more.value = "";
      select.append(more);
      for (const option of element.options ?? []) {
        const node = el("option", "", plain(option.text));
        node.value = option.value;
        select.append(node);
      }
      select.addEventListener("change", () => {
        if (select.value) ctx.act(blockId, element, select.value);
        select.value = "";
      });
      return select;
    }
    case "image": {
      const img = el("img", "bk-accessory-image");
      img.src = safeUrl(element.image_url) ?? "";
      img.alt = element.alt_text ?? "";
      return img;
    }
    default:
      return unknownJson(`Element “${element.type}”`, element);
  }
}

function input(block, ctx) {
  const wrap = el("div", "bk-input");
  wrap.dataset.blockId = block.block_id ?? "";
  const label = el("label", "bk-label", plain(block.label));
  if (block.optional) label.append(el("span", "optional", " (optional)"));
  wrap.append(label);
  const e = block.element ?? {};
  const id = e.action_id ?? "";
  const set = (value) => ctx.enter?.(block.block_id, id, value);
  let control;
  if (e.type === "plain_text_input") {
    control = el(e.multiline ? "textarea" : "input", "bk-text-input");
    control.value = e.initial_value ?? "";
    if (e.placeholder) control.placeholder = plain(e.placeholder);
    control.addEventListener("input", () => set(control.value));
    set(control.value);
  } else if (e.type === "static_select") {
    control = el("select", "bk-select");
    const none = el("option", "", plain(e.placeholder) || "Choose an option");
    none.value = "";
    control.append(none);
    for (const option of optionList(e)) {
      const node = el("option", "", plain(option.text));
      node.value = option.value;
      if (e.initial_option?.value === option.value) node.selected = true;
      control.append(node);
    }
    control.addEventListener("change", () => set(control.value || undefined));
    set(control.value || undefined);
  } else if (e.type === "radio_buttons" || e.type === "checkboxes") {
    control = el("div", "bk-choices");
    const chosen = new Set((e.initial_options ?? (e.initial_option ? [e.initial_option] : [])).map((o) => o.value));
    const name = `${block.block_id}-${id}`;
    const read = () => {
      const values = [...control.querySelectorAll("input:checked")].map((i) => i.value);
      set(e.type === "radio_buttons" ? values[0] : values);
    };
    for (const option of e.options ?? []) {
      const row = el("label", "bk-choice");
      const box = el("input");
      box.type = e.type === "radio_buttons" ? "radio" : "checkbox";
      box.name = name;
      box.value = option.value;
      box.checked = chosen.has(option.value);
      box.addEventListener("change", read);
      row.append(box, textObject(option.text, ctx));
      control.append(row);
    }
    read();
  } else control = unknownJson(`Input “${e.type}”`, e);
  control.dataset.actionId = id;
  wrap.append(control);
  if (block.hint) wrap.append(el("div", "bk-hint", plain(block.hint)));
  const error = ctx.errors?.[block.block_id];
  if (error) wrap.append(el("div", "bk-error", error));
  return wrap;
}

function richElements(elements, parent, ctx) {
  for (const item of elements ?? []) {
    let node;
    switch (item.type) {
      case "text": {
        node = el(item.style?.code ? "code" : "span", item.style?.code ? "code" : "");
        emojiText(String(item.text ?? ""), node);
        if (item.style?.bold) node.style.fontWeight = "700";
        if (item.style?.italic) node.style.fontStyle = "italic";
        if (item.style?.strike) node.style.textDecoration = "line-through";
        break;
      }
      case "link":
        node = link(item.url, item.text);
        break;
      case "user":
        node = el("span", "mention", `@${ctx.users?.[item.user_id] ?? item.user_id}`);
        break;
      case "channel":
        node = el("span", "mention", `#${ctx.channels?.[item.channel_id] ?? item.channel_id}`);
        break;
      case "usergroup":
        node = el("span", "mention", `@${item.usergroup_id}`);
        break;
      case "broadcast":
        node = el("span", "mention special-mention", `@${item.range}`);
        break;
      case "emoji":
        node = el("span", "emoji", EMOJI[item.name] ?? `:${item.name}:`);
        break;
      case "date":
        node = el("span", "date", formatDate(item.timestamp, item.format ?? "{date_short}", item.fallback ?? ""));
        break;
      default:
        node = unknownJson(`Rich text “${item.type}”`, item);
    }
    parent.append(node);
  }
}

function richText(block, ctx) {
  const out = el("div", "bk-rich");
  for (const part of block.elements ?? []) {
    if (part.type === "rich_text_section") {
      const p = el("div", "rich-section");
      richElements(part.elements, p, ctx);
      out.append(p);
    } else if (part.type === "rich_text_list") {
      const list = el(part.style === "ordered" ? "ol" : "ul", "rich-list");
      list.style.marginLeft = `${(part.indent ?? 0) * 16}px`;
      for (const item of part.elements ?? []) {
        const li = el("li");
        richElements(item.elements, li, ctx);
        list.append(li);
      }
      out.append(list);
    } else if (part.type === "rich_text_quote") {
      const q = el("blockquote", "quote");
      richElements(part.elements, q, ctx);
      out.append(q);
    } else if (part.type === "rich_text_preformatted") {
      const pre = el("pre", "pre");
      richElements(part.elements, pre, ctx);
      out.append(pre);
    } else out.append(unknownJson(`Rich text part “${part.type}”`, part));
  }
  return out;
}

function tableBlock(block, ctx) {
  const table = el("table", "bk-table");
  (block.rows ?? []).forEach((row, index) => {
    const tr = el("tr");
    for (const cell of row) {
      const td = el(index === 0 ? "th" : "td");
      if (cell.type === "rich_text") td.append(richText(cell, ctx));
      else td.textContent = String(cell.text ?? "");
      tr.append(td);
    }
    table.append(tr);
  });
  return table;
}

export function block(b, ctx) {
  const node = (() => {
    switch (b.type) {
      case "section": {
        const section = el("div", "bk-section");
        const body = el("div", "bk-section-body");
        if (b.text) body.append(textObject(b.text, ctx));
        if (b.fields?.length) {
          const fields = el("div", "bk-fields");
          for (const field of b.fields) {
            const cell = el("div", "bk-field");
            cell.append(textObject(field, ctx));
            fields.append(cell);
          }
          body.append(fields);
        }
        section.append(body);
        if (b.accessory) {
          const accessory = el("div", "bk-accessory");
          accessory.append(element(b.accessory, ctx, b.block_id));
          section.append(accessory);
        }
        return section;
      }
      case "context": {
        const context = el("div", "bk-context");
        for (const item of b.elements ?? []) {
          if (item.type === "image") {
            const img = el("img", "bk-context-image");
            img.src = safeUrl(item.image_url) ?? "";
            img.alt = item.alt_text ?? "";
            context.append(img);
          } else context.append(textObject(item, ctx));
        }
        return context;
      }
      case "actions": {
        const actions = el("div", "bk-actions");
        for (const item of b.elements ?? []) actions.append(element(item, ctx, b.block_id));
        return actions;
      }
      case "header":
        return el("div", "bk-header", plain(b.text));
      case "divider":
        return el("hr", "bk-divider");
      case "image": {
        const figure = el("figure", "bk-image");
        if (b.title) figure.append(el("figcaption", "bk-image-title", plain(b.title)));
        const img = el("img");
        img.src = safeUrl(b.image_url) ?? b.slack_file?.url ?? "";
        img.alt = b.alt_text ?? "";
        figure.append(img);
        return figure;
      }
      case "rich_text":
        return richText(b, ctx);
      case "markdown":
        return markdown(b.text, ctx);
      case "input":
        return input(b, ctx);
      case "table":
        return tableBlock(b, ctx);
      default:
        return unknownJson(`Block “${b.type}”`, b);
    }
  })();
  node.dataset.blockType = b.type;
  if (b.block_id) node.dataset.blockId = b.block_id;
  return node;
}

export function blocks(list, ctx) {
  const out = el("div", "blocks");
  for (const b of list ?? []) out.append(block(b, ctx));
  return out;
}
