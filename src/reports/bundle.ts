/**
 * The evidence bundle for one subject (PDF): cover with the exhibits and their SHA-256, the
 * conduct picture, charts, then every relevant message (offensive ones sent, offensive ones
 * received while a member, endorsed, challenged) verbatim with N messages of context either side,
 * each with sender and person, local time with zone and UTC, exhibit and line or row, the flag's
 * reasons and the reviewer's decision, and a stored image printed with the text read from it and
 * its hash (bundle-images.ts); last, a manifest page with the hashes of every input.
 *
 * Why one file over 500 lines: the bundle's pages are laid out in the order they print; splitting them would scatter the page geometry they share.
 */
import { summariseConduct, type PersonPicture } from '../analysis/conduct/index.js';
import { UsageError, UserError } from '../domain/errors.js';
import type { Store } from '../store/open-store.js';
import type { CaseRecord, ExhibitRecord, MessageExtras, MessageRecord } from '../store/types.js';
import { activityChart, membershipChart, offensiveOverTimeChart } from './charts.js';
import { imageFlagNotes, loadBundleImages, printBundleImage } from './bundle-images.js';
import { PdfReport } from './pdf.js';
import {
  digest,
  exhibitInputs,
  inputsAsAt,
  provenanceRows,
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

type Role =
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

export function sourceOf(m: MessageRecord, exhibits: ReadonlyMap<number, ExhibitRecord>): string {
  const ref = exhibits.get(m.exhibitId)?.ref ?? `exhibit ${m.exhibitId}`;
  if (m.lineStart !== null)
    return `${ref} line${m.lineEnd !== null && m.lineEnd !== m.lineStart ? `s ${m.lineStart}–${m.lineEnd}` : ` ${m.lineStart}`}`;
  if (m.sourceTable !== null) return `${ref} table ${m.sourceTable} row ${m.sourceRowId}`;
  if (m.sourceModelId !== null) return `${ref} item ${m.sourceModelId}`;
  return ref;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
/** dd/MM/yyyy HH:mm:ss and the zone's short name (BST, GMT, CET) at that instant; one cached formatter per zone. */
function localParts(utc: string, zone: string): string | null {
  let f = formatters.get(zone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-GB', {
        timeZone: zone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'short',
      });
    } catch {
      return null;
    }
    formatters.set(zone, f);
  }
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return null;
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(ms)) p[part.type] = part.value;
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second} ${p.timeZoneName ?? ''}`.trimEnd();
}

/** "28/04/2021 10:15:00 BST (Europe/London) · 2021-04-28 09:15:00 UTC" plus the source's own text. */
export function timeLine(m: MessageRecord): string {
  const local = localParts(m.utc, m.zone);
  const shown = local ? `${local} (${m.zone})` : m.zone;
  const utc = `${m.utc.slice(0, 10)} ${m.utc.slice(11, 19)} UTC`;
  const res = m.timeResolution === 'exact' ? '' : ` · time ${m.timeResolution} at a clock change`;
  return `${shown} · ${utc} · as written "${m.localText}"${res}`;
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
  const exhibitById = new Map(exhibits.map((e) => [e.id, e]));
  const conversations = new Map((await store.conversations.list(theCase.id)).map((c) => [c.id, c]));
  const pictureOf = new Map(conduct.report.people.map((p) => [p.person, p]));
  const personName = (participantId: number | null): string | null => {
    if (participantId === null) return null;
    const person = conduct.report.personOf.get(`p${participantId}`);
    return person ? (pictureOf.get(person)?.name ?? null) : null;
  };

  // Roles of each relevant message.
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

  // Context windows per conversation, merged where they overlap.
  const byConversation = new Map<number, number[]>();
  for (const m of conduct.input.messages) {
    let list = byConversation.get(m.conversationId);
    if (!list) byConversation.set(m.conversationId, (list = []));
    list.push(m.id);
  }
  const position = new Map<number, { conv: number; at: number }>();
  for (const [conv, ids] of byConversation) ids.forEach((id, at) => position.set(id, { conv, at }));
  const ranges = new Map<number, [number, number][]>();
  for (const id of roles.keys()) {
    const p = position.get(id);
    if (!p) continue;
    const list = ranges.get(p.conv) ?? [];
    list.push([Math.max(0, p.at - context), p.at + context]);
    ranges.set(p.conv, list);
  }
  interface Extract {
    conv: number;
    ids: number[];
  }
  const extracts: Extract[] = [];
  for (const [conv, list] of ranges) {
    const ids = byConversation.get(conv)!;
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
  const utcOf = new Map(conduct.input.messages.map((m) => [m.id, m.utc]));
  extracts.sort((a, b) => {
    const ua = utcOf.get(a.ids[0]!)!;
    const ub = utcOf.get(b.ids[0]!)!;
    return ua < ub ? -1 : ua > ub ? 1 : a.conv - b.conv;
  });

  const needed = new Set(extracts.flatMap((e) => e.ids));
  const records = new Map<number, MessageRecord>();
  for await (const m of store.messages.iterate(theCase.id)) if (needed.has(m.id)) records.set(m.id, m);

  const pictures = await loadBundleImages(store, [...needed], conduct.run?.id ?? null, o.workspace);

  const asAt = await inputsAsAt(store, theCase);
  const included = [...needed]
    .sort((a, b) => a - b)
    .map((id) => {
      const m = records.get(id)!;
      return { id, text: m.text, utc: m.utc, sender: m.sender, exhibit: m.exhibitId };
    });
  const codesUsed = conduct.codes
    ? [...needed]
        .sort((a, b) => a - b)
        .flatMap((id) => {
          const c = conduct.codes!.get(id);
          return c ? [c] : [];
        })
    : null;
  const provenance: Provenance = {
    software: softwareVersion(),
    analysisRun: runProvenance(conduct.run, theCase.id, conduct.termListVersion),
    inputsAsAt: asAt,
    inputs: [
      ...exhibitInputs(exhibits),
      {
        name: 'Messages in this bundle',
        sha256: digest(included),
        detail: `${included.length} messages (id, verbatim text, UTC, sender, exhibit) as canonical JSON`,
      },
      {
        name: 'Conduct picture',
        sha256: digest(summary),
        detail: `${pic.person}: the figures and suggestions printed in section 2`,
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
          flags: [...pictures.flags.values()]
            .flat()
            .map((f) => ({ id: f.id, message: f.messageId, score: f.score })),
        }),
        detail: `${pictures.images.size} OCR readings (message, reading id, image SHA-256, text); ${[...pictures.flags.values()].flat().length} image-text flags (id, message, score)`,
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
  const inputDigest = digest(provenance);

  // ---- Render ----
  const pdf = new PdfReport({
    title: `Evidence bundle: ${pic.name}`,
    subject: `Case ${theCase.name}`,
    author: 'Scrutineer',
    keywords: `scrutineer; bundle; inputs ${inputDigest}`,
    date: new Date(asAt),
    footer: `${theCase.name} · evidence bundle · ${pic.name}`,
  });
  pdf.heading(`Evidence bundle: ${pic.name}`);
  pdf.keyValues([
    ['Case', theCase.name],
    [
      'Subject',
      `${pic.name} (${pic.person}${pic.provisional ? ', provisional: not yet identified as a person' : ''})`,
    ],
    [
      'Participants',
      pic.participants
        .map((k) => {
          const pid = Number(k.slice(1));
          const part = conduct.input.participants.find((p) => p.key === k);
          const conv = part ? conversations.get(part.conversationId) : undefined;
          return `${part?.displayName ?? k} (participant ${Number.isNaN(pid) ? k : pid}${conv ? ` in "${conv.name}"` : ''})`;
        })
        .join('; '),
    ],
    [
      'Offensive messages',
      `reviewer codes where a message is coded (${conduct.input.basis.coded} coded), else ${conduct.run ? `flagger run ${conduct.run.id}` : 'no flagger run'}`,
    ],
    [
      'Relevant messages',
      `${roles.size} (sent, received while a member, endorsed, challenged, responses), each with ${context} message(s) of context before and after`,
    ],
    ...provenanceRows(provenance),
  ]);
  pdf.heading('1. Exhibits', 2);
  pdf.table(
    [
      { header: 'Ref', width: 0.6 },
      { header: 'File, format, zone, added', width: 2.3 },
      { header: 'SHA-256', width: 4.6 },
    ],
    exhibits.map((e) => [
      e.ref,
      `${e.originalName} (${e.size} bytes; ${e.format}; ${e.timezone ?? '?'}; added ${e.addedAt.slice(0, 16).replace('T', ' ')} by ${e.addedBy})`,
      e.sha256,
    ]),
    { size: 7 },
  );

  pdf.heading('2. Conduct picture', 2);
  pdf.paragraph(
    'Counts are of messages; the standards listed are suggestions of what the evidence may engage, never findings.',
    { color: '#555555', size: 8 },
  );
  pdf.table(
    [
      { header: 'Measure', width: 2 },
      { header: 'Value', width: 5 },
    ],
    [
      ['Messages sent', String(summary.sent)],
      [
        'Offensive messages sent',
        `${summary.sentOffensive} (coded ${summary.byBasis.coded}, flagged only ${summary.byBasis.flagged})`,
      ],
      [
        'By category',
        Object.entries(summary.byCategory)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ') || '—',
      ],
      ['Offensive received while a member', String(summary.receivedOffensiveWhileMember)],
      ['Endorsed', String(summary.endorsed)],
      ['Challenged', String(summary.challenged)],
      ['Silent (neither)', String(summary.silent)],
      ['First / last message sent', `${summary.first ?? '—'} / ${summary.last ?? '—'}`],
    ],
  );
  if (summary.standards.length) {
    pdf.table(
      [
        { header: 'Standard (may engage)', width: 2 },
        { header: 'Messages', width: 0.8, align: 'right' },
        { header: 'Why', width: 4.2 },
      ],
      summary.standards.map((s) => [s.standard, String(s.messages.length), s.reason]),
    );
  }

  const activity = activityChart(
    conduct.report.people
      .filter((p) => p.sent > 0)
      .map((p) => ({
        name: p.name,
        sent: p.sent,
        offensive: p.sentOffensive,
        subject: p.person === pic.person,
      })),
  );
  // The heading moves with its first chart: never alone at the foot of a page (issue 15).
  pdf.ensure(activity.height + 40);
  pdf.heading('3. Charts', 2);
  pdf.svg(activity.svg, activity.width, activity.height);
  const months = new Map<string, { sent: number; received: number }>();
  const month = (id: number): string => (utcOf.get(id) ?? '').slice(0, 7);
  for (const s of pic.sentOffensiveMessages) {
    const m = months.get(month(s.messageId)) ?? { sent: 0, received: 0 };
    m.sent++;
    months.set(month(s.messageId), m);
  }
  for (const r of pic.receivedMessages) {
    const m = months.get(month(r.messageId)) ?? { sent: 0, received: 0 };
    m.received++;
    months.set(month(r.messageId), m);
  }
  const monthRows = [...months.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([m, v]) => ({ month: m, ...v }));
  if (monthRows.length) {
    const over = offensiveOverTimeChart(monthRows);
    pdf.svg(over.svg, over.width, over.height);
  }
  const subjectConvs = new Set(
    conduct.input.participants.filter((p) => pic.participants.includes(p.key)).map((p) => p.conversationId),
  );
  for (const t of conduct.report.timelines) {
    if (!subjectConvs.has(t.conversationId) || t.intervals.length === 0) continue;
    const ids = byConversation.get(t.conversationId) ?? [];
    if (!ids.length) continue;
    const start = Date.parse(utcOf.get(ids[0]!)!);
    const end = Date.parse(utcOf.get(ids[ids.length - 1]!)!);
    const chart = membershipChart(
      t.intervals.map((i) => {
        const person = conduct.report.personOf.get(i.participantKey) ?? i.participantKey;
        return {
          name: pictureOf.get(person)?.name ?? i.participantKey,
          from: i.from.utc ? Date.parse(i.from.utc) : start,
          to: i.to.utc ? Date.parse(i.to.utc) : end,
          certain: i.certainty === 'seen',
          subject: person === pic.person,
        };
      }),
      { start, end },
    );
    pdf.ensure(chart.height + 20);
    pdf.paragraph(`Conversation "${conversations.get(t.conversationId)?.name ?? t.conversationId}"`, {
      bold: true,
      size: 8.5,
    });
    pdf.svg(chart.svg, chart.width, chart.height);
  }

  pdf.pageBreak();
  pdf.heading('4. Relevant messages with context');
  pdf.paragraph(
    `Each extract shows the relevant message(s) (marked ▶) with ${context} message(s) before and after in the same conversation, verbatim. Times: local time in the exhibit's declared zone, UTC, and the time exactly as the source wrote it.`,
    { size: 8, color: '#555555' },
  );
  let done = 0;
  const total = extracts.length;
  extracts.forEach((ex, n) => {
    const first = records.get(ex.ids[0]!)!;
    pdf.ensure(60);
    pdf.rule();
    pdf.paragraph(
      `Extract ${n + 1} of ${extracts.length} · "${conversations.get(ex.conv)?.name ?? ex.conv}" · ${sourceOf(first, exhibitById)} onwards`,
      { bold: true, size: 9 },
    );
    for (const id of ex.ids) {
      const m = records.get(id)!;
      const r = roles.get(id);
      const focus = r !== undefined;
      const person = personName(m.participantId);
      const head = `${focus ? '▶ ' : ''}#${m.id} · ${m.sender ?? '(system)'}${person && person !== m.sender ? ` (person: ${person})` : ''} · ${sourceOf(m, exhibitById)}`;
      pdf.ensure(36);
      pdf.rich(head, { bold: focus, size: 8, color: focus ? '#7a1f16' : '#333333' });
      pdf.rich(timeLine(m), { size: 7, color: '#555555', indent: 10 });
      pdf.rich(m.text === '' ? '(empty)' : m.text, { size: focus ? 9.5 : 8.5, indent: 10 });
      const image = pictures.images.get(id);
      if (image) printBundleImage(pdf, image, 10);
      const notes: string[] = [];
      const extras = m.extrasJson === null ? null : (JSON.parse(m.extrasJson) as MessageExtras);
      if (m.mediaOmitted !== null)
        notes.push(
          `Media: ${m.mediaFileName ?? '(no file name)'}${m.mediaOmitted ? ' (not in the export)' : m.mediaFileId !== null ? ' (stored)' : ''}${m.mediaCaption ? `; caption "${m.mediaCaption}"` : ''}`,
        );
      if (m.kind === 'deleted') notes.push(`Deleted${extras?.deletedBy === 'admin' ? ' by an admin' : ''}`);
      if (m.edited)
        notes.push(
          `Edited${extras?.editedAt ? ` at ${extras.editedAt}` : ''} (the earlier text is not kept by the source)`,
        );
      if (extras?.replyTo)
        notes.push(`Quoted reply to: "${extras.replyTo.text ?? extras.replyTo.keyId ?? '?'}"`);
      if (extras?.reactions?.length)
        notes.push(`Reactions: ${extras.reactions.map((x) => `${x.emoji} by ${x.sender}`).join(', ')}`);
      if (focus) {
        for (const role of r) {
          if (role.kind === 'sent')
            notes.push(
              `Relevance: sent by ${pic.name}; offensive (${conduct.input.offensive.find((o) => o.messageId === id)?.basis ?? '?'})`,
            );
          if (role.kind === 'received')
            notes.push(`Relevance: received by ${pic.name} while a member (${role.certainty})`);
          if (role.kind === 'endorsed')
            notes.push(`Relevance: endorsed by ${pic.name}: ${role.reasons.join('; ')}`);
          if (role.kind === 'challenged')
            notes.push(`Relevance: challenged by ${pic.name}: ${role.reasons.join('; ')}`);
          if (role.kind === 'response')
            notes.push(`Relevance: ${pic.name}'s response to #${role.to} (${role.what}): ${role.reason}`);
        }
      }
      const flag = conduct.flags.get(id);
      if (flag)
        notes.push(
          `Flagged (score ${flag.score.toFixed(2)}; ${flag.categories.map((c) => c.name).join(', ')}): ${flag.spans.map((s) => `"${s.text}" ${s.reason}`).join('; ')}`,
        );
      const imageFlags = imageFlagNotes(pictures.flags.get(id));
      notes.push(...imageFlags);
      if (focus || flag || imageFlags.length) {
        const code = conduct.codes?.get(id);
        notes.push(
          conduct.codes === null
            ? 'Reviewer decision: not coded (no coding in this workspace)'
            : code
              ? `Reviewer decision: ${code.decision.replace('_', ' ')}${code.categories.length ? ` (${code.categories.join(', ')})` : ''}${code.standards.length ? `; standards ${code.standards.join(', ')}` : ''}${code.potentialS127 ? '; potential s127' : ''}${code.note ? `; note "${code.note}"` : ''} — ${code.by}, ${code.at}, version ${code.version}`
              : 'Reviewer decision: not coded',
        );
      }
      for (const note of notes) pdf.rich(note, { size: 7.5, indent: 10, color: '#444444' });
      pdf.doc.moveDown(0.35);
    }
    done++;
    o.onProgress?.(done, total);
  });

  pdf.pageBreak();
  pdf.heading('Manifest');
  pdf.paragraph(
    "The hashes of everything this bundle was made from. The bundle's own SHA-256 cannot be printed inside it: it is written beside the file (FILE.pdf.sha256) and in the case's audit trail.",
    { size: 8.5 },
  );
  pdf.keyValues([
    ...provenanceRows(provenance),
    ['Context', `${context} message(s) before and after`],
    ['Input digest', `${inputDigest} (SHA-256 of the canonical JSON of all the above)`],
  ]);
  pdf.table(
    [
      { header: 'Input', width: 1.5 },
      { header: 'SHA-256', width: 4.2 },
      { header: 'What', width: 2.6 },
    ],
    provenance.inputs.map((i) => [i.name, i.sha256, i.detail]),
    { size: 7 },
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
