/**
 * The parts of an Android `message` row that depend on its kind: which side-table rows it has, and
 * what a location or media row adds. Split out of AndroidCurrent.message so that each step stays short.
 */

import type { MediaRef, MessageKind, ParsedMessage, Poll, SystemEvent } from '../../domain/message.js';
import { LOCATION, MEDIA, SIDE, type SideName, type SideRows } from './android-rows.js';
import { basename, numberOrNull, stringOrNull } from './common.js';

/** The source columns kept with a message for audit (`raw`), filled in as the row is read. */
export type RawColumns = Record<string, string | number | null>;

/** One message row while it is read: its own fields and the side-table rows every kind may need. */
export interface RowView {
  readonly id: number;
  /** Which side tables have a row for this message (bits of SIDE), from the message query. */
  readonly bits: number;
  readonly type: number | null;
  readonly text: string | null;
  readonly revoked: readonly unknown[] | undefined;
  readonly loc: readonly unknown[] | undefined;
  readonly mediaRow: readonly unknown[] | undefined;
}

/** What the row's kind makes of it: the kind and that kind's own message fields. */
export interface RowContent {
  kind: MessageKind;
  body: string;
  media: MediaRef | null;
  poll: Poll | null;
  location: ParsedMessage['location'];
  system: SystemEvent | null;
  deletedBy: ParsedMessage['deletedBy'];
}

/**
 * The message's row in a one-row-per-message side table. Looked up only where the query's side bit
 * says there is one, so messages without side rows cost no lookup.
 */
export function sideRow(rows: SideRows, bits: number, id: number, name: SideName): unknown[] | undefined {
  return (bits & SIDE[name]) !== 0 ? rows.get(name, id) : undefined;
}

/** A location message's link (or one made from its coordinates) and whether it is live; coordinates go to `raw`. */
export function locationContent(
  type: number | null,
  lat: unknown,
  loc: readonly unknown[] | undefined,
  raw: RawColumns,
): ParsedMessage['location'] {
  const latN = numberOrNull(lat);
  const lngN = numberOrNull(loc?.[LOCATION.lng]);
  raw.latitude = latN;
  raw.longitude = lngN;
  const place = stringOrNull(loc?.[LOCATION.place]);
  if (place !== null) raw.place_name = place;
  const url = stringOrNull(loc?.[LOCATION.url]);
  return {
    url: url ?? (latN !== null && lngN !== null ? `https://maps.google.com/?q=${latN},${lngN}` : null),
    live: type === 16 || (numberOrNull(loc?.[LOCATION.live]) ?? 0) > 0,
  };
}

/** A media message's file reference (caption falls back to the message text); file columns go to `raw`. */
export function mediaContent(
  mediaRow: readonly unknown[] | undefined,
  text: string | null,
  raw: RawColumns,
): MediaRef {
  const path = stringOrNull(mediaRow?.[MEDIA.path]);
  const caption = stringOrNull(mediaRow?.[MEDIA.caption]) ?? text;
  const media: MediaRef = {
    fileName: stringOrNull(mediaRow?.[MEDIA.name]) ?? basename(path),
    omitted: path === null,
    caption,
  };
  raw.mime_type = stringOrNull(mediaRow?.[MEDIA.mime]);
  raw.file_size = numberOrNull(mediaRow?.[MEDIA.size]);
  raw.file_hash = stringOrNull(mediaRow?.[MEDIA.hash]);
  raw.file_path = path;
  return media;
}
