/** How the record's codes read on the page; the lists and labels themselves are the contract's. */
import { label } from '@contract/record';

export const word = (code: string | null | undefined): string => (code ? label(code) : '');

/** "2024-06-05" as "5 Jun 2024" (dates of events are calendar dates: no time zone). */
export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  // A partial date is shown as recorded: "Dec 2022", "2022" (issue 15).
  if (y && m && !d && /^\d{4}-\d{2}$/u.test(iso)) return `${months[m - 1]} ${y}`;
  if (!y || !m || !d) return iso;
  return `${d} ${months[m - 1]} ${y}`;
}
