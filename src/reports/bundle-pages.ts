/**
 * The evidence bundle's pages, in the order they print (what they print is gathered in bundle.ts):
 * the cover with the exhibits, the conduct picture, the charts, every relevant message with its
 * context and notes, and the manifest.
 */
import type { MessageExtras, MessageRecord } from '../store/types.js';
import type { BundleData, Extract, Role } from './bundle.js';
import { imageFlagNotes, printBundleImage } from './bundle-images.js';
import { activityChart, membershipChart, offensiveOverTimeChart } from './charts.js';
import { senderOf, sourceOf, timeLine } from './message-lines.js';
import { PdfReport } from './pdf.js';
import { provenanceRows } from './provenance.js';

/** Draws the bundle; the caller finishes the PDF. */
export function renderBundle(d: BundleData, onProgress?: (done: number, total: number) => void): PdfReport {
  const pdf = new PdfReport({
    title: `Evidence bundle: ${d.pic.name}`,
    subject: `Case ${d.theCase.name}`,
    author: 'Scrutineer',
    keywords: `scrutineer; bundle; inputs ${d.inputDigest}`,
    date: new Date(d.asAt),
    footer: `${d.theCase.name} · evidence bundle · ${d.pic.name}`,
  });
  printCover(pdf, d);
  printExhibits(pdf, d);
  printConductPicture(pdf, d);
  printCharts(pdf, d);
  printRelevantMessages(pdf, d, onProgress);
  printManifest(pdf, d);
  return pdf;
}

function printCover(pdf: PdfReport, d: BundleData): void {
  const { pic, conduct } = d;
  pdf.heading(`Evidence bundle: ${pic.name}`);
  pdf.keyValues([
    ['Case', d.theCase.name],
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
          const conv = part ? d.conversations.get(part.conversationId) : undefined;
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
      `${d.roles.size} (sent, received while a member, endorsed, challenged, responses), each with ${d.context} message(s) of context before and after`,
    ],
    ...provenanceRows(d.provenance),
  ]);
}

function printExhibits(pdf: PdfReport, d: BundleData): void {
  pdf.heading('1. Exhibits', 2);
  pdf.table(
    [
      { header: 'Ref', width: 0.6 },
      { header: 'File, format, zone, added', width: 2.3 },
      { header: 'SHA-256', width: 4.6 },
    ],
    d.exhibits.map((e) => [
      e.ref,
      `${e.originalName} (${e.size} bytes; ${e.format}; ${e.timezone ?? '?'}; added ${e.addedAt.slice(0, 16).replace('T', ' ')} by ${e.addedBy})`,
      e.sha256,
    ]),
    { size: 7 },
  );
}

function printConductPicture(pdf: PdfReport, d: BundleData): void {
  const { summary } = d;
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
}

function printCharts(pdf: PdfReport, d: BundleData): void {
  const { pic, conduct } = d;
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
  const monthRows = offensivePerMonth(d);
  if (monthRows.length) {
    const over = offensiveOverTimeChart(monthRows);
    pdf.svg(over.svg, over.width, over.height);
  }
  printMembershipCharts(pdf, d);
}

/** Offensive messages the subject sent and received, per month (YYYY-MM), in month order. */
function offensivePerMonth(d: BundleData): { month: string; sent: number; received: number }[] {
  const months = new Map<string, { sent: number; received: number }>();
  const month = (id: number): string => (d.order.utcOf.get(id) ?? '').slice(0, 7);
  for (const s of d.pic.sentOffensiveMessages) {
    const m = months.get(month(s.messageId)) ?? { sent: 0, received: 0 };
    m.sent++;
    months.set(month(s.messageId), m);
  }
  for (const r of d.pic.receivedMessages) {
    const m = months.get(month(r.messageId)) ?? { sent: 0, received: 0 };
    m.received++;
    months.set(month(r.messageId), m);
  }
  return [...months.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([m, v]) => ({ month: m, ...v }));
}

/** One membership timeline per conversation the subject took part in. */
function printMembershipCharts(pdf: PdfReport, d: BundleData): void {
  const { pic, conduct } = d;
  const { byConversation, utcOf } = d.order;
  const pictureOf = new Map(conduct.report.people.map((p) => [p.person, p]));
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
    pdf.paragraph(`Conversation "${d.conversations.get(t.conversationId)?.name ?? t.conversationId}"`, {
      bold: true,
      size: 8.5,
    });
    pdf.svg(chart.svg, chart.width, chart.height);
  }
}

function printRelevantMessages(
  pdf: PdfReport,
  d: BundleData,
  onProgress?: (done: number, total: number) => void,
): void {
  pdf.pageBreak();
  pdf.heading('4. Relevant messages with context');
  pdf.paragraph(
    `Each extract shows the relevant message(s) (marked ▶) with ${d.context} message(s) before and after in the same conversation, verbatim. Times: local time in the exhibit's declared zone, UTC, and the time exactly as the source wrote it.`,
    { size: 8, color: '#555555' },
  );
  const exhibitById = new Map(d.exhibits.map((e) => [e.id, e]));
  const pictureOf = new Map(d.conduct.report.people.map((p) => [p.person, p]));
  const personName = (participantId: number | null): string | null => {
    if (participantId === null) return null;
    const person = d.conduct.report.personOf.get(`p${participantId}`);
    return person ? (pictureOf.get(person)?.name ?? null) : null;
  };
  const total = d.extracts.length;
  d.extracts.forEach((ex, n) => {
    printExtractHead(pdf, d, ex, n, exhibitById);
    for (const id of ex.ids) {
      const m = d.records.get(id)!;
      const roles = d.roles.get(id);
      const focus = roles !== undefined;
      const person = personName(m.participantId);
      const head = `${focus ? '▶ ' : ''}#${m.id} · ${senderOf(m)}${person && person !== m.sender ? ` (person: ${person})` : ''} · ${sourceOf(m, exhibitById)}`;
      pdf.ensure(36);
      pdf.rich(head, { bold: focus, size: 8, color: focus ? '#7a1f16' : '#333333' });
      pdf.rich(timeLine(m), { size: 7, color: '#555555', indent: 10 });
      pdf.rich(m.text === '' ? '(empty)' : m.text, { size: focus ? 9.5 : 8.5, indent: 10 });
      const image = d.pictures.images.get(id);
      if (image) printBundleImage(pdf, image, 10);
      for (const note of messageNotes(d, m, roles))
        pdf.rich(note, { size: 7.5, indent: 10, color: '#444444' });
      pdf.doc.moveDown(0.35);
    }
    onProgress?.(n + 1, total);
  });
}

function printExtractHead(
  pdf: PdfReport,
  d: BundleData,
  ex: Extract,
  n: number,
  exhibitById: Parameters<typeof sourceOf>[1],
): void {
  const first = d.records.get(ex.ids[0]!)!;
  pdf.ensure(60);
  pdf.rule();
  pdf.paragraph(
    `Extract ${n + 1} of ${d.extracts.length} · "${d.conversations.get(ex.conv)?.name ?? ex.conv}" · ${sourceOf(first, exhibitById)} onwards`,
    { bold: true, size: 9 },
  );
}

/** The lines under a message: what the source says of it, why it is relevant, flags and the decision. */
function messageNotes(d: BundleData, m: MessageRecord, roles: readonly Role[] | undefined): string[] {
  const notes = sourceNotes(m);
  if (roles) for (const role of roles) notes.push(relevanceNote(d, m.id, role));
  const flag = d.conduct.flags.get(m.id);
  if (flag)
    notes.push(
      `Flagged (score ${flag.score.toFixed(2)}; ${flag.categories.map((c) => c.name).join(', ')}): ${flag.spans.map((s) => `"${s.text}" ${s.reason}`).join('; ')}`,
    );
  const imageFlags = imageFlagNotes(d.pictures.flags.get(m.id));
  notes.push(...imageFlags);
  if (roles || flag || imageFlags.length) notes.push(decisionNote(d, m.id));
  return notes;
}

/** Media, deletion, edit, quoted reply and reactions, as the source recorded them. */
function sourceNotes(m: MessageRecord): string[] {
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
  if (extras?.replyTo) notes.push(`Quoted reply to: "${extras.replyTo.text ?? extras.replyTo.keyId ?? '?'}"`);
  if (extras?.reactions?.length)
    notes.push(`Reactions: ${extras.reactions.map((x) => `${x.emoji} by ${x.sender}`).join(', ')}`);
  return notes;
}

function relevanceNote(d: BundleData, id: number, role: Role): string {
  const name = d.pic.name;
  switch (role.kind) {
    case 'sent':
      return `Relevance: sent by ${name}; offensive (${d.conduct.input.offensive.find((o) => o.messageId === id)?.basis ?? '?'})`;
    case 'received':
      return `Relevance: received by ${name} while a member (${role.certainty})`;
    case 'endorsed':
      return `Relevance: endorsed by ${name}: ${role.reasons.join('; ')}`;
    case 'challenged':
      return `Relevance: challenged by ${name}: ${role.reasons.join('; ')}`;
    case 'response':
      return `Relevance: ${name}'s response to #${role.to} (${role.what}): ${role.reason}`;
  }
}

function decisionNote(d: BundleData, id: number): string {
  const codes = d.conduct.codes;
  if (codes === null) return 'Reviewer decision: not coded (no coding in this workspace)';
  const code = codes.get(id);
  if (!code) return 'Reviewer decision: not coded';
  return `Reviewer decision: ${code.decision.replace('_', ' ')}${code.categories.length ? ` (${code.categories.join(', ')})` : ''}${code.standards.length ? `; standards ${code.standards.join(', ')}` : ''}${code.potentialS127 ? '; potential s127' : ''}${code.note ? `; note "${code.note}"` : ''} — ${code.by}, ${code.at}, version ${code.version}`;
}

function printManifest(pdf: PdfReport, d: BundleData): void {
  pdf.pageBreak();
  pdf.heading('Manifest');
  pdf.paragraph(
    "The hashes of everything this bundle was made from. The bundle's own SHA-256 cannot be printed inside it: it is written beside the file (FILE.pdf.sha256) and in the case's audit trail.",
    { size: 8.5 },
  );
  pdf.keyValues([
    ...provenanceRows(d.provenance),
    ['Context', `${d.context} message(s) before and after`],
    ['Input digest', `${d.inputDigest} (SHA-256 of the canonical JSON of all the above)`],
  ]);
  pdf.table(
    [
      { header: 'Input', width: 1.5 },
      { header: 'SHA-256', width: 4.2 },
      { header: 'What', width: 2.6 },
    ],
    d.provenance.inputs.map((i) => [i.name, i.sha256, i.detail]),
    { size: 7 },
  );
}
