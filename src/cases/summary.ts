/**
 * The public investigation summary a watchdog publishes, generated from the record: messages
 * analysed and group members, the officers, notices, the referral to the prosecutor, charges and
 * verdicts, hearing findings, outcomes, the barred list, and learning recommendations with their
 * responses. Only facts marked publishable appear; an officer is named only where the investigator
 * marked the name public (otherwise "Officer A", "Officer B", … in the order they were added, or the
 * label the investigator chose).
 *
 * The summary is Markdown (a small subset: `#`/`##` headings, `- ` list items, paragraphs; facts are
 * backslash-escaped); `toHtml` renders that subset with every piece of text HTML-escaped, so an
 * edited draft cannot inject markup either.
 */
import { DateTime } from 'luxon';

import {
  BARRING_OUTCOMES,
  STANDARDS,
  label,
  type CaseRecordData,
  type Count,
  type RecordPerson,
} from './types.js';

export interface SummaryFacts {
  /** Messages in the case's evidence. */
  readonly messages: number;
  /** Distinct members of the case's conversations. */
  readonly members: number;
}

/** Escapes Markdown's inline specials and folds line breaks, so a fact stays one piece of text. */
export function mdText(s: string): string {
  return s
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|]/gu, (c) => `\\${c}`);
}

export function longDate(iso: string): string {
  return DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('d LLLL yyyy');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

/** Public names: the name where marked public, else the chosen label, else Officer A, B, … */
export function publicNames(record: CaseRecordData): Map<number, string> {
  const out = new Map<number, string>();
  const subjects = record.people.filter((p) => p.role === 'subject');
  subjects.forEach((p, i) => {
    const s = record.subjects.find((x) => x.personId === p.id);
    const letter = i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
    out.set(p.id, s?.namePublic ? p.name : (s?.label ?? `Officer ${letter}`));
  });
  return out;
}

function describe(p: RecordPerson): string {
  const status =
    p.status === 'former'
      ? 'former police officer'
      : p.status === 'special'
        ? 'special constable'
        : p.status === 'staff'
          ? 'police staff'
          : 'serving police officer';
  return `${status}${p.force ? `, ${p.force}` : ''}`;
}

export function generateSummary(record: CaseRecordData, facts: SummaryFacts): string {
  const out: string[] = [];
  const para = (s: string) => out.push(s, '');
  const items = (lines: readonly string[]) => {
    for (const l of lines) out.push(`- ${l}`);
    out.push('');
  };
  const names = publicNames(record);
  const who = (id: number) => mdText(names.get(id) ?? `person ${id}`);
  const d = record.details?.publishable ? record.details : null;

  out.push(`# ${mdText(d?.operation ?? record.caseName)}: investigation summary`, '');
  if (d) {
    const head: string[] = [];
    if (d.reference) head.push(`Reference ${mdText(d.reference)}.`);
    if (d.investigatingBody)
      head.push(
        `Investigated by ${mdText(d.investigatingBody)}${d.mode ? ` (${mdText(d.mode)} investigation)` : ''}.`,
      );
    if (d.forces.length) head.push(`Forces involved: ${mdText(list(d.forces))}.`);
    if (d.startDate) head.push(`The investigation started on ${longDate(d.startDate)}.`);
    if (head.length) para(head.join(' '));
    para(
      `Investigators analysed ${plural(facts.messages, 'message')} from a group chat of ${plural(facts.members, 'member')}.`,
    );
  }

  // The officers whose publishable facts follow.
  const pub = <T extends { publishable: boolean }>(xs: readonly T[]) => xs.filter((x) => x.publishable);
  const notices = pub(record.notices);
  const counts = pub(record.counts).filter((c) => c.chargedOn !== null);
  const findings = pub(record.findings);
  const outcomes = pub(record.outcomes);
  const barred = pub(record.barred);
  const allegationOf = new Map(record.allegations.map((a) => [a.id, a]));
  const mentioned = new Set<number>([
    ...notices.map((n) => n.personId),
    ...counts.map((c) => c.personId),
    ...findings.map((f) => allegationOf.get(f.allegationId)!.personId),
    ...outcomes.map((o) => o.personId),
    ...barred.map((b) => b.personId),
  ]);
  const officers = record.people.filter((p) => mentioned.has(p.id));
  if (officers.length) {
    out.push('## The officers', '');
    items(officers.map((p) => `${who(p.id)}: ${describe(p)}`));
  }

  if (notices.length) {
    out.push('## Notices', '');
    const reg17 = new Set(notices.filter((n) => n.kind === 'reg17').map((n) => n.personId));
    const letters = new Set(notices.filter((n) => n.kind === 'criminal_letter').map((n) => n.personId));
    const lines: string[] = [];
    if (reg17.size)
      lines.push(
        `${plural(reg17.size, 'officer was', 'officers were')} served a misconduct notice (Regulation 17 notice).`,
      );
    if (letters.size)
      lines.push(
        `${plural(letters.size, 'officer was', 'officers were')} ${reg17.size ? 'also ' : ''}served a criminal letter (told they were under criminal investigation).`,
      );
    para(lines.join(' '));
  }

  const referrals = pub(record.referrals);
  if (referrals.length || counts.length) {
    out.push('## Criminal proceedings', '');
    for (const r of referrals)
      para(`On ${longDate(r.referredOn)} a file of evidence was referred to the ${mdText(r.prosecutor)}.`);
    if (counts.length) {
      const byPerson = new Map<number, Count[]>();
      for (const c of counts) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
      const offences = [...new Set(counts.map((c) => c.offence))];
      para(
        `${plural(byPerson.size, 'person was', 'people were')} charged under ${mdText(list(offences))} with ${plural(counts.length, 'count')} in all.`,
      );
      items(
        [...byPerson].map(([personId, cs]) => {
          const n = (v: string) => cs.filter((c) => c.verdict === v).length;
          const parts = [
            n('convicted') ? `convicted of ${n('convicted')}` : null,
            n('acquitted') ? `acquitted of ${n('acquitted')}` : null,
            n('withdrawn') ? `${n('withdrawn')} withdrawn` : null,
          ].filter((x): x is string => x !== null);
          const pending = cs.filter((c) => c.verdict === null).length;
          if (pending) parts.push(`${pending} awaiting a verdict`);
          let line = `${who(personId)}: charged with ${plural(cs.length, 'count')}; ${parts.join(', ')}.`;
          for (const s of pub(record.sentences).filter((x) => x.personId === personId))
            line += ` Sentenced on ${longDate(s.sentencedOn)}: ${mdText(s.sentence)}.`;
          for (const a of pub(record.appeals).filter((x) => x.personId === personId))
            line += ` Appealed on ${longDate(a.lodgedOn)}${a.outcome ? `; appeal ${mdText(a.outcome)}${a.outcomeOn ? ` on ${longDate(a.outcomeOn)}` : ''}` : ''}.`;
          return line;
        }),
      );
    }
  }

  if (findings.length) {
    out.push('## Misconduct proceedings', '');
    for (const proc of record.proceedings) {
      const here = findings.filter((f) => f.proceedingId === proc.id);
      if (here.length === 0) continue;
      const when =
        proc.endOn && proc.endOn !== proc.startOn
          ? `from ${longDate(proc.startOn)} to ${longDate(proc.endOn)}`
          : `on ${longDate(proc.startOn)}`;
      const persons = [...new Set(here.map((f) => allegationOf.get(f.allegationId)!.personId))];
      const proven = persons.filter((p) =>
        here.some((f) => f.finding === 'proven' && allegationOf.get(f.allegationId)!.personId === p),
      );
      para(
        `A ${label(proc.level)} ${proc.kind}${proc.public ? ', held in public' : ''} ${when}, found the case against ${
          proven.length === persons.length && persons.length > 1 ? 'all ' : ''
        }${proven.length} of ${plural(persons.length, 'officer')} proven:`,
      );
      items(
        persons.map((p) => {
          const std = (v: string) =>
            STANDARDS.filter((s) =>
              here.some((f) => {
                const a = allegationOf.get(f.allegationId)!;
                return a.personId === p && a.standard === s && f.finding === v;
              }),
            );
          const yes = std('proven');
          const no = std('not_proven');
          return `${who(p)}: ${yes.length ? `breaches proven of ${list(yes)}` : 'no breach proven'}${
            no.length ? `; not proven: ${list(no)}` : ''
          }.`;
        }),
      );
    }
  }

  if (outcomes.length) {
    out.push('## Outcomes', '');
    items(
      outcomes.map((o) =>
        o.outcome === 'would_have_been_dismissed'
          ? `${who(o.personId)}: would have been dismissed had they still been serving.`
          : `${who(o.personId)}: ${label(o.outcome)}.`,
      ),
    );
  }

  if (barred.length) {
    out.push('## Barred list', '');
    const onList = barred.filter((b) => b.list === 'barred');
    const advisory = barred.filter((b) => b.list === 'advisory');
    const exempt = barred.filter((b) => b.list === 'not_applicable');
    const lines: string[] = [];
    if (onList.length)
      lines.push(
        `${plural(onList.length, 'officer was', 'officers were')} added to the College of Policing barred list.`,
      );
    if (advisory.length)
      lines.push(`${plural(advisory.length, 'officer was', 'officers were')} added to the advisory list.`);
    para(lines.join(' '));
    if (exempt.length)
      items(
        exempt.map(
          (b) => `${who(b.personId)} was not added: ${mdText(b.reason ?? 'the barred list does not apply')}.`,
        ),
      );
    const missing = outcomes.filter(
      (o) => BARRING_OUTCOMES.includes(o.outcome) && !barred.some((b) => b.personId === o.personId),
    );
    if (missing.length)
      para(`${plural(missing.length, 'barred list entry', 'barred list entries')} not yet reported.`);
  }

  const recs = pub(record.recommendations);
  if (recs.length) {
    out.push('## Learning recommendations', '');
    items(
      recs.map((r) => {
        let line = `${mdText(r.reference)}, made on ${longDate(r.madeOn)} to ${mdText(list(r.recipients))}: ${mdText(r.text)}`;
        if (r.response && r.responseOn)
          line += ` Response received on ${longDate(r.responseOn)}: ${label(r.response)}.${r.responseText ? ` ${mdText(r.responseText)}` : ''}`;
        else line += ' Response awaited.';
        if (r.publishedOn) line += ` Response published on ${longDate(r.publishedOn)}.`;
        return line;
      }),
    );
  }
  while (out.at(-1) === '') out.pop();
  return `${out.join('\n')}\n`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
/** Markdown text to HTML text: backslash escapes undone, then everything escaped. */
const inline = (s: string) => escapeHtml(s.replace(/\\(.)/gu, '$1'));

/** Renders the summary's Markdown subset as a complete HTML document. */
export function toHtml(markdown: string, title = 'Investigation summary'): string {
  const body: string[] = [];
  let paragraph: string[] = [];
  let inList = false;
  const flush = () => {
    if (paragraph.length) body.push(`<p>${paragraph.map(inline).join(' ')}</p>`);
    paragraph = [];
    if (inList) body.push('</ul>');
    inList = false;
  };
  for (const raw of markdown.split(/\r?\n/u)) {
    const line = raw.trimEnd();
    const h = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (line.trim() === '') flush();
    else if (h) {
      flush();
      const n = h[1]!.length;
      body.push(`<h${n}>${inline(h[2]!)}</h${n}>`);
    } else if (/^\s*[-*]\s+/u.test(line)) {
      if (paragraph.length) {
        body.push(`<p>${paragraph.map(inline).join(' ')}</p>`);
        paragraph = [];
      }
      if (!inList) body.push('<ul>');
      inList = true;
      body.push(`<li>${inline(line.replace(/^\s*[-*]\s+/u, ''))}</li>`);
    } else if (inList && /^\s+/u.test(line)) {
      const last = body.pop()!;
      body.push(last.replace(/<\/li>$/u, ` ${inline(line.trim())}</li>`));
    } else {
      if (inList) {
        body.push('</ul>');
        inList = false;
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
