// Escaping for every output format: evidence is attacker-controlled text (a log line can hold
// `<img src=x onerror=…>` or `</script>`), so it must reach each format as inert text.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** For HTML text and attribute values (and SVG, which is XML). */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML[c]);

/**
 * Markdown inline text: HTML-significant characters become entities (renderers pass raw HTML through),
 * Markdown inline syntax is backslash-escaped (parentheses are harmless once `[` is), and newlines fold so a value cannot start a new block or table row.
 */
export function escapeMd(s: string): string {
  return s
    .replace(/[&<>]/g, (c) => HTML[c])
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, ' ')
    // Block syntax only counts at the start of a line: a value that begins a paragraph must not become a heading or list.
    .replace(/^(\s*)([#+=-])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/** Markdown inline code for identifiers (resource keys, paths); backticks inside are folded to quotes. */
export const mdCode = (s: string): string => (s ? `\`${s.replace(/`/g, "'").replace(/\s+/g, ' ')}\`` : '—');

/**
 * One RFC 4180 field. Cells that a spreadsheet would evaluate as a formula (=, +, @, tab, CR, and '-'
 * not starting a number) get a leading apostrophe: evidence must not execute in the reader's Excel.
 */
export function csvField(value: string | number | bigint | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+@\t\r]/.test(s) || /^-[^\d\s.]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
