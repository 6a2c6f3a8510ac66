import type { MembershipTimelineT } from '../contract/conduct-schemas.js';
import type { ReadonlyDeep } from '../contract/readonly-deep.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { MessageExtras } from '../store/types.js';
import {
  analyseConduct,
  proposeLinks,
  type ConductMembershipEvent,
  type ConductMessage,
  type ConductOptions,
  type ConductParticipant,
  type ConductReport,
  type ConfirmedLink,
  type LinkProposal,
  type OffensiveMark,
  mergeOffensiveMarks,
  normalisePhone,
  summariseConduct,
} from './conduct/index.js';
import { mergedConductView, type MergedConduct, type ViewMerge } from './merge/conduct-view.js';
import { withImageTextFlags } from '../media/flag-image-text.js';

/** Participant keys in the conduct analysis are the store's participant ids. */
export const participantKey = (id: number): string => `p${id}`;
export const personKey = (id: number): string => `person:${id}`;

export interface CaseConductInput {
  readonly messages: ConductMessage[];
  readonly events: ConductMembershipEvent[];
  /** The participants the analysis reads (a merged conversation's senders once each). */
  readonly participants: ConductParticipant[];
  /** Every participant as stored, merged or not (`identify` lists and decides on these). */
  readonly allParticipants: ConductParticipant[];
  readonly offensive: OffensiveMark[];
  /** Confirmed links as the analysis reads them (a folded participant's link on the one kept). */
  readonly confirmedLinks: ConfirmedLink[];
  /** Confirmed links as recorded, one per stored participant decided. */
  readonly allConfirmedLinks: ConfirmedLink[];
  /** Where the offensive marks came from: the flagger run used, and how many reviewer codes. */
  readonly basis: { readonly flagRun: number | null; readonly coded: number };
  /** What active merges changed: copies of each kept message, folded participants, dropped events. */
  readonly merged: MergedConduct;
}

/**
 * Read what the conduct analysis needs for a case from the store. Conversations in an active merge
 * are read as one (see merge/conduct-view.ts); `{ merges: false }` reads every conversation alone.
 * `withholdCodes`: messages whose code the reader may not see (a pending blind second review,
 * src/review/qc.ts); they count as uncoded, so the flagger stands for them.
 */
export async function loadConductInput(
  store: Store,
  caseId: number,
  options: { readonly merges?: boolean; readonly withholdCodes?: ReadonlySet<number> } = {},
): Promise<CaseConductInput> {
  const participants = await readParticipants(store, caseId);
  const messages = await readMessages(store, caseId);
  const events: ConductMembershipEvent[] = (await store.membershipEvents.list(caseId)).map((e) => ({
    id: e.id,
    conversationId: e.conversationId,
    messageId: e.messageId,
    type: e.type,
    actor: e.actor,
    targets: e.targets,
    utc: e.utc,
    value: e.value,
  }));
  const { run, coded, flagged } = await readMarks(store, caseId, options.withholdCodes);
  const confirmedLinks = await readConfirmedLinks(store, caseId);
  const merges = options.merges !== false ? await activeMerges(store, caseId) : [];
  const view = mergedConductView({ messages, events, participants, confirmedLinks, coded, flagged }, merges);
  return {
    messages: [...view.messages],
    events: [...view.events],
    participants: [...view.participants],
    allParticipants: participants,
    offensive: mergeOffensiveMarks(view.coded, view.flagged),
    confirmedLinks: [...view.confirmedLinks],
    allConfirmedLinks: confirmedLinks,
    basis: { flagRun: run?.id ?? null, coded: coded.length },
    merged: view.merged,
  };
}

/** Every participant of every conversation of the case, as stored. */
async function readParticipants(store: Store, caseId: number): Promise<ConductParticipant[]> {
  const participants: ConductParticipant[] = [];
  for (const c of await store.conversations.list(caseId)) {
    for (const p of await store.participants.list(c.id)) {
      participants.push({
        key: participantKey(p.id),
        conversationId: c.id,
        displayName: p.displayName,
        phone: p.phone,
        jid: p.jid,
        pushName: p.pushName,
        isOwner: p.isOwner ?? false,
      });
    }
  }
  return participants;
}

/** The case's messages in time order, with the quoted reply's key id and reactions from their extras. */
async function readMessages(store: Store, caseId: number): Promise<ConductMessage[]> {
  const messages: ConductMessage[] = [];
  for await (const m of store.messages.timeline(caseId)) {
    const extras = m.extrasJson === null ? null : (JSON.parse(m.extrasJson) as MessageExtras);
    messages.push({
      id: m.id,
      conversationId: m.conversationId,
      sender: m.sender,
      participantKey: m.participantId === null ? null : participantKey(m.participantId),
      utc: m.utc,
      kind: m.kind,
      text: m.text,
      keyId: m.keyId,
      replyToKeyId: extras?.replyTo?.keyId ?? null,
      reactions: (extras?.reactions ?? []).map((r) => ({ sender: r.sender, emoji: r.emoji, utc: r.utc })),
    });
  }
  return messages;
}

/** The latest flagger run's flags (image text included) and the reviewers' codes the reader may see. */
async function readMarks(store: Store, caseId: number, withholdCodes: ReadonlySet<number> | undefined) {
  const run = await store.flags.run(caseId);
  // Issue 17: a message whose image's text is flagged counts as an offensive message sent.
  const flags = run
    ? withImageTextFlags(
        await store.flags.list(run.id, { onlyFlagged: true }),
        await store.mediaTexts.flags(run.id),
      )
    : [];
  // A reviewer's decision overrides the flagger for that message; "unsure" leaves the flag standing.
  const codes = (await store.codes.listForCase(caseId)).filter(
    (c) => c.decision !== 'unsure' && !withholdCodes?.has(c.messageId),
  );
  return {
    run,
    coded: codes.map((c) => ({
      messageId: c.messageId,
      categories: c.categories,
      offensive: c.decision === 'offensive',
    })),
    flagged: flags.map((f) => ({
      messageId: f.messageId,
      categories: f.categories.map((c) => c.name).filter((c) => c !== 'profanity'),
      score: f.score,
    })),
  };
}

/** Identity links confirmed by an investigator (the latest decision on each pair stands). */
async function readConfirmedLinks(store: Store, caseId: number): Promise<ConfirmedLink[]> {
  const persons = new Map((await store.people.list(caseId)).map((p) => [p.id, p]));
  const inForce = new Map<string, { participantId: number; personId: number; decision: string }>();
  for (const d of await store.people.decisions(caseId)) inForce.set(`${d.participantId}:${d.personId}`, d);
  return [...inForce.values()]
    .filter((d) => d.decision === 'confirmed')
    .map((d) => ({
      participantKey: participantKey(d.participantId),
      person: personKey(d.personId),
      name: persons.get(d.personId)?.name ?? String(d.personId),
    }));
}

/** The merges of the case not undone, with their matched messages. */
async function activeMerges(store: Store, caseId: number): Promise<ViewMerge[]> {
  const merges: ViewMerge[] = [];
  for (const m of await store.merges.list(caseId)) {
    if (m.undoneAt !== null) continue;
    merges.push({
      id: m.id,
      conversationIds: m.conversationIds,
      messages: await store.merges.messages(m.id),
    });
  }
  return merges;
}

export async function caseConduct(
  store: Store,
  caseId: number,
  options: ConductOptions = {},
  load: { readonly withholdCodes?: ReadonlySet<number> } = {},
): Promise<{ input: CaseConductInput; report: ConductReport }> {
  const input = await loadConductInput(store, caseId, load);
  return { input, report: analyseConduct(input, options) };
}

/** One conversation's membership timeline with display names (`scrutineer membership --json`, the API). */
export type NamedMembershipTimeline = ReadonlyDeep<MembershipTimelineT>;

/** Who was a member of each conversation from when to when, named for people to read. */
export async function caseMembership(store: Store, caseId: number): Promise<NamedMembershipTimeline[]> {
  return namedTimelines(await caseConduct(store, caseId));
}

/** The membership timelines of an analysed case, with display names. */
export function namedTimelines({
  input,
  report,
}: {
  input: CaseConductInput;
  report: ConductReport;
}): NamedMembershipTimeline[] {
  // Senders never seen in a participant list are "implicit" participants of the report.
  const names = new Map<string, string>();
  for (const p of report.implicitParticipants) names.set(p.key, p.displayName);
  for (const p of input.participants) names.set(p.key, p.displayName);
  return report.timelines.map((t) => ({
    conversationId: t.conversationId,
    intervals: t.intervals.map((i) => ({
      ...i,
      participant: names.get(i.participantKey) ?? i.participantKey,
    })),
    conflicts: t.conflicts,
  }));
}

export async function caseLinkProposals(store: Store, caseId: number): Promise<LinkProposal[]> {
  const input = await loadConductInput(store, caseId);
  return proposeLinks(input.participants, input.events);
}

/**
 * Record an identity decision. A confirmation is refused where it would make one participant, or
 * one phone number, two people: the error names both.
 */
export async function decideIdentity(
  store: Store,
  caseId: number,
  participantId: number,
  personId: number,
  decision: 'confirmed' | 'rejected',
  by: string,
  evidence: unknown = null,
): Promise<void> {
  const person = await store.people.get(personId);
  if (!person || person.caseId !== caseId)
    throw new UserError(`no person ${personId} in this case (see \`scrutineer person list CASE\`)`);
  // Decisions are about stored participants, merged or not: read each conversation alone.
  const input = await loadConductInput(store, caseId, { merges: false });
  const participant = input.participants.find((p) => p.key === participantKey(participantId));
  if (!participant)
    throw new UserError(`no participant ${participantId} in this case (see \`scrutineer identify CASE\`)`);
  if (decision === 'confirmed') {
    const persons = new Map((await store.people.list(caseId)).map((p) => [personKey(p.id), p.name]));
    for (const link of input.confirmedLinks) {
      if (link.person === personKey(personId)) continue;
      const other = input.participants.find((p) => p.key === link.participantKey);
      const phone = normalisePhone(participant.phone);
      const samePhone = phone !== null && normalisePhone(other?.phone) === phone;
      if (link.participantKey === participant.key || samePhone) {
        throw new UserError(
          `refused: ${link.participantKey === participant.key ? `participant ${participantId} ("${participant.displayName}")` : `phone number ${participant.phone}`} is already confirmed as ${persons.get(link.person) ?? link.person}; it cannot also be ${person.name}. Reject that link first.`,
          { code: 'identity_conflict' },
        );
      }
    }
  }
  await store.transaction(async (repos) => {
    await repos.people.decide({ caseId, participantId, personId, decision, evidence, by });
    await repos.audit.append({
      actor: by,
      action: `identity.${decision === 'confirmed' ? 'confirm' : 'reject'}`,
      caseId,
      subject: `participant ${participantId}`,
      detail: {
        participantId,
        personId,
        person: person.name,
        participant: participant.displayName,
        evidence,
      },
    });
  });
}

/**
 * What the review server shows of a case's conduct analysis: each person's picture, the basis, the
 * offensive messages with their audiences, and the named membership timelines. Plain data, so it can
 * be computed on a worker thread (src/analysis/conduct-in-worker.ts) and passed back whole.
 */
export interface ConductViews {
  readonly conduct: ReturnType<typeof summariseConduct> & {
    readonly basis: CaseConductInput['basis'];
    readonly offensiveMessages: ConductReport['offensiveMessages'];
    readonly timelines: ConductReport['timelines'];
  };
  readonly membership: NamedMembershipTimeline[];
}

export async function caseConductViews(
  store: Store,
  caseId: number,
  withholdCodes: ReadonlySet<number>,
): Promise<ConductViews> {
  const analysed = await caseConduct(store, caseId, {}, { withholdCodes });
  const { input, report } = analysed;
  return {
    conduct: {
      ...summariseConduct(report),
      basis: input.basis,
      offensiveMessages: report.offensiveMessages,
      timelines: report.timelines,
    },
    membership: namedTimelines(analysed),
  };
}
