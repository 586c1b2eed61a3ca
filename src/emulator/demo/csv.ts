/**
 * A small RFC 4180 CSV reader: quoted fields may hold commas, doubled quotes and line breaks. With `strict`, a
 * quote never closed throws (naming the line it opened on) instead of taking the rest of the text as one field.
 */
export function parseCsv(text: string, options: { strict?: boolean } = {}): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let inQuotes = false;
  let quoteAt = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (inQuotes) {
      if (ch === 34) {
        if (text.charCodeAt(i + 1) === 34) {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === 34 && field === "") {
      inQuotes = true;
      quoteAt = i;
      i++;
    } else if (ch === 44) {
      row.push(field);
      field = "";
      i++;
    } else if (ch === 10 || ch === 13) {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    } else {
      // Copy the run of ordinary characters in one slice rather than one character at a time.
      let end = i + 1;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === 44 || c === 10 || c === 13) break;
        end++;
      }
      field += text.slice(i, end);
      i = end;
    }
  }
  if (inQuotes && options.strict) throw new Error(`line ${text.slice(0, quoteAt).split("\n").length}: a quoted field is never closed`);
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
