/**
 * One time format for the whole app (issue 18, defect 8): every instant is shown in the case's zone
 * (not the browser's, not the source's own wording), with seconds where the source recorded them,
 * and the zone named. The source's wording stays available (title, source line) as evidence.
 */
import { createContext, useContext } from 'react';

/** The case's zone, set by each case page from the dashboard query (GET /api/cases/:id → timeZone). */
export const CaseZoneContext = createContext<string | null>(null);

export function useCaseZone(fallback: string): string {
  return useContext(CaseZoneContext) ?? fallback;
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string, kind: 'date' | 'time' | 'seconds' | 'name' | 'day'): Intl.DateTimeFormat {
  const key = `${zone}\u0000${kind}`;
  let f = formats.get(key);
  if (!f) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date'
        ? { year: 'numeric', month: '2-digit', day: '2-digit' }
        : kind === 'day'
          ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
          : kind === 'name'
            ? { timeZoneName: 'short', hour: '2-digit' }
            : {
                hour: '2-digit',
                minute: '2-digit',
                hourCycle: 'h23',
                ...(kind === 'seconds' ? { second: '2-digit' } : {}),
              };
    f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: zone });
    formats.set(key, f);
  }
  return f;
}

function part(f: Intl.DateTimeFormat, d: Date, type: Intl.DateTimeFormatPartTypes): string {
  return f.formatToParts(d).find((p) => p.type === type)?.value ?? '';
}

/** Whether a source time string carries seconds ("22:02:25", not "22:02"). */
export function hasSeconds(localText: string): boolean {
  return /\d:\d\d:\d\d/u.test(localText);
}

/** "2023-03-25" in the zone. */
export function dayOf(utc: string, zone: string): string {
  const d = new Date(utc);
  const f = formatter(zone, 'date');
  return `${part(f, d, 'year')}-${part(f, d, 'month')}-${part(f, d, 'day')}`;
}

/** "Saturday 25 March 2023" in the zone (the thread's day separators). */
export function dayHeading(utc: string, zone: string): string {
  return formatter(zone, 'day').format(new Date(utc)).replace(',', '');
}

/** "BST", "GMT", "UTC", "GMT+2": the zone's short name at that instant. */
export function zoneName(utc: string, zone: string): string {
  return part(formatter(zone, 'name'), new Date(utc), 'timeZoneName') || zone;
}

/** "22:02" or "22:02:25" in the zone. */
export function clockTime(utc: string, zone: string, seconds: boolean): string {
  return formatter(zone, seconds ? 'seconds' : 'time').format(new Date(utc));
}

/** "2023-03-25 22:02:25 BST": the one format for an instant wherever a date is needed. */
export function formatInstant(utc: string, zone: string, seconds = true): string {
  return `${dayOf(utc, zone)} ${clockTime(utc, zone, seconds)} ${zoneName(utc, zone)}`;
}

/** The zone's offset from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, zone: string): number {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const d = new Date(ms);
  const n = (t: Intl.DateTimeFormatPartTypes) => Number(part(f, d, t));
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * The UTC instant of a wall-clock time in the zone ("2023-03-26", "00:00"): "Jump to date" means
 * midnight where the case happened, not in UTC. At a gap (a daylight-saving spring-forward) the
 * first instant after it.
 */
export function zonedToUtc(date: string, time: string, zone: string): string {
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let guess = wall - offsetAt(wall, zone);
  // A second pass settles instants near a change of offset.
  guess = wall - offsetAt(guess, zone);
  return new Date(guess).toISOString();
}
