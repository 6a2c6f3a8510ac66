/**
 * Spreadsheet formula injection (CSV injection): evidence-controlled text (a conversation named
 * `=HYPERLINK(…)`, a search term, a message) must never be taken for a formula when an
 * investigator opens a CSV or XLSX we wrote. Quoting does not stop Excel or LibreOffice, so, as
 * OWASP's "CSV Injection" guidance says, a cell whose text starts with =, +, -, @, a tab or a
 * carriage return gets a leading apostrophe. Plain numbers ("-3", "12.5") are left alone: they
 * cannot be formulas, and prefixing them would turn figures into text. Every CSV and XLSX cell we
 * write goes through `safeCell` (csv() in unused.ts and every addRow in the report builders).
 */

const FORMULA_START = /^[=+\-@\t\r]/u;
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/u;

/** The text as it is safe to put in a spreadsheet cell. */
export function safeCell(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A row of cell values with every string made safe (numbers, dates and nulls unchanged). */
export function safeRow<T>(values: readonly T[]): (T | string)[] {
  return values.map((v) => (typeof v === 'string' ? safeCell(v) : v));
}
