/**
 * Names → participant keys, per conversation. System lines, reactions and export senders name people
 * as displayed; "You" is the phone's owner. A name that matches no participant becomes an implicit
 * participant of its own (key `implicit:<conversationId>:<name>`), so nobody seen in the evidence is
 * dropped: it stands as its own provisional person like any other participant.
 */
import type { ConductMessage, ConductParticipant } from './types.js';

export const OWNER_NAME = 'You';

export class ParticipantDirectory {
  private readonly byName = new Map<string, string>();
  private readonly owner = new Map<number, string>();
  private readonly byKey = new Map<string, ConductParticipant>();
  private readonly implicitList: ConductParticipant[] = [];

  constructor(participants: readonly ConductParticipant[]) {
    for (const p of participants) {
      if (this.byKey.has(p.key)) throw new Error(`conduct: participant key '${p.key}' given twice`);
      this.byKey.set(p.key, p);
      this.byName.set(nameKey(p.conversationId, p.displayName), p.key);
      if (p.isOwner) this.owner.set(p.conversationId, p.key);
    }
  }

  /** The participant key for a displayed name in a conversation (creating an implicit one if needed). */
  resolve(conversationId: number, name: string): string {
    if (name === OWNER_NAME || name === 'you') {
      const o = this.owner.get(conversationId);
      if (o !== undefined) return o;
      name = OWNER_NAME;
    }
    const k = nameKey(conversationId, name);
    const found = this.byName.get(k);
    if (found !== undefined) return found;
    const key = `implicit:${conversationId}:${name}`;
    const p: ConductParticipant = {
      key,
      conversationId,
      displayName: name,
      ...(name === OWNER_NAME ? { isOwner: true } : {}),
    };
    this.byName.set(k, key);
    this.byKey.set(key, p);
    this.implicitList.push(p);
    if (name === OWNER_NAME) this.owner.set(conversationId, key);
    return key;
  }

  /** The sender's participant key; null for system lines and messages with no sender. */
  senderOf(m: ConductMessage): string | null {
    if (m.kind === 'system') return null;
    if (m.participantKey !== null && m.participantKey !== undefined) {
      if (!this.byKey.has(m.participantKey)) {
        const p: ConductParticipant = {
          key: m.participantKey,
          conversationId: m.conversationId,
          displayName: m.sender ?? m.participantKey,
        };
        this.byKey.set(p.key, p);
        this.implicitList.push(p);
      }
      return m.participantKey;
    }
    if (m.sender === null) return null;
    return this.resolve(m.conversationId, m.sender);
  }

  get(key: string): ConductParticipant | undefined {
    return this.byKey.get(key);
  }

  /** Participants created for names that matched no given participant. */
  get implicit(): readonly ConductParticipant[] {
    return this.implicitList;
  }

  /** Every participant: the given ones, then the implicit ones. */
  all(): ConductParticipant[] {
    return [...this.byKey.values()];
  }
}

function nameKey(conversationId: number, name: string): string {
  return `${conversationId}\u0000${name}`;
}
