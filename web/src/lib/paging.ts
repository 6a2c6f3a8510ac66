/**
 * Browsers cap an element's height (about 33.5 million px in Chromium, 17.9 million in Firefox), so a
 * million-message thread cannot be one scrollable list. The list shows a page of at most PAGE_ROWS
 * rows starting at `pageStart`; when the reader nears either edge the page is moved under them
 * (the row they are reading stays where it is on screen). Within a page, scrolling is native.
 */
export const PAGE_ROWS = 150_000;
/** Rows from a page edge at which the page moves. */
export const PAGE_MARGIN = 1_500;

export function pageCount(total: number, pageStart: number): number {
  return Math.max(0, Math.min(PAGE_ROWS, total - pageStart));
}

/** The page start that puts `seq` in the middle of its page. */
export function pageStartFor(seq: number, total: number): number {
  if (total <= PAGE_ROWS) return 0;
  return Math.max(0, Math.min(total - PAGE_ROWS, seq - Math.floor(PAGE_ROWS / 2)));
}

/** Whether the visible rows [first, last] (seqs) are near an edge that has more rows beyond it. */
export function needsRebase(first: number, last: number, pageStart: number, total: number): boolean {
  if (total <= PAGE_ROWS) return false;
  const end = pageStart + pageCount(total, pageStart);
  return (pageStart > 0 && first - pageStart < PAGE_MARGIN) || (end < total && end - last < PAGE_MARGIN);
}

/** Whether `seq` can be scrolled to inside the current page without moving it. */
export function inPage(seq: number, pageStart: number, total: number): boolean {
  if (total <= PAGE_ROWS) return seq >= 0 && seq < total;
  const end = pageStart + pageCount(total, pageStart);
  const lowOk = pageStart === 0 ? seq >= 0 : seq - pageStart >= PAGE_MARGIN;
  const highOk = end === total ? seq < total : end - seq > PAGE_MARGIN;
  return lowOk && highOk;
}

/** Window indices (of `size` rows) that cover seqs [first, last], widened by `ahead` rows each side. */
export function windowsFor(first: number, last: number, total: number, size: number, ahead = 40): number[] {
  if (total <= 0 || last < first) return [];
  const a = Math.max(0, first - ahead);
  const b = Math.min(total - 1, last + ahead);
  const out: number[] = [];
  for (let w = Math.floor(a / size); w <= Math.floor(b / size); w++) out.push(w);
  return out;
}
