import { phoneDigits, senderKey } from '../search-text.js';
import { bool, flag, flagOrNull, toInt, type RepoContext } from './context.js';

export interface ParticipantRecord {
  readonly id: number;
  readonly conversationId: number;
  readonly displayName: string;
  readonly jid: string | null;
  readonly phone: string | null;
  readonly pushName: string | null;
  readonly contactName: string | null;
  readonly isOwner: boolean | null;
  readonly isAdmin: boolean | null;
  /** Listed as a current member by the source (device participant tables); null where unknown. */
  readonly currentMember: boolean | null;
}

/** A participant as a device database knows it. */
export interface ParticipantIdentity {
  readonly displayName: string;
  readonly jid: string | null;
  readonly phone: string | null;
  readonly pushName: string | null;
  readonly contactName: string | null;
  readonly isOwner: boolean;
  readonly isAdmin: boolean | null;
  readonly currentMember: boolean | null;
}

export class ParticipantsRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * Ensures each display name is a participant of the conversation and returns name → id for all
   * of them (existing and new). Names are kept exactly as displayed.
   */
  async upsertMany(conversationId: number, displayNames: Iterable<string>): Promise<Map<string, number>> {
    const names = [...new Set(displayNames)];
    const ids = new Map<string, number>();
    for (let i = 0; i < names.length; i += 500) {
      const chunk = names.slice(i, i + 500);
      await this.ctx.db
        .insertInto('participants')
        .values(chunk.map((display_name) => ({ conversation_id: conversationId, display_name })))
        .onConflict((oc) => oc.columns(['conversation_id', 'display_name']).doNothing())
        .execute();
      const rows = await this.ctx.db
        .selectFrom('participants')
        .select(['id', 'display_name'])
        .where('conversation_id', '=', conversationId)
        .where('display_name', 'in', chunk)
        .execute();
      for (const r of rows) ids.set(r.display_name, toInt(r.id));
    }
    return ids;
  }

  /** Adds participants with their identities (device sources); returns display name → id. */
  async insertIdentities(
    conversationId: number,
    people: readonly ParticipantIdentity[],
  ): Promise<Map<string, number>> {
    const ids = new Map<string, number>();
    for (const p of people) {
      const row = await this.ctx.db
        .insertInto('participants')
        .values({
          conversation_id: conversationId,
          display_name: p.displayName,
          jid: p.jid,
          phone: p.phone,
          push_name: p.pushName,
          contact_name: p.contactName,
          is_owner: flag(p.isOwner),
          is_admin: flagOrNull(p.isAdmin),
          current_member: flagOrNull(p.currentMember),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.set(p.displayName, toInt(row.id));
    }
    return ids;
  }

  /**
   * The phone's owner in an export, as one participant (issue 13.7). An export names the owner
   * "You" in system lines and by their own name on their messages. With the owner's name given
   * (`--owner-name`), the participant of that name (as people type names: case, accents, marks and a
   * number's spacing aside) is the owner, or a new one of that name where they wrote nothing; without
   * it, "You" is a participant of its own where the export mentions "You", for `identify` to tie to
   * a person. Returns the owner's participant id, or null where nothing names the owner.
   */
  async linkExportOwner(
    conversationId: number,
    ownerName: string | null,
    mentionsYou: boolean,
  ): Promise<number | null> {
    const name = ownerName?.trim() ? ownerName.trim() : null;
    if (name === null && !mentionsYou) return null;
    let id: number | null = null;
    if (name !== null) {
      const key = senderKey(name);
      const digits = phoneDigits(name);
      const found = (await this.list(conversationId)).find(
        (p) => senderKey(p.displayName) === key || (digits !== null && phoneDigits(p.displayName) === digits),
      );
      id = found?.id ?? null;
    }
    id ??= await this.upsert(conversationId, name ?? 'You');
    await this.ctx.db.updateTable('participants').set({ is_owner: 1 }).where('id', '=', id).execute();
    return id;
  }

  async upsert(conversationId: number, displayName: string): Promise<number> {
    const ids = await this.upsertMany(conversationId, [displayName]);
    return ids.get(displayName)!;
  }

  async list(conversationId: number): Promise<ParticipantRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('participants')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      conversationId: toInt(r.conversation_id),
      displayName: r.display_name,
      jid: r.jid,
      phone: r.phone,
      pushName: r.push_name,
      contactName: r.contact_name,
      isOwner: bool(r.is_owner),
      isAdmin: bool(r.is_admin),
      currentMember: bool(r.current_member),
    }));
  }
}
