/**
 * Record subcommands that read: the whole record, its deadlines, the timeline and the public
 * summary (with its drafts).
 */
import { readFileSync } from 'node:fs';

import { caseTimeline } from '../../../cases/timeline.js';
import { generateSummary, summaryTitle, toHtml } from '../../../cases/summary.js';
import { summaryFacts } from '../../../cases/summary-facts.js';
import { responseDue, type caseDeadlines } from '../../../cases/deadlines.js';
import { daysBetween } from '../../../cases/bank-holidays.js';
import { isDay } from '../../../domain/partial-date.js';
import { label, type CaseRecordData } from '../../../contract/record.js';
import { UserError } from '../../../domain/errors.js';
import { printTable } from '../../output.js';

/** `record summary --format`. */
const FORMATS = ['md', 'html'] as const;
import { type Sub, str, bool, today, oneOf, picked } from './sub.js';
import type { CliContext } from '../../context.js';

/** " (late by N days)" where a response received on `on` came after `due` (both days). */
function lateBy(due: string | null, on: string): string {
  return due !== null && isDay(on) && on > due ? ` (late by ${daysBetween(due, on)} days)` : '';
}

function showCommand(sub: Sub, ctx: CliContext): void {
  sub(
    'show <case>',
    'the whole record',
    (c) => c,
    async (x) => x.record(),
    (_x, result) => {
      const r = result as CaseRecordData;
      const d = r.details;
      const name = (id: number) => r.people.find((p) => p.id === id)?.name ?? String(id);
      ctx.io.out(
        `${d?.operation ?? r.caseName}${d?.reference ? ` (${d.reference})` : ''}\n` +
          `  body: ${d?.investigatingBody ?? '-'}  mode: ${d?.mode ?? '-'}  status: ${d?.status ?? '-'}\n` +
          `  referral ${d?.referralDate ?? '-'}  start ${d?.startDate ?? '-'}  evidence sufficient ${d?.evidenceSufficientDate ?? '-'}  report ${d?.reportDate ?? '-'}\n\n`,
      );
      ctx.io.out('Subjects\n');
      printTable(
        ctx.io,
        r.people
          .filter((p) => p.role === 'subject')
          .map((p) => ({
            id: p.id,
            name: p.name,
            status: p.status,
            force: p.force,
            severity: r.assessments.filter((a) => a.personId === p.id).at(-1)?.severity ?? '',
            notices: r.notices
              .filter((n) => n.personId === p.id)
              .map((n) => label(n.kind))
              .join(', '),
            counts: r.counts.filter((c) => c.personId === p.id).length || '',
            convicted: r.counts.filter((c) => c.personId === p.id && c.verdict === 'convicted').length || '',
            outcome: r.outcomes
              .filter((o) => o.personId === p.id)
              .map((o) => label(o.outcome))
              .join(', '),
            barred: r.barred
              .filter((b) => b.personId === p.id)
              .map((b) => b.list)
              .join(', '),
          })),
      );
      ctx.io.out('\nAllegations\n');
      printTable(
        ctx.io,
        r.allegations.map((a) => ({
          id: a.id,
          subject: name(a.personId),
          standard: a.standard,
          messages: a.messageIds.join(','),
          'case to answer': a.caseToAnswer ?? '',
          finding: r.findings
            .filter((f) => f.allegationId === a.id)
            .map((f) => f.finding)
            .join(', '),
        })),
      );
      ctx.io.out('\nCounts\n');
      printTable(
        ctx.io,
        r.counts.map((c) => ({
          id: c.id,
          defendant: name(c.personId),
          count: c.number,
          messages: c.messageIds.join(','),
          charged: c.chargedOn ?? 'proposed',
          verdict: c.verdict ?? '',
        })),
      );
      ctx.io.out('\nLearning recommendations\n');
      printTable(
        ctx.io,
        r.recommendations.map((x) => ({
          ref: x.reference,
          to: x.recipients.join('; '),
          made: x.madeOn,
          response: x.response ?? '',
          due: responseDue(x) ?? 'not computable',
          // A late response is kept, and said to be late (issue 15 defect 7).
          received: x.responseOn ? `${x.responseOn}${lateBy(responseDue(x), x.responseOn)}` : '',
          published: x.publishedOn ?? '',
        })),
      );
    },
  );
}

function deadlinesCommand(sub: Sub, ctx: CliContext): void {
  sub(
    'deadlines <case>',
    's127 limitation per count, progress reports, barred list reports, recommendation responses and publication',
    (c) => c.option('--today <date>', 'YYYY-MM-DD (default: today in England)'),
    async (x, _a, o) => {
      const day = str(o, 'today') ?? today();
      const deadlines = await x.service.deadlines(day);
      return { today: day, deadlines };
    },
    (_x, result) => {
      const r = result as { today: string; deadlines: ReturnType<typeof caseDeadlines> };
      ctx.io.out(`Deadlines as at ${r.today}\n`);
      printTable(
        ctx.io,
        r.deadlines.map((d) => ({
          due: d.due ?? 'not computable',
          status: d.status,
          'days left': d.status === 'open' || d.status === 'overdue' ? d.daysLeft : '',
          what: d.about,
          basis: d.basis,
        })),
      );
    },
  );
}

function timelineCommand(sub: Sub, ctx: CliContext): void {
  sub(
    'timeline <case>',
    'the whole case in date order, from evidence intake to publication',
    (c) => c,
    async (x) => {
      const rec = await x.record();
      const exhibits = await x.store.exhibits.list(rec.caseId);
      return { timeline: caseTimeline(rec, exhibits, await x.service.drafts()) };
    },
    (_x, result) => {
      const r = result as { timeline: ReturnType<typeof caseTimeline> };
      printTable(
        ctx.io,
        r.timeline.map((e) => ({ date: e.date, kind: e.kind, what: e.what })),
      );
    },
  );
}

function summaryCommand(sub: Sub, ctx: CliContext): void {
  sub(
    'summary <case>',
    'the public investigation summary: generated from publishable facts, editable until --final',
    (c) =>
      c
        .addOption(oneOf('--format <f>', FORMATS, { fallback: 'md' }))
        .option('--edit <file>', 'store this Markdown file as the new draft')
        .option('--regenerate', 'start a new draft from the record, discarding edits')
        .option('--final', 'mark the latest draft final (no more edits)'),
    async (x, _a, o) => {
      const format = picked(o, 'format', FORMATS)!;
      let drafts = await x.service.drafts();
      let current = drafts.find((d) => d.final) ?? drafts.at(-1) ?? null;
      if (current?.final && (bool(o, 'regenerate') || bool(o, 'final')))
        throw new UserError(
          `the public summary is final (v${current.version}): it can no longer be regenerated or finalised again`,
          { code: 'summary_final' },
        );
      if (str(o, 'edit')) {
        let text: string;
        try {
          text = readFileSync(str(o, 'edit')!, 'utf8');
        } catch (err) {
          throw new UserError(`${str(o, 'edit')}: cannot read (${(err as Error).message})`);
        }
        current = await x.service.saveDraft(text, 'edited');
      } else if (
        !current?.final &&
        (current === null || current.source === 'generated' || bool(o, 'regenerate'))
      ) {
        const rec = await x.record();
        const markdown = generateSummary(rec, await summaryFacts(x.store, rec));
        if (current?.markdown !== markdown || bool(o, 'regenerate'))
          current = await x.service.saveDraft(markdown, 'generated');
      }
      if (bool(o, 'final')) current = await x.service.finalise();
      drafts = await x.service.drafts();
      const title = summaryTitle(await x.record());
      return {
        version: current!.version,
        source: current!.source,
        final: current!.final,
        format,
        text: format === 'html' ? toHtml(current!.markdown, title) : current!.markdown,
        drafts: drafts.length,
      };
    },
    (_x, result) => {
      const r = result as { text: string; version: number; source: string; final: boolean };
      ctx.io.out(r.text);
      ctx.io.err(`summary v${r.version} (${r.source}${r.final ? ', final' : ', draft'})\n`);
    },
  );
}

export function registerRecordViews(sub: Sub, ctx: CliContext): void {
  showCommand(sub, ctx);
  deadlinesCommand(sub, ctx);
  timelineCommand(sub, ctx);
  summaryCommand(sub, ctx);
}
