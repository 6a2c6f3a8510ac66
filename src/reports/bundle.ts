/**
 * The evidence bundle for one subject (PDF): cover with the exhibits and their SHA-256, the
 * conduct picture, charts, then every relevant message (offensive ones sent, offensive ones
 * received while a member, endorsed, challenged) verbatim with N messages of context either side,
 * each with sender and person, local time with zone and UTC, exhibit and line or row, the flag's
 * reasons and the reviewer's decision, and a stored image printed with the text read from it and
 * its hash (bundle-images.ts); last, a manifest page with the hashes of every input.
 *
 * This file gathers what the bundle prints (the relevant messages, their context, the provenance);
 * bundle-pages.ts draws the pages in the order they print.
 */
import { summariseConduct, type PersonPicture, type PersonSummary } from '../analysis/conduct/index.js';
import { UsageError, UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { CaseRecord, ConversationRecord, ExhibitRecord, MessageRecord } from '../store/types.js';
import { loadBundleImages, type BundleImages } from './bundle-images.js';
import { renderBundle } from './bundle-pages.js';
import {
  digest,
  exhibitInputs,
  inputsAsAt,
  reportConduct,
  runProvenance,
  softwareVersion,
  type Provenance,
  type ReportConduct,
} from './provenance.js';

export interface BundleOptions {
  /** Person id or name, or a participant's name (or `participant:pN`) before people are identified. */
  readonly person: string;
  /** Messages of context before and after each relevant message (default 3). */
  readonly context?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** The workspace folder, to print stored images from the evidence store (issue 17). */
  readonly workspace?: string;
}

export interface BundleResult {
  readonly pdf: Buffer;
  readonly pages: number;
  readonly person: { readonly id: string; readonly name: string };
  readonly relevant: number;
  readonly messages: number;
  readonly provenance: Provenance;
}

export type Role =
  | { kind: 'sent' }
  | { kind: 'received'; certainty: string }
  | { kind: 'endorsed'; reasons: string[] }
  | { kind: 'challenged'; reasons: string[] }
  | { kind: 'response'; to: number; what: 'endorsed' | 'challenged'; reason: string };

/** Finds the subject's conduct picture from X. */
export function findPicture(
  c: ReportConduct,
  x: string,
  persons: readonly { id: number; name: string }[],
): PersonPicture {
  const people = c.report.people;
  const want = x.trim().toLowerCase();
  const byPersonId =
    persons.find((p) => String(p.id) === want) ?? persons.find((p) => p.name.toLowerCase() === want);
  if (byPersonId) {
    const pic = people.find((p) => p.person === `person:${byPersonId.id}`);
    if (!pic)
      throw new UserError(
        `person "${byPersonId.name}" has no confirmed participant yet: confirm one with \`scrutineer identify CASE --confirm P --person "${byPersonId.name}"\`, or name the participant instead`,
        { code: 'person_not_linked' },
      );
    return pic;
  }
  const exact = people.filter((p) => p.person.toLowerCase() === want);
  if (exact.length === 1) return exact[0]!;
  const named = people.filter((p) => p.name.toLowerCase() === want);
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    throw new UserError(
      `"${x}" names ${named.length} provisional people (${named.map((p) => p.person).join(', ')}): give one of those ids, or confirm the participants as one person with \`scrutineer identify\``,
      { code: 'ambiguous_person' },
    );
  throw new UserError(
    `no person or participant "${x}" in this case (see \`scrutineer person list\` and \`scrutineer identify\`)`,
    {
      code: 'no_person',
    },
  );
}

/** A run of a conversation's messages: relevant ones with their context, in the conversation's order. */
export interface Extract {
  readonly conv: number;
  readonly ids: number[];
}

/** The messages the conduct analysis read, per conversation in order, and each one's UTC time. */
export interface ConversationOrder {
  readonly byConversation: ReadonlyMap<number, number[]>;
  readonly utcOf: ReadonlyMap<number, string>;
}

/** Everything the pages print, gathered before the first page is drawn. */
export interface BundleData {
  readonly theCase: CaseRecord;
  readonly conduct: ReportConduct;
  readonly pic: PersonPicture;
  readonly summary: PersonSummary;
  readonly exhibits: readonly ExhibitRecord[];
  readonly conversations: ReadonlyMap<number, ConversationRecord>;
  readonly roles: ReadonlyMap<number, Role[]>;
  readonly order: ConversationOrder;
  readonly extracts: readonly Extract[];
  readonly records: ReadonlyMap<number, MessageRecord>;
  readonly pictures: BundleImages;
  readonly context: number;
  readonly asAt: string;
  readonly provenance: Provenance;
  readonly inputDigest: string;
}

export async function buildBundle(
  store: Store,
  theCase: CaseRecord,
  o: BundleOptions,
): Promise<BundleResult> {
  const context = o.context ?? 3;
  if (!(context >= 0 && context <= 50)) throw new UsageError('--context must be between 0 and 50');
  const conduct = await reportConduct(store, theCase.id);
  const persons = await store.people.list(theCase.id);
  const pic = findPicture(conduct, o.person, persons);
  const summary = summariseConduct({ people: [pic] }).people[0]!;
  const exhibits = await store.exhibits.list(theCase.id);
  const conversations = new Map((await store.conversations.list(theCase.id)).map((c) => [c.id, c]));
  const roles = relevantRoles(pic);
  const order = conversationOrder(conduct);
  const extracts = contextExtracts(order, roles, context);

  const needed = new Set(extracts.flatMap((e) => e.ids));
  const records = new Map<number, MessageRecord>();
  for await (const m of store.messages.iterate(theCase.id)) if (needed.has(m.id)) records.set(m.id, m);
  const pictures = await loadBundleImages(store, [...needed], conduct.run?.id ?? null, o.workspace);
  const asAt = await inputsAsAt(store, theCase);
  const provenance = bundleProvenance({ theCase, conduct, pic, summary, exhibits, records, pictures, asAt });
  const inputDigest = digest(provenance);

  const pdf = renderBundle(
    {
      theCase,
      conduct,
      pic,
      summary,
      exhibits,
      conversations,
      roles,
      order,
      extracts,
      records,
      pictures,
      context,
      asAt,
      provenance,
      inputDigest,
    },
    o.onProgress,
  );
  const bytes = await pdf.finish();
  return {
    pdf: bytes,
    pages: pdf.pages,
    person: { id: pic.person, name: pic.name },
    relevant: roles.size,
    messages: needed.size,
    provenance,
  };
}

/** Why each relevant message is in the bundle: sent, received, endorsed, challenged, a response. */
function relevantRoles(pic: PersonPicture): Map<number, Role[]> {
  const roles = new Map<number, Role[]>();
  const add = (id: number, r: Role): void => void roles.set(id, [...(roles.get(id) ?? []), r]);
  for (const s of pic.sentOffensiveMessages) add(s.messageId, { kind: 'sent' });
  for (const r of pic.receivedMessages) add(r.messageId, { kind: 'received', certainty: r.certainty });
  for (const e of pic.endorsedMessages) {
    add(e.messageId, { kind: 'endorsed', reasons: e.evidence.map((v) => v.reason) });
    for (const v of e.evidence)
      if (v.messageId !== e.messageId)
        add(v.messageId, { kind: 'response', to: e.messageId, what: 'endorsed', reason: v.reason });
  }
  for (const e of pic.challengedMessages) {
    add(e.messageId, { kind: 'challenged', reasons: e.evidence.map((v) => v.reason) });
    for (const v of e.evidence)
      if (v.messageId !== e.messageId)
        add(v.messageId, { kind: 'response', to: e.messageId, what: 'challenged', reason: v.reason });
  }
  return roles;
}

function conversationOrder(conduct: ReportConduct): ConversationOrder {
  const byConversation = new Map<number, number[]>();
  for (const m of conduct.input.messages) {
    let list = byConversation.get(m.conversationId);
    if (!list) byConversation.set(m.conversationId, (list = []));
    list.push(m.id);
  }
  return { byConversation, utcOf: new Map(conduct.input.messages.map((m) => [m.id, m.utc])) };
}

/** Context windows per conversation, merged where they overlap, earliest first. */
function contextExtracts(
  order: ConversationOrder,
  roles: ReadonlyMap<number, Role[]>,
  context: number,
): Extract[] {
  const position = new Map<number, { conv: number; at: number }>();
  for (const [conv, ids] of order.byConversation) ids.forEach((id, at) => position.set(id, { conv, at }));
  const ranges = new Map<number, [number, number][]>();
  for (const id of roles.keys()) {
    const p = position.get(id);
    if (!p) continue;
    const list = ranges.get(p.conv) ?? [];
    list.push([Math.max(0, p.at - context), p.at + context]);
    ranges.set(p.conv, list);
  }
  const extracts: Extract[] = [];
  for (const [conv, list] of ranges) {
    const ids = order.byConversation.get(conv)!;
    list.sort((a, b) => a[0] - b[0]);
    let cur: [number, number] | null = null;
    const flush = (): void => {
      if (cur) extracts.push({ conv, ids: ids.slice(cur[0], Math.min(ids.length, cur[1] + 1)) });
    };
    for (const r of list) {
      if (cur && r[0] <= cur[1] + 1) cur[1] = Math.max(cur[1], r[1]);
      else {
        flush();
        cur = [r[0], r[1]];
      }
    }
    flush();
  }
  const { utcOf } = order;
  return extracts.sort((a, b) => {
    const ua = utcOf.get(a.ids[0]!)!;
    const ub = utcOf.get(b.ids[0]!)!;
    return ua < ub ? -1 : ua > ub ? 1 : a.conv - b.conv;
  });
}

/** The hashes of everything the bundle was made from (printed on the cover and the manifest). */
function bundleProvenance(d: {
  theCase: CaseRecord;
  conduct: ReportConduct;
  pic: PersonPicture;
  summary: PersonSummary;
  exhibits: readonly ExhibitRecord[];
  records: ReadonlyMap<number, MessageRecord>;
  pictures: BundleImages;
  asAt: string;
}): Provenance {
  const { conduct, pictures } = d;
  const ids = [...d.records.keys()].sort((a, b) => a - b);
  const included = ids.map((id) => {
    const m = d.records.get(id)!;
    return { id, text: m.text, utc: m.utc, sender: m.sender, exhibit: m.exhibitId };
  });
  const codesUsed = conduct.codes
    ? ids.flatMap((id) => {
        const c = conduct.codes!.get(id);
        return c ? [c] : [];
      })
    : null;
  const imageFlags = [...pictures.flags.values()].flat();
  return {
    software: softwareVersion(),
    analysisRun: runProvenance(conduct.run, d.theCase.id, conduct.termListVersion),
    inputsAsAt: d.asAt,
    inputs: [
      ...exhibitInputs(d.exhibits),
      {
        name: 'Messages in this bundle',
        sha256: digest(included),
        detail: `${included.length} messages (id, verbatim text, UTC, sender, exhibit) as canonical JSON`,
      },
      {
        name: 'Conduct picture',
        sha256: digest(d.summary),
        detail: `${d.pic.person}: the figures and suggestions printed in section 2`,
      },
      {
        name: 'Flags',
        sha256: digest(
          conduct.run
            ? { run: conduct.run.id, flagged: [...conduct.flags.keys()].sort((a, b) => a - b) }
            : null,
        ),
        detail: conduct.run
          ? `run ${conduct.run.id}: ${conduct.flags.size} flagged message ids`
          : 'no flagger run',
      },
      {
        name: 'Text read from images',
        sha256: digest({
          readings: [...pictures.images.entries()]
            .sort(([a], [b]) => a - b)
            .map(([id, i]) => ({
              message: id,
              reading: i.reading.id,
              sha256: i.reading.sha256,
              text: i.reading.text,
            })),
          flags: imageFlags.map((f) => ({ id: f.id, message: f.messageId, score: f.score })),
        }),
        detail: `${pictures.images.size} OCR readings (message, reading id, image SHA-256, text); ${imageFlags.length} image-text flags (id, message, score)`,
      },
      {
        name: 'Reviewer decisions',
        sha256: digest(codesUsed),
        detail:
          codesUsed === null
            ? 'no coding in this store'
            : `${codesUsed.length} coded messages among those in this bundle`,
      },
    ],
  };
}
