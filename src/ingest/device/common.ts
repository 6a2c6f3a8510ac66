import type BetterSqlite3 from 'better-sqlite3';
import { IANAZone } from 'luxon';
import { assertZone } from '../local-time.js';
import type { MessageTime, SenderIdentity } from '../../domain/message.js';

/**
 * Helpers shared by the device readers: instants rendered in the declared zone, JIDs, and the
 * display name chosen for a sender.
 */

const BUCKET_MS = 60 * 60_000;

/**
 * Renders UTC instants as wall-clock text in the exhibit's declared zone. The offset is cached
 * per hour of UTC where it is the same at both ends of the hour (no zone changes its offset twice
 * within an hour); an hour with a change in it (two a year in most zones) is asked per instant.
 * Luxon's offset costs a formatToParts call, so this keeps a million rows from each paying for
 * one: at 15-minute buckets they were still 5 % of the reading thread (issue 20, session 6).
 */
export class ZoneClock {
  private readonly tz: IANAZone;
  /** Offset (minutes) per UTC hour, or null where the offset changes inside it. */
  private readonly buckets = new Map<number, number | null>();
  /** `yyyy-MM-dd` by day since 1970. */
  private readonly days = new Map<number, string>();

  constructor(readonly zone: string) {
    assertZone(zone);
    this.tz = IANAZone.create(zone);
  }

  private offsetMin(ms: number): number {
    const b = Math.floor(ms / BUCKET_MS);
    let cached = this.buckets.get(b);
    if (cached === undefined) {
      const start = this.tz.offset(b * BUCKET_MS);
      const end = this.tz.offset(b * BUCKET_MS + BUCKET_MS - 1);
      cached = start === end ? start : null;
      // Rows are read chat by chat, so times jump back and forth: keep many buckets, but bounded.
      if (this.buckets.size >= 500_000) this.buckets.clear();
      this.buckets.set(b, cached);
    }
    return cached ?? this.tz.offset(ms);
  }

  /** `yyyy-MM-dd HH:mm:ss` in the declared zone. */
  local(ms: number): string {
    const t = ms + this.offsetMin(ms) * 60_000;
    if (t >= 0 && t < FAST_END) {
      const day = Math.floor(t / DAY_MS);
      return `${this.dayText(day)} ${clockText(Math.floor((t - day * DAY_MS) / 1000))}`;
    }
    const d = new Date(t);
    const y = d.getUTCFullYear();
    const year = y >= 0 && y < 10_000 ? String(y).padStart(4, '0') : String(y);
    return `${year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  }

  /** A device instant: exact, rendered in the declared zone. */
  time(ms: number): MessageTime {
    return { localText: this.local(ms), zone: this.zone, utc: this.utc(ms), resolution: 'exact' };
  }

  /** isoUtc(ms), with the date part cached per day. */
  utc(ms: number): string {
    if (!(ms >= 0 && ms < FAST_END)) return isoUtc(ms);
    const day = Math.floor(ms / DAY_MS);
    const inDay = Math.floor(ms - day * DAY_MS);
    const milli = inDay % 1000;
    const frac = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
    return `${this.dayText(day)}T${clockText((inDay - milli) / 1000)}.${frac}Z`;
  }

  /**
   * `yyyy-MM-dd` of a day since 1970 (UTC arithmetic): a million rows fall on a few thousand
   * days, so each is formatted once instead of building a Date per row.
   */
  private dayText(day: number): string {
    let text = this.days.get(day);
    if (text === undefined) {
      const d = new Date(day * DAY_MS);
      text = `${String(d.getUTCFullYear()).padStart(4, '0')}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
      if (this.days.size >= 100_000) this.days.clear();
      this.days.set(day, text);
    }
    return text;
  }
}

const DAY_MS = 86_400_000;
/** 10000-01-01T00:00:00Z: from there on years have five digits (and ISO strings a sign). */
const FAST_END = 253_402_300_800_000;

const two = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** `HH:mm:ss` of a second within a day. */
function clockText(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor(s / 60) % 60;
  return `${two(h)}:${two(m)}:${two(s % 60)}`;
}

export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** Milliseconds from a column that should hold a number; null where it does not. */
export function numberOrNull(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

export function stringOrNull(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (Buffer.isBuffer(v)) return v.toString('hex');
  return null;
}

export interface JidParts {
  readonly user: string;
  readonly server: string;
}

export function splitJid(jid: string): JidParts {
  const at = jid.lastIndexOf('@');
  if (at < 0) return { user: jid, server: '' };
  // A device suffix (user:device@server) is not part of the person.
  const user = jid.slice(0, at).split(':')[0] ?? '';
  return { user, server: jid.slice(at + 1) };
}

export function isGroupJid(jid: string | null): boolean {
  return jid !== null && jid.endsWith('@g.us');
}

export function isLidJid(jid: string | null): boolean {
  return jid !== null && jid.endsWith('@lid');
}

/** E.164 (`+` and digits) where a phone JID or number gives one. */
export function phoneFromJid(jid: string | null): string | null {
  if (!jid) return null;
  const { user, server } = splitJid(jid);
  if (server !== 's.whatsapp.net' && server !== 'c.us' && server !== '') return null;
  return /^\d{5,15}$/.test(user) ? `+${user}` : null;
}

export function phoneFromNumber(number: string | null | undefined): string | null {
  if (!number) return null;
  const digits = number.replace(/[\s().-]/g, '');
  const m = /^\+?(\d{5,15})$/.exec(digits);
  return m ? `+${m[1]}` : null;
}

export function jidForPhone(phone: string | null | undefined): string | null {
  const p = phoneFromNumber(phone);
  return p ? `${p.slice(1)}@s.whatsapp.net` : null;
}

/** Best display name: address-book name, else push name, else phone, else the JID's user part. */
export function displayNameOf(identity: SenderIdentity, fallback = 'Unknown'): string {
  const pick = (s: string | null) => (s !== null && s.trim() !== '' ? s : null);
  return (
    pick(identity.contactName) ??
    pick(identity.pushName) ??
    identity.phone ??
    (identity.jid ? splitJid(identity.jid).user || identity.jid : null) ??
    fallback
  );
}

export const PHONE_OWNER = 'Phone owner';

export interface OwnerInfo {
  readonly jid: string | null;
  readonly identity: SenderIdentity;
  readonly displayName: string;
}

/** The phone's owner as the caller declared them (or "Phone owner" where nothing says who). */
export function ownerFrom(
  ownerPhone: string | null | undefined,
  ownerName: string | null | undefined,
  dbJid: string | null = null,
  dbPushName: string | null = null,
): OwnerInfo {
  const jid = jidForPhone(ownerPhone) ?? dbJid;
  const phone = phoneFromNumber(ownerPhone) ?? phoneFromJid(dbJid);
  const identity: SenderIdentity = {
    jid,
    phone,
    pushName: dbPushName,
    contactName: ownerName && ownerName.trim() !== '' ? ownerName : null,
    isOwner: true,
  };
  const named = identity.contactName ?? identity.pushName ?? identity.phone;
  return { jid, identity, displayName: named ?? PHONE_OWNER };
}

export function basename(p: string | null): string | null {
  if (p === null) return null;
  const parts = p.split(/[\\/]/);
  const last = parts[parts.length - 1];
  return last === undefined || last === '' ? null : last;
}

/**
 * A statement's rows as objects keyed by column name, built here from better-sqlite3's raw arrays:
 * about a third cheaper per row than the objects better-sqlite3 builds itself, which counts on the
 * message query of a million-row database.
 */
export function* rowObjects(stmt: BetterSqlite3.Statement): Generator<Record<string, unknown>> {
  const names = stmt.columns().map((c) => c.name);
  for (const values of stmt.raw(true).iterate() as IterableIterator<unknown[]>) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < names.length; i++) row[names[i]!] = values[i];
    yield row;
  }
}
