/**
 * Names in the merged conversation: one per participant, and each source's names (those of folded
 * senders, an export's "You", names it shows for nobody who sent anything there) read as those.
 */
import { OWNER, type MergeSources } from './view-sources.js';
import type { CaseFold, ViewEvent, ViewMessage, ViewParticipant } from './view-types.js';

/** What an export's "You" is called until the other sources' events say who it is. */
export const unknownOwner = (source: number): string => `You [conversation ${source}]`;

export class MergeNames<M extends ViewMessage, P extends ViewParticipant> {
  /** Participant key → its name in the merged conversation. */
  readonly nameOf = new Map<string, string>();
  /** Per source: a name it shows for nobody → the name of the merged conversation it is lined up with. */
  readonly lined = new Map<number, Map<string, string>>();
  /** Per source: names that resolved to none of its participants. */
  readonly unattached = new Map<number, Set<string>>();
  /** Per source: the names its own participants have in the merged conversation. */
  readonly ownNames = new Map<number, Set<string>>();

  constructor(
    private readonly src: MergeSources<M, P>,
    head: ReadonlyMap<string, P>,
    private readonly fold: CaseFold<M, ViewEvent, P>,
  ) {
    this.nameParticipants(head);
    for (const p of src.parts) {
      let set = this.ownNames.get(p.conversationId);
      if (!set) this.ownNames.set(p.conversationId, (set = new Set()));
      set.add(this.nameOf.get(this.folded(p.key)) ?? p.displayName);
    }
  }

  /** The participant a participant is folded into (itself if none). */
  folded(k: string): string {
    return this.fold.alias.get(k) ?? k;
  }

  /** One name per participant in the canonical conversation ("You" only for its own owner). */
  private nameParticipants(head: ReadonlyMap<string, P>): void {
    const { src, fold } = this;
    const taken = new Set<string>();
    for (const p of [...src.parts].sort(
      (a, b) => src.rankOf(a.conversationId) - src.rankOf(b.conversationId),
    )) {
      if (fold.droppedParticipants.has(p.key)) continue;
      let name = p.displayName;
      if (taken.has(name)) name = `${name} [conversation ${p.conversationId}]`;
      taken.add(name);
      this.nameOf.set(p.key, name);
      fold.renamedParticipants.set(p.key, {
        ...(head.get(p.key) ?? p),
        conversationId: src.canonical,
        displayName: name,
        isOwner: p.conversationId === src.canonical && (p.isOwner ?? false),
      } as P);
    }
  }

  /**
   * A name as a source shows it, read as the merged conversation's. "You" is each phone's owner. A
   * source that does not say who that is (an export) has its "You" read from the other sources'
   * events, as has a name it shows for nobody who sent anything there (a member who never spoke);
   * until then each stands apart.
   */
  rename(source: number, name: string): string {
    const { src } = this;
    if (OWNER.has(name)) {
      const o = src.ownerOf.get(source);
      if (o !== undefined) return this.nameOf.get(this.folded(o)) ?? name;
      return source === src.canonical ? 'You' : this.loose(source, unknownOwner(source));
    }
    const k = src.byName.get(source)?.get(name);
    if (k === undefined) return source === src.canonical ? name : this.loose(source, name);
    return this.nameOf.get(this.folded(k)) ?? name;
  }

  private loose(source: number, name: string): string {
    let set = this.unattached.get(source);
    if (!set) this.unattached.set(source, (set = new Set()));
    set.add(name);
    return this.lined.get(source)?.get(name) ?? name;
  }
}
