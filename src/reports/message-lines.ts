/**
 * How every report writes a message's sender, place and time: the sender as senderLabel names it, "AB/1 lines 4–6" (or the table and row, or
 * the XML item) and "28/04/2021 10:15:00 BST (Europe/London) · 2021-04-28 09:15:00 UTC · as
 * written …". Shared by the bundle, the charge schedule and the unused-material schedule.
 */
import { senderLabel } from '../contract/sender-label.js';
import type { ExhibitRecord, MessageExtras, MessageRecord } from '../store/types.js';

/** The name an export wrote a system line under (kept in the message's extras), or null. */
export function displayedAuthor(m: MessageRecord): string | null {
  if (m.extrasJson === null) return null;
  return (JSON.parse(m.extrasJson) as MessageExtras).displayedAuthor ?? null;
}

/**
 * The sender as every report prints it, as the CLI and the web app do (senderLabel): a system line
 * the export wrote under a name reads '(system) written under "Anna"', never a bare "(system)".
 */
export const senderOf = (m: MessageRecord): string => senderLabel(m.sender, displayedAuthor(m));

export function sourceOf(m: MessageRecord, exhibits: ReadonlyMap<number, ExhibitRecord>): string {
  const ref = exhibits.get(m.exhibitId)?.ref ?? `exhibit ${m.exhibitId}`;
  if (m.lineStart !== null)
    return `${ref} line${m.lineEnd !== null && m.lineEnd !== m.lineStart ? `s ${m.lineStart}–${m.lineEnd}` : ` ${m.lineStart}`}`;
  if (m.sourceTable !== null) return `${ref} table ${m.sourceTable} row ${m.sourceRowId}`;
  if (m.sourceModelId !== null) return `${ref} item ${m.sourceModelId}`;
  return ref;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** dd/MM/yyyy HH:mm:ss and the zone's short name (BST, GMT, CET) at that instant; one cached formatter per zone. */
function localParts(utc: string, zone: string): string | null {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      });
    } catch {
      return null;
    }
    formatters.set(zone, f);
  }
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return null;
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName ?? ''}`.trimEnd();
}

/** "28/04/2021 10:15:00 BST (Europe/London) · 2021-04-28 09:15:00 UTC" plus the source's own text. */
export function timeLine(m: MessageRecord): string {
  const local = localParts(m.utc, m.zone);
  const shown = local ? `${local} (${m.zone})` : m.zone;
  const utc = `${m.utc.slice(0, 10)} ${m.utc.slice(11, 19)} UTC`;
  const res = m.timeResolution === 'exact' ? '' : ` · time ${m.timeResolution} at a clock change`;
  return `${shown} · ${utc} · as written "${m.localText}"${res}`;
}
