/**
 * The conduct views of generated cases, for the check that splitting the long analysis functions
 * (buildTimelines, classifyResponses, proposeLinks, analyseConduct, mergedConductView) changed
 * nothing. `write-views-fixture.ts` ran `conductViews` once on the code before the split and saved
 * inputs and outputs in fixtures/views.json; views.test.ts runs the current code on the saved inputs
 * and expects the saved outputs, order included. The inputs are saved too, so a later change to the
 * generators in test/support cannot make the comparison miss.
 */
import { createHash } from 'node:crypto';

import {
  analyseConduct,
  buildTimelines,
  classifyResponses,
  countsFor,
  mergeOffensiveMarks,
  proposeLinks,
  summariseConduct,
  type ConductInput,
  type ConductMembershipEvent,
  type ConductMessage,
  type ConductParticipant,
} from '../../../src/analysis/conduct/index.js';
import {
  mergedConductView,
  type ConductViewInput,
  type ViewCode,
  type ViewFlag,
  type ViewLink,
  type ViewMerge,
} from '../../../src/analysis/merge/conduct-view.js';
import { mulberry32 } from '../../support/random.js';
import { generate } from './generate.js';

export const FIXTURE = new URL('fixtures/views.json', import.meta.url);

/** Maps, sets and class instances as plain JSON, entries in their order (order is behaviour too). */
export function plain(x: unknown): unknown {
  if (x instanceof Map) return { map: [...x.entries()].map(([k, v]) => [plain(k), plain(v)]) };
  if (x instanceof Set) return { set: [...x].map(plain) };
  if (Array.isArray(x)) return x.map(plain);
  if (x !== null && typeof x === 'object')
    return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]));
  return x;
}
const json = (x: unknown): unknown => JSON.parse(JSON.stringify(plain(x)));

export interface ConductCase {
  readonly name: string;
  readonly input: ConductInput;
}

type MergedInput = ConductViewInput<ConductMessage, ConductMembershipEvent, ConductParticipant, ViewLink>;
export interface MergedCase {
  readonly name: string;
  readonly input: MergedInput;
  readonly merges: ViewMerge[];
}

const NAMES = ['Dave Smith', 'PC Dave Smith', 'Smithy', 'Jo Brown', 'Jo', 'Sgt Jo Brown', 'Ann Lee', 'A Lee'];
const PHONES = ['+44 7700 900123', '07700 900123', '+44 7700 900456', '0044 7700 900789', null];

/** Participants over three conversations with shared numbers, JIDs, push names and name variants. */
function linkParticipants(seed: number): ConductParticipant[] {
  const r = mulberry32(seed * 7 + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out: ConductParticipant[] = [];
  for (let i = 0; i < 24; i++) {
    const phone = pick(PHONES);
    out.push({
      key: `L${i}`,
      conversationId: 1 + (i % 3),
      displayName: r() < 0.2 && phone ? phone : pick(NAMES),
      ...(phone ? { phone } : {}),
      ...(r() < 0.3 ? { jid: `${Math.floor(r() * 4)}@s.whatsapp.net` } : {}),
      ...(r() < 0.3 ? { pushName: pick(['dave', 'jo b', 'annie']) } : {}),
      ...(i % 3 === 0 && i < 9 ? { isOwner: true } : {}),
    });
  }
  return out;
}

/**
 * The generated group with noise in its record: events out of place (left twice, added while a
 * member, removed before joining), so every kind of conflict is met.
 */
function noisyCase(seed: number): ConductCase {
  const r = mulberry32(seed * 31);
  const { script, links } = generate(seed);
  const names = script.participants.map((p) => p.displayName);
  const times = script.messages.map((m) => m.utc);
  const types = ['added', 'left', 'removed', 'joined_by_link', 'created', 'number_changed'] as const;
  const events: ConductMembershipEvent[] = [...script.events];
  for (let i = 0; i < 40; i++) {
    const type = types[Math.floor(r() * types.length)]!;
    const who = names[Math.floor(r() * names.length)]!;
    events.push({
      id: 1000 + i,
      conversationId: script.conversationId,
      messageId: 100_000 + i,
      type,
      actor: r() < 0.2 ? null : names[Math.floor(r() * names.length)]!,
      targets: r() < 0.2 ? [] : [who],
      utc: times[Math.floor(r() * times.length)]!,
      ...(type === 'number_changed' ? { value: r() < 0.5 ? who : '+44 7700 900111' } : {}),
    });
  }
  return {
    name: `generated group with noise, seed ${seed}`,
    input: {
      messages: script.messages,
      events,
      participants: script.participants,
      offensive: script.offensive,
      confirmedLinks: links,
    },
  };
}

export function conductCases(): ConductCase[] {
  return [noisyCase(5), ...conductCases1to4()];
}

function conductCases1to4(): ConductCase[] {
  return [1, 2, 3, 4].map((seed) => {
    const { script, links } = generate(seed);
    return {
      name: `generated group, seed ${seed}`,
      input: {
        messages: script.messages,
        events: script.events,
        participants: script.participants,
        offensive: script.offensive,
        confirmedLinks: links,
      },
    };
  });
}

/** A copy's time as an export keeps it: the minute. */
const minute = (utc: string): string => new Date(Math.floor(Date.parse(utc) / 60_000) * 60_000).toISOString();

/**
 * The generated group seen on two phones (1: a database, one row per member in its events, key ids;
 * 2: an export, renamed senders, minutes, some lines missing) and a third group merged with nothing.
 */
export function mergedCase(seed: number, exportOwnerAsYou: boolean): MergedCase {
  const r = mulberry32(seed * 13 + (exportOwnerAsYou ? 1 : 0));
  const { script, links } = generate(seed);
  const rename = (n: string): string =>
    n === 'You' ? 'You' : ({ 'PC Adams': 'Adams', 'Sgt Brown': 'Brownie', Fox: 'PC Fox' }[n] ?? n);
  const ownerName = script.participants.find((p) => p.isOwner)!.displayName;
  const participants: ConductParticipant[] = [];
  const messages: ConductMessage[] = [];
  const events: ConductMembershipEvent[] = [];
  script.participants.forEach((p, i) => {
    participants.push({
      ...p,
      key: `d:${p.displayName}`,
      conversationId: 1,
      ...(i % 2 === 0 ? { jid: `44${i}@s.whatsapp.net` } : {}),
    });
  });
  const exported = new Set<string>();
  const sources: { sources: number[] }[] = [];
  for (const m of script.messages) {
    messages.push({ ...m, conversationId: 1, participantKey: m.participantKey?.replace('k:', 'd:') ?? null });
    if (r() < 0.1) {
      sources.push({ sources: [m.id] });
      continue;
    }
    const owner = m.sender === ownerName;
    const sender = m.sender === null ? null : owner && exportOwnerAsYou ? 'You' : rename(m.sender);
    if (sender !== null && sender !== 'You') exported.add(m.sender!);
    messages.push({
      id: m.id + 10_000,
      conversationId: 2,
      sender,
      participantKey: sender === null || sender === 'You' || r() < 0.3 ? null : `t:${sender}`,
      utc: minute(m.utc),
      kind: m.kind,
      text: m.text,
    });
    sources.push({ sources: [m.id, m.id + 10_000] });
  }
  // Members the export shows under a name of its own in its events only (they never spoke there).
  const shown = (n: string): string => (n === 'You' || exported.has(n) ? rename(n) : `${rename(n)} (x)`);
  for (const e of script.events) {
    const perMember = ['added', 'removed', 'left', 'joined_by_link'].includes(e.type);
    if (perMember && e.targets.length > 1)
      e.targets.forEach((t, i) => events.push({ ...e, id: e.id * 10 + i, conversationId: 1, targets: [t] }));
    else events.push({ ...e, id: e.id * 10, conversationId: 1 });
    if (r() < 0.1) continue;
    events.push({
      ...e,
      id: e.id + 5_000,
      conversationId: 2,
      utc: minute(e.utc),
      actor: e.actor === null ? null : shown(e.actor),
      targets: e.targets.map(shown),
      ...(e.value ? { value: shown(e.value) } : {}),
    });
  }
  // The owner leaves and is added back, on both phones: the export says "You", never who that is.
  const half = Math.floor(script.messages.length / 2);
  for (const [i, type, actor, m] of [
    [0, 'left', 'You', script.messages[half]!],
    [1, 'added', 'Sgt Brown', script.messages[half + 5]!],
  ] as const) {
    const e = { messageId: m.id, type, targets: ['You'], utc: m.utc };
    events.push({ ...e, id: 9_000 + i, conversationId: 1, actor });
    events.push({ ...e, id: 9_500 + i, conversationId: 2, actor: shown(actor), utc: minute(m.utc) });
  }
  // The export's participants: its senders (one with the database's JID), and its owner.
  for (const n of exported) {
    const jid = n === 'DC Clark' ? { jid: participants.find((p) => p.key === `d:${n}`)?.jid ?? null } : {};
    participants.push({ key: `t:${rename(n)}`, conversationId: 2, displayName: rename(n), ...jid });
  }
  participants.push({
    key: 't:owner',
    conversationId: 2,
    displayName: exportOwnerAsYou ? 'You' : ownerName,
    isOwner: true,
  });
  // A third group, in no merge.
  const other = generate(seed + 50).script;
  const otherMessages = other.messages.slice(0, 40);
  const last = otherMessages.at(-1)!.id;
  for (const m of otherMessages)
    messages.push({
      ...m,
      id: m.id + 50_000,
      conversationId: 3,
      participantKey: m.participantKey && `x${m.participantKey}`,
    });
  for (const e of other.events.filter((x) => x.messageId <= last))
    events.push({ ...e, id: e.id + 50_000, conversationId: 3, messageId: e.messageId + 50_000 });
  for (const p of other.participants) participants.push({ ...p, key: `x${p.key}`, conversationId: 3 });
  const otherOffensive = other.offensive
    .filter((o) => o.messageId <= last)
    .map((o) => ({ ...o, messageId: o.messageId + 50_000 }));

  const coded: ViewCode[] = [];
  const flagged: ViewFlag[] = [];
  for (const o of [...script.offensive, ...otherOffensive]) {
    const copy = o.messageId < 50_000 && r() < 0.5 ? o.messageId + 10_000 : o.messageId;
    if (o.basis === 'coded') {
      coded.push({ messageId: copy, categories: o.categories, offensive: true });
      if (r() < 0.3) coded.push({ messageId: o.messageId, categories: ['profanity'], offensive: r() < 0.5 });
    } else {
      flagged.push({ messageId: o.messageId, categories: o.categories, score: Math.round(r() * 100) / 100 });
      if (r() < 0.5)
        flagged.push({
          messageId: copy,
          categories: ['other_derogatory'],
          ...(r() < 0.5 ? { score: 0.5 } : {}),
        });
    }
  }
  const confirmedLinks: ViewLink[] = [
    ...links.map((l) => ({ ...l, participantKey: l.participantKey.replace('k:', 'd:') })),
    { participantKey: 'd:Evans', person: 'Evans' },
    { participantKey: 't:Evans', person: 'Someone else' },
    { participantKey: 'xk:Davies', person: 'Davies' },
  ];
  return {
    name: `two phones, seed ${seed}${exportOwnerAsYou ? ', export owner as You' : ''}`,
    input: { messages, events, participants, coded, flagged, confirmedLinks },
    merges: [{ id: 5, conversationIds: [2, 1], messages: sources }],
  };
}

export function mergedCases(): MergedCase[] {
  return [mergedCase(1, true), mergedCase(2, false), mergedCase(3, true)];
}

/** Everything the conduct analysis computes from one case, as plain JSON. */
export function conductViews(c: ConductCase): unknown {
  const { input } = c;
  const report = analyseConduct(input);
  const narrow = analyseConduct(input, { window: { messages: 3, minutes: 5 } });
  return json({
    report,
    narrow: { responses: narrow.responses, offensiveMessages: narrow.offensiveMessages },
    summary: summariseConduct(report),
    counts: countsFor(report, input.messages, { today: '2022-01-10', evidenceSufficient: '2021-09-01' }),
    timelinesAlone: buildTimelines(input.messages, input.events, input.participants),
    responsesAlone: classifyResponses(input.messages, input.offensive, input.participants),
    proposals: proposeLinks(input.participants, input.events),
    linkProposals: proposeLinks(linkParticipants(input.messages.length)),
  });
}

/** The merged view of a two-phone case, and the analysis of that view. */
export function mergedViews(c: MergedCase): unknown {
  const view = mergedConductView(c.input, c.merges);
  const unmerged = mergedConductView(c.input, []);
  let analysed: unknown;
  try {
    analysed = analyseConduct({
      messages: view.messages,
      events: view.events,
      participants: view.participants,
      offensive: mergeOffensiveMarks(view.coded, view.flagged),
      confirmedLinks: view.confirmedLinks,
    });
  } catch (e) {
    analysed = { error: String(e) };
  }
  return json({ view, unmergedSame: unmerged.messages === c.input.messages, analysed });
}

/** The saved fixture's shape. */
export interface ViewsFixture {
  readonly conduct: { name: string; input: ConductInput; output: Saved }[];
  readonly merged: { name: string; input: MergedInput; merges: ViewMerge[]; output: Saved }[];
}

/**
 * A saved output: whole for the first case of each kind (a difference shows as a diff), else the
 * SHA-256 of each part's JSON (keeps the fixture small; the part that differs is named).
 */
export type Saved = { whole: unknown } | { digests: Record<string, string> };

export function save(output: unknown, whole: boolean): Saved {
  if (whole) return { whole: output };
  const digests: Record<string, string> = {};
  for (const [k, v] of Object.entries(output as Record<string, unknown>))
    digests[k] = createHash('sha256').update(JSON.stringify(v)).digest('hex');
  return { digests };
}
