/**
 * How every surface (CLI, web, reports) names the sender of a line. One label, so a system line the
 * export wrote under a member's name (an unknown notice such as "‎Anna: ‎Nachricht gelöscht", or a
 * group notice under the group's name) never shows as a bare "(system)" in one place and with the
 * name in another: the name is evidence of what the phone displayed.
 */

/** The name for lines with no sender (system lines): in stats, charts, and as a --sender filter. */
export const SYSTEM_SENDER = '(system)';

/** The sender as a text line shows it; `displayedAuthor` is the name a system line was written under. */
export function senderLabel(sender: string | null, displayedAuthor: string | null = null): string {
  if (sender !== null) return sender;
  return displayedAuthor ? `${SYSTEM_SENDER} written under "${displayedAuthor}"` : SYSTEM_SENDER;
}
