/**
 * Escaping for the few places that build HTML from strings (ECharts' tooltip formatters): names,
 * subjects and texts come from seized phones, so any of them may be markup meant to run or to
 * phish (issue 21.9). React escapes everything else; here nothing does unless we do.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/gu, (c) => ENTITIES[c] ?? c);
}

/**
 * A tooltip's HTML from lines of (untrusted) evidence text: each line escaped, joined with <br/>.
 * The only way our formatters build HTML, so none can forget to escape a value.
 */
export function tooltipLines(lines: readonly unknown[]): string {
  return lines.map(escapeHtml).join('<br/>');
}
