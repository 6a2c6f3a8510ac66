/**
 * One group seen on several phones, lined up (src/analysis/merge): the canonical messages and the
 * report of what matched, what only one phone holds and what disagrees. Shared by the merge
 * analysis, which makes them, and the store, which keeps them (canonical_messages, merges).
 */

export type ConflictKind = 'text' | 'time' | 'deleted';

export interface MergeConflict {
  readonly kind: ConflictKind;
  readonly messageIds: readonly number[];
  readonly detail: string;
}

export interface CanonicalMessage {
  /** Time of the earliest copy (UTC). */
  readonly utc: string;
  /** One message id per source conversation that holds a copy, in conversation order. */
  readonly sources: readonly number[];
  readonly matchedBy: 'key' | 'content' | 'single';
}

export interface MergeReport {
  readonly conversations: readonly number[];
  readonly canonical: number;
  /** Messages present in every source. */
  readonly matched: number;
  /** Per source conversation: messages no other source holds. */
  readonly onlyIn: Readonly<Record<string, number>>;
  readonly conflicts: readonly MergeConflict[];
}
