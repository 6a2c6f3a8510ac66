/**
 * The sections of the public summary (summary.ts puts them together), each from publishable facts
 * only and in plain prose: the headline, notices, criminal proceedings, the misconduct hearing,
 * outcomes, the barred list and learning recommendations. Free text the investigator typed ends
 * with a full stop; lists of Standards are separated by semicolons, because their names contain
 * commas ("Authority, Respect and Courtesy").
 */
import { compareDates, dateInWords, firstDay, isDay, onDate } from '../domain/partial-date.js';
import { DateTime } from 'luxon';

import { responseDue } from './deadlines.js';
import type { SummaryFacts } from './summary-facts.js';
import {
  BARRING_OUTCOMES,
  label,
  type CaseRecordData,
  type Count,
  type RecordPerson,
} from '../contract/record.js';
import { STANDARDS } from '../contract/standards.js';

export type Lines = string[];

/** Escapes Markdown's inline specials and folds line breaks, so a fact stays one piece of text. */
export function mdText(s: string): string {
  return s
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[\\`*_[\]<>#|]/gu, (c) => `\\${c}`);
}

/** Free text ending a sentence: escaped, with a full stop (defect 8: none was added). */
export function stop(s: string): string {
  const t = mdText(s);
  return /[.!?]$/u.test(t) ? t : `${t}.`;
}

/** Free text as a sentence of its own: first letter capital, ending with a full stop. */
export function sentence(s: string): string {
  const t = stop(s);
  return t.charAt(0).toUpperCase() + t.slice(1);
}

/** A record date in words, at its precision: "14 May 2021", "December 2022", "2022". */
export const longDate = (date: string): string => dateInWords(date);
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const monthYear = (iso: string) =>
  DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('LLLL yyyy');

export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
export const list = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
/** Items that contain commas (Standards): "A; B, C; and D". */
const semicolonList = (items: readonly string[]): string =>
  items.length <= 2 ? items.join(' and ') : `${items.slice(0, -1).join('; ')}; and ${items.at(-1)}`;
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const inWords = (n: number) => NUMBER_WORDS[n] ?? String(n);

export interface Ctx {
  readonly record: CaseRecordData;
  readonly facts: SummaryFacts;
  readonly who: (personId: number) => string;
  readonly out: Lines;
}

const para = (x: Ctx, s: string) => {
  if (s.trim()) x.out.push(s, '');
};
const items = (x: Ctx, lines: readonly string[]) => {
  if (lines.length === 0) return;
  for (const l of lines) x.out.push(`- ${l}`);
  x.out.push('');
};
const pub = <T extends { publishable: boolean }>(xs: readonly T[]) => xs.filter((v) => v.publishable);

/** The headline: reference, body, forces, start; how the evidence came to light; what was analysed. */
export function headline(x: Ctx): void {
  const d = x.record.details?.publishable ? x.record.details : null;
  if (!d) return;
  const head: string[] = [];
  if (d.reference) head.push(`Reference ${mdText(d.reference)}.`);
  if (d.investigatingBody)
    head.push(
      `Investigated by ${mdText(d.investigatingBody)}${d.mode ? ` (${mdText(d.mode)} investigation)` : ''}.`,
    );
  if (d.forces.length) head.push(`Forces involved: ${mdText(list(d.forces))}.`);
  if (d.startDate) head.push(`The investigation started ${onDate(d.startDate)}.`);
  para(x, head.join(' '));
  const story: string[] = [];
  if (d.cameToLight) story.push(sentence(d.cameToLight));
  const analysed = Math.max(d.messagesAnalysed ?? 0, x.facts.messages);
  // A lower bound ("more than 6,000") stays one unless more than it was imported and counted.
  const moreThan = d.messagesAnalysedMoreThan && analysed === d.messagesAnalysed;
  story.push(
    `Investigators analysed ${moreThan ? 'more than ' : ''}${plural(analysed, 'message')}${d.messagesAnalysed ? '' : ` from a group chat of ${plural(x.facts.members, 'member')}`}.`,
  );
  if (x.facts.topics?.length)
    story.push(`The messages were discriminatory and derogatory about ${list(x.facts.topics)}.`);
  const link = sharedForce(x.record);
  if (link) story.push(link);
  const period = allegationPeriod(x);
  if (period) story.push(period);
  para(x, story.join(' '));
}

/** What links the officers, from employment histories: a force every one of them served in. */
function sharedForce(record: CaseRecordData): string | null {
  const officers = record.people.filter((p) => p.role === 'subject');
  if (officers.length < 2) return null;
  const forcesOf = (p: RecordPerson) =>
    new Set([...p.employment.map((e) => e.force), ...(p.force ? [p.force] : [])]);
  const common = [...forcesOf(officers[0]!)].filter((f) => officers.every((p) => forcesOf(p).has(f)));
  if (common.length === 0) return null;
  const allFormer = officers.every(
    (p) => p.status === 'former' || p.employment.some((e) => e.force === common[0] && e.to),
  );
  return `All ${plural(officers.length, 'officer')} investigated ${allFormer ? 'had served' : 'served'} with ${mdText(common[0]!)}.`;
}

/** "The allegations concern messages sent between March 2019 and October 2019." */
function allegationPeriod(x: Ctx): string | null {
  const times = pub(x.record.allegations)
    .flatMap((a) => a.messageIds)
    .map((id) => x.facts.messageTimes?.get(id))
    .filter((t): t is string => t !== undefined)
    .sort();
  if (times.length === 0) return null;
  const [from, to] = [monthYear(times[0]!), monthYear(times.at(-1)!)];
  return from === to
    ? `The allegations concern messages sent in ${from}.`
    : `The allegations concern messages sent between ${from} and ${to}.`;
}

export function notices(x: Ctx): void {
  const ns = pub(x.record.notices);
  if (ns.length === 0) return;
  const reg17 = new Set(ns.filter((n) => n.kind === 'reg17').map((n) => n.personId));
  const letters = new Set(ns.filter((n) => n.kind === 'criminal_letter').map((n) => n.personId));
  const both = [...letters].filter((p) => reg17.has(p)).length;
  const only = letters.size - both;
  const lines: string[] = [];
  if (reg17.size)
    lines.push(
      `${plural(reg17.size, 'officer was', 'officers were')} served a misconduct notice (Regulation 17 notice).`,
    );
  if (both)
    lines.push(
      `${reg17.size === both ? (both === 1 ? 'That officer was' : `All ${both} were`) : `${plural(both, 'of them was', 'of them were')}`} also served a criminal letter (told they were under criminal investigation).`,
    );
  if (only)
    lines.push(
      `${plural(only, reg17.size ? 'other officer was' : 'officer was', reg17.size ? 'other officers were' : 'officers were')} served a criminal letter (told they were under criminal investigation).`,
    );
  x.out.push('## Notices', '');
  para(x, lines.join(' '));
}

export function criminal(x: Ctx): void {
  const referrals = pub(x.record.referrals);
  const counts = pub(x.record.counts).filter((c) => c.chargedOn !== null);
  if (referrals.length === 0 && counts.length === 0) return;
  x.out.push('## Criminal proceedings', '');
  for (const r of referrals)
    para(
      x,
      `${capital(onDate(r.referredOn))} a file of evidence was referred to the ${mdText(r.prosecutor)}.`,
    );
  if (counts.length === 0) return;
  const byPerson = new Map<number, Count[]>();
  for (const c of counts) byPerson.set(c.personId, [...(byPerson.get(c.personId) ?? []), c]);
  const offences = [...new Set(counts.map((c) => c.offence))];
  const charged = [...byPerson].map(([p, cs]) => `${x.who(p)} (${plural(cs.length, 'count')})`);
  para(
    x,
    `${plural(byPerson.size, 'person was', 'people were')} charged under ${mdText(list(offences))}: ${list(charged)}.`,
  );
  court(x, [...byPerson.keys()]);
  const verdictDates = [
    ...new Set(counts.map((c) => c.verdictOn).filter((v): v is string => v !== null)),
  ].sort(compareDates);
  // "on 1 and 3 March": one preposition while every date is a day; "in March 2022" per month or year.
  const given = verdictDates.every(isDay)
    ? `on ${list(verdictDates.map(longDate))}`
    : list(verdictDates.map(onDate));
  if (verdictDates.length) para(x, `The verdicts were given ${given}:`);
  items(
    x,
    [...byPerson].map(([personId, cs]) => defendantLine(x, personId, cs)),
  );
}

/** First appearance and the trial, from the appearances (purpose "trial…" marks trial days). */
function court(x: Ctx, defendants: readonly number[]): void {
  const apps = pub(x.record.appearances).filter((a) => defendants.includes(a.personId));
  if (apps.length === 0) return;
  const first = [...apps].sort((a, b) => (a.appearedOn < b.appearedOn ? -1 : 1))[0]!;
  const together = defendants.every((p) =>
    apps.some((a) => a.personId === p && a.appearedOn === first.appearedOn && a.court === first.court),
  );
  const lines: string[] = [];
  if (together)
    lines.push(
      `${defendants.length > 1 ? 'They' : x.who(defendants[0]!)} first appeared at ${mdText(first.court)} ${onDate(first.appearedOn)}.`,
    );
  const trial = [
    ...new Set(apps.filter((a) => /^trial/iu.test(a.purpose ?? '')).map((a) => a.appearedOn)),
  ].sort();
  if (trial.length) {
    const where = apps.find((a) => a.appearedOn === trial[0] && /^trial/iu.test(a.purpose ?? ''))!.court;
    lines.push(
      trial.length === 1
        ? `The trial was held at ${mdText(where)} ${onDate(trial[0]!)}.`
        : `The trial, at ${mdText(where)}, lasted ${inWords(trial.length)} days, from ${longDate(trial[0]!)} to ${longDate(trial.at(-1)!)}.`,
    );
  }
  para(x, lines.join(' '));
}

function defendantLine(x: Ctx, personId: number, cs: readonly Count[]): string {
  const n = (v: string) => cs.filter((c) => c.verdict === v).length;
  const parts = [
    n('convicted') ? `convicted of ${plural(n('convicted'), 'count')}` : null,
    n('acquitted') ? `cleared of ${plural(n('acquitted'), 'count')}` : null,
    n('withdrawn') ? `${plural(n('withdrawn'), 'count')} withdrawn` : null,
  ].filter((v): v is string => v !== null);
  const pending = cs.filter((c) => c.verdict === null).length;
  if (pending) parts.push(`${plural(pending, 'count')} awaiting a verdict`);
  let line = `${x.who(personId)}: ${list(parts)}.`;
  for (const s of pub(x.record.sentences).filter((v) => v.personId === personId))
    line += ` Sentenced ${onDate(s.sentencedOn)}: ${stop(s.sentence)}`;
  for (const a of pub(x.record.appeals).filter((v) => v.personId === personId))
    line += ` Appealed ${onDate(a.lodgedOn)}${a.outcome ? `; appeal ${mdText(label(a.outcome))}${a.outcomeOn ? ` ${onDate(a.outcomeOn)}` : ''}` : ''}.`;
  return line;
}

export function hearings(x: Ctx): void {
  const findings = pub(x.record.findings);
  if (findings.length === 0) return;
  x.out.push('## Misconduct proceedings', '');
  const allegationOf = new Map(x.record.allegations.map((a) => [a.id, a]));
  for (const proc of x.record.proceedings) {
    const here = findings.filter((f) => f.proceedingId === proc.id);
    if (here.length === 0) continue;
    const when =
      proc.endOn && proc.endOn !== proc.startOn
        ? `from ${longDate(proc.startOn)} to ${longDate(proc.endOn)}`
        : onDate(proc.startOn);
    const persons = [...new Set(here.map((f) => allegationOf.get(f.allegationId)!.personId))];
    const std = (p: number, v: string) =>
      STANDARDS.filter((s) =>
        here.some((f) => {
          const a = allegationOf.get(f.allegationId)!;
          return a.personId === p && a.standard === s && f.finding === v;
        }),
      );
    const proven = persons.filter((p) => std(p, 'proven').length > 0);
    const whom =
      proven.length === persons.length
        ? persons.length === 1
          ? 'the officer'
          : `all ${plural(persons.length, 'officer')}`
        : `${proven.length} of the ${plural(persons.length, 'officer')}`;
    const by = `${proc.heldBy ? ` held by ${mdText(proc.heldBy)}` : ''}${proc.public ? (proc.heldBy ? ' in public' : ' held in public') : ''}`;
    const same =
      proven.length === persons.length &&
      persons.every((p) => std(p, 'not_proven').length === 0) &&
      persons.every((p) => std(p, 'proven').join('|') === std(persons[0]!, 'proven').join('|'));
    const opening = `A ${label(proc.level)} ${proc.kind}${by} ${when} found the case against ${whom} proven`;
    if (same) {
      const s = std(persons[0]!, 'proven');
      para(
        x,
        `${opening}. ${persons.length > 1 ? 'Each' : 'The officer'} breached ${inWords(s.length)} Standard${s.length === 1 ? '' : 's'} of Professional Behaviour: ${semicolonList(s)}.`,
      );
      continue;
    }
    para(x, `${opening}:`);
    items(
      x,
      persons.map((p) => {
        const yes = std(p, 'proven');
        const no = std(p, 'not_proven');
        return `${x.who(p)}: ${yes.length ? `breaches proven of ${semicolonList(yes)}` : 'no breach proven'}${no.length ? `; not proven: ${semicolonList(no)}` : ''}.`;
      }),
    );
  }
}

/** Outcomes as verbs: "A and B were dismissed without notice." */
const OUTCOME_WORDS: Record<string, readonly [string, string]> = {
  written_warning: ['received a written warning', 'received a written warning'],
  final_written_warning: ['received a final written warning', 'received a final written warning'],
  reduction_in_rank: ['was reduced in rank', 'were reduced in rank'],
  dismissal_without_notice: ['was dismissed without notice', 'were dismissed without notice'],
  no_further_action: ['faces no further action', 'face no further action'],
  reflective_practice: [
    'was referred to reflective practice review',
    'were referred to reflective practice review',
  ],
};

export function outcomes(x: Ctx): void {
  const os = pub(x.record.outcomes);
  if (os.length === 0) return;
  x.out.push('## Outcomes', '');
  const kinds = [...new Set(os.map((o) => o.outcome))];
  para(
    x,
    kinds
      .map((k) => {
        const of = os.filter((o) => o.outcome === k);
        const whom = list(of.map((o) => x.who(o.personId)));
        const one = of.length === 1;
        if (k === 'would_have_been_dismissed')
          return `${whom}, ${one ? 'a former officer' : 'former officers'}, would have been dismissed had they still been serving.`;
        const words = OUTCOME_WORDS[k] ?? [label(k), label(k)];
        return `${whom} ${one ? words[0] : words[1]}.`;
      })
      .join(' '),
  );
}

export function barredList(x: Ctx): void {
  const barred = pub(x.record.barred);
  const due = pub(x.record.outcomes).filter(
    (o) =>
      BARRING_OUTCOMES.includes(o.outcome) &&
      !x.record.barred.some((b) => b.personId === o.personId) &&
      x.record.people.find((p) => p.id === o.personId)?.barredListApplies !== false,
  );
  if (barred.length === 0 && due.length === 0) return;
  x.out.push('## Barred list', '');
  const names = (l: string) => barred.filter((b) => b.list === l).map((b) => x.who(b.personId));
  const lines: string[] = [];
  const on = names('barred');
  if (on.length)
    lines.push(
      `${list(on)} ${on.length === 1 ? 'was' : 'were'} added to the College of Policing barred list.`,
    );
  const adv = names('advisory');
  if (adv.length) lines.push(`${list(adv)} ${adv.length === 1 ? 'was' : 'were'} added to the advisory list.`);
  if (due.length)
    lines.push(
      `${list(due.map((o) => x.who(o.personId)))} will be added to the College of Policing barred list.`,
    );
  for (const b of barred.filter((v) => v.list === 'not_applicable'))
    lines.push(`${x.who(b.personId)} was not added: ${stop(b.reason ?? 'the barred list does not apply')}`);
  para(x, lines.join(' '));
}

export function recommendations(x: Ctx): void {
  const recs = pub(x.record.recommendations);
  if (recs.length === 0) return;
  x.out.push('## Learning recommendations', '');
  items(
    x,
    recs.map((r) => {
      let line = `${mdText(r.reference)}, made ${onDate(r.madeOn)} to ${mdText(list(r.recipients))}: ${sentence(r.text)}`;
      if (r.rationale) line += ` Why: ${sentence(r.rationale)}`;
      if (r.response && r.responseOn) {
        const due = responseDue(r);
        const late = due !== null && firstDay(r.responseOn) > due ? `, after it was due ${onDate(due)}` : '';
        line += ` The response was received ${onDate(r.responseOn)}${late}: ${label(r.response)}.`;
        if (r.responseText) line += ` ${sentence(r.responseText)}`;
      } else line += ' Response awaited.';
      if (r.publishedOn)
        line += ` The response was published ${onDate(r.publishedOn)}${r.responseUrl ? ` at ${mdText(r.responseUrl)}` : ''}.`;
      return line;
    }),
  );
}
