import { UserError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import type { MergeRecord } from '../../store/repositories/merges.js';
import type { ConversationSummary } from '../../store/types.js';
import { mergeConversations, type MergeInputMessage } from './match.js';

export interface MergeSuggestion {
  readonly conversations: readonly number[];
  readonly reason: string;
}

/** Conversations from different exhibits that look like one group: same group JID, else same name. */
export function suggestMerges(
  conversations: readonly ConversationSummary[],
  merges: readonly MergeRecord[],
): MergeSuggestion[] {
  const merged = new Set(merges.filter((m) => m.undoneAt === null).flatMap((m) => m.conversationIds));
  const open = conversations.filter((c) => !merged.has(c.id) && c.isGroup !== false);
  const out: MergeSuggestion[] = [];
  const group = (key: (c: ConversationSummary) => string | null, reason: (k: string) => string) => {
    const by = new Map<string, ConversationSummary[]>();
    for (const c of open) {
      const k = key(c);
      if (k === null) continue;
      by.set(k, [...(by.get(k) ?? []), c]);
    }
    for (const [k, list] of by) {
      const exhibits = new Set(list.map((c) => c.exhibitId));
      if (list.length > 1 && exhibits.size > 1)
        out.push({ conversations: list.map((c) => c.id), reason: reason(k) });
    }
  };
  group(
    (c) => c.groupJid,
    (k) => `same group JID ${k}`,
  );
  const suggested = new Set(out.flatMap((s) => s.conversations));
  group(
    (c) => (suggested.has(c.id) ? null : c.name.trim().toLowerCase()),
    (k) => `same group name "${k}"`,
  );
  return out;
}

export async function mergeCaseConversations(
  store: Store,
  caseId: number,
  conversationIds: readonly number[],
  name: string | null,
  actor: string,
): Promise<MergeRecord> {
  if (new Set(conversationIds).size !== conversationIds.length || conversationIds.length < 2) {
    throw new UserError('give at least two different conversation ids to merge');
  }
  const conversations = await store.conversations.list(caseId);
  const chosen = conversationIds.map((id) => {
    const c = conversations.find((x) => x.id === id);
    if (!c)
      throw new UserError(`conversation ${id} is not in this case (see \`scrutineer conversations CASE\`)`);
    return c;
  });
  const active = (await store.merges.list(caseId)).filter((m) => m.undoneAt === null);
  for (const c of chosen) {
    const m = active.find((x) => x.conversationIds.includes(c.id));
    if (m)
      throw new UserError(
        `conversation ${c.id} is already in merge ${m.id} ("${m.name}"); undo that merge first`,
      );
  }
  const sources: MergeInputMessage[][] = [];
  for (const c of chosen) {
    const list: MergeInputMessage[] = [];
    for await (const m of store.messages.iterate(caseId, { conversationId: c.id })) {
      list.push({
        id: m.id,
        conversationId: c.id,
        keyId: m.keyId,
        sender: m.sender,
        senderJid: m.senderJid,
        kind: m.kind,
        text: m.text,
        utc: m.utc,
      });
    }
    sources.push(list);
  }
  const result = mergeConversations(sources);
  return store.transaction(async (repos) => {
    const record = await repos.merges.create({
      caseId,
      name: name ?? chosen[0]!.name,
      conversationIds,
      report: result.report,
      messages: result.messages,
      createdBy: actor,
    });
    await repos.audit.append({
      actor,
      action: 'conversations.merge',
      caseId,
      subject: `merge ${record.id}`,
      detail: {
        mergeId: record.id,
        conversations: conversationIds,
        report: { ...result.report, conflicts: result.report.conflicts.length },
      },
    });
    return record;
  });
}

export async function undoMerge(
  store: Store,
  caseId: number,
  mergeId: number,
  actor: string,
): Promise<MergeRecord> {
  const m = await store.merges.get(caseId, mergeId);
  if (!m) throw new UserError(`no merge ${mergeId} in this case`);
  if (m.undoneAt)
    throw new UserError(`merge ${mergeId} was already undone at ${m.undoneAt} by ${m.undoneBy}`);
  return store.transaction(async (repos) => {
    await repos.merges.undo(mergeId, actor);
    await repos.audit.append({
      actor,
      action: 'conversations.unmerge',
      caseId,
      subject: `merge ${mergeId}`,
      detail: { mergeId },
    });
    return (await repos.merges.get(caseId, mergeId))!;
  });
}
