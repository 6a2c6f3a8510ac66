import type { MembershipEventType } from '../../../domain/message.js';

/**
 * What WhatsApp writes into an exported chat in one language: system notices and the markers it
 * puts into people's messages (deleted, media left out, attached, edited). Wording from
 * ../shared/docs/whatsapp-strings.md (WhatsApp's own string files of several builds, Android and
 * iOS). Kept as data, one file per language, so a phrase seen in a real export is one line to add.
 *
 * Templates: `{actor}` who did it, `{targets}` a list of names ("A, B and C"), `{value}` a new
 * subject or number, `{old}` the old subject, `{file}` an attachment's file name. Quotes of any kind
 * match each other; a trailing `…` means anything may follow (WhatsApp appends "Tap for more
 * info." and the like, which changes between builds). Matching ignores direction marks, case and a
 * final full stop.
 */
export type EventPhrase = readonly [
  type: MembershipEventType,
  template: string,
  /** The phone's owner where the sentence itself names them ("You left", "{actor} added you"). */
  fixed?: { readonly actor?: 'You'; readonly targets?: readonly ['You'] },
];

export interface PhraseTable {
  /** BCP 47-like code, e.g. `pt-BR`. */
  readonly lang: string;
  /** The language's word for the phone's owner in system lines ("Du", "Vous"): read as "You". */
  readonly you: readonly string[];
  /** The word joining the last two names of a list ("and"). */
  readonly and: readonly string[];
  /** Prefixes of the end-to-end encryption notice. */
  readonly encryption: readonly string[];
  readonly events: readonly EventPhrase[];
  /** Body of a message deleted for everyone. */
  readonly deleted: readonly string[];
  /** Body of the owner's own message they deleted for everyone. */
  readonly youDeleted: readonly string[];
  /** Android `<Media omitted>` and its translations, with their angle brackets. */
  readonly mediaOmitted: readonly string[];
  /** iOS per-type placeholders ("image omitted"). */
  readonly iosOmitted: readonly string[];
  /** Attachment markers with `{file}`. */
  readonly attached: readonly string[];
  /** Marker appended to an edited message, with its angle brackets. */
  readonly edited: readonly string[];
}
