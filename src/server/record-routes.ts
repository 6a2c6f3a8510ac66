/**
 * The case record routes (docs/api.md, "Case record"): thin over the record service
 * (src/cases/record-service.ts), which checks the rules and writes each change with its audit entry
 * in one transaction. A rule the service refuses is a UserError: 400 with the rule's message.
 */

import { PeopleService } from '../cases/people-service.js';
import { todayInEngland } from '../cases/periods.js';
import { RecordService } from '../cases/record-service.js';
import { generateSummary, summaryTitle, toHtml } from '../cases/summary.js';
import { summaryFacts } from '../cases/summary-facts.js';
import { caseTimeline } from '../cases/timeline.js';
import type { CaseRecordData, SummaryDraft } from '../contract/record.js';
import { displayedAuthorOf } from '../presenters/message.js';
import type { Store } from '../store/open-store.js';
import { caseFromParam, type Route, type RouteDoc } from './api.js';
import * as R from '../contract/record-schemas.js';
import { CaseParams, ErrorBody } from '../contract/schemas.js';

/** The record, its deadlines as of `today`, the timeline and the messages it cites. */
async function recordView(store: Store, service: RecordService, today: string) {
  const record = await service.load();
  const [deadlines, exhibits, drafts] = await Promise.all([
    service.deadlines(today),
    store.exhibits.list(record.caseId),
    service.drafts(),
  ]);
  const ids = [
    ...new Set([
      ...record.allegations.flatMap((a) => a.messageIds),
      ...record.counts.flatMap((c) => c.messageIds),
    ]),
  ].sort((a, b) => a - b);
  const citedMessages = [];
  for (const messageId of ids) {
    const m = await store.messages.get(messageId);
    if (!m || m.caseId !== record.caseId) continue;
    citedMessages.push({
      id: m.id,
      conversationId: m.conversationId,
      seq: m.seq,
      sender: m.sender,
      displayedAuthor: displayedAuthorOf(m),
      utc: m.utc,
      excerpt: (m.text ?? '').slice(0, 140),
    });
  }
  return {
    record,
    today,
    deadlines,
    timeline: caseTimeline(record, exhibits, drafts),
    citedMessages,
  };
}

/** The summary generated from the record now (the same facts as `scrutineer record summary`). */
async function generated(store: Store, record: CaseRecordData): Promise<string> {
  return generateSummary(record, await summaryFacts(store, record));
}

/** Runs one action through the service; several-id actions in one transaction (all or none). */
async function act(service: RecordService, people: PeopleService, a: R.RecordActionT): Promise<unknown> {
  switch (a.action) {
    case 'case': {
      const { action: _a, ...input } = a;
      return service.setCase(input);
    }
    case 'person': {
      const { action: _a, ...input } = a;
      return people.add(input);
    }
    case 'subject':
      return service.setSubject(a.personId, { namePublic: a.namePublic, label: a.label });
    case 'assess':
      return service.assess(a);
    case 'notice':
      return service.notice(a);
    case 'interview':
      return service.interview(a);
    case 'allegation':
      return service.batch(async (s) => {
        const out = [];
        for (const standard of a.standards)
          out.push(
            await s.allegation({
              personId: a.personId,
              standard,
              description: a.description,
              messageIds: a.messageIds,
              publishable: a.publishable,
            }),
          );
        return out;
      });
    case 'refer':
      return service.refer(a);
    case 'charging':
      return service.chargingDecision(a);
    case 'count':
      return service.count(a);
    case 'charge':
      return service.chargeCount(a.countId, a.on);
    case 'appearance':
      return service.appearance(a);
    case 'verdict':
      return service.batch(async (s) => {
        const out = [];
        for (const countId of a.countIds) out.push(await s.verdict(countId, a.verdict, a.on));
        return out;
      });
    case 'sentence':
      return service.sentence(a);
    case 'appeal':
      return service.appeal(a);
    case 'case-to-answer':
      return service.batch(async (s) => {
        const out = [];
        for (const allegationId of a.allegationIds)
          out.push(await s.caseToAnswer(allegationId, a.decision, a.on));
        return out;
      });
    case 'proceeding':
      return service.proceeding(a);
    case 'finding':
      return service.batch(async (s) => {
        const out = [];
        for (const allegationId of a.allegationIds)
          out.push(
            await s.finding({
              allegationId,
              proceedingId: a.proceedingId,
              finding: a.finding,
              on: a.on,
              publishable: a.publishable,
            }),
          );
        return out;
      });
    case 'outcome':
      return service.outcome(a);
    case 'barred':
      return service.barred(a);
    case 'recommendation':
      return service.recommendation(a);
    case 'extend':
      return service.extend(a.reference, { days: a.days, reason: a.reason, on: a.on });
    case 'response':
      return service.response(a.reference, { on: a.on, text: a.text, response: a.response });
    case 'publish':
      return service.publishResponse(a.reference, a.on, a.url);
    case 'progress':
      return service.progressReport(a.on, a.note);
    case 'mark':
      return service.mark(a.kind, a.id, a.publishable);
  }
}

async function summaryView(store: Store, service: RecordService) {
  const record = await service.load();
  const markdown = await generated(store, record);
  const drafts = await service.drafts();
  const current = drafts.find((d) => d.final) ?? drafts.at(-1) ?? null;
  const title = summaryTitle(record);
  return {
    generated: { markdown, html: toHtml(markdown, title) },
    drafts,
    current: current ? { ...current, html: toHtml(current.markdown, title) } : null,
    final: drafts.some((d) => d.final),
  };
}

export function registerRecordRoutes(
  route: Route,
  store: Store,
  _docs: RouteDoc[],
  /** The clock: what "today" is for the record's rules (tests give a fixed one). */
  now: () => Date = () => new Date(),
): void {
  const serviceFor = (caseId: number, actor: string, force: string | null = null) =>
    new RecordService(store, caseId, actor, { force, now });
  const today = () => todayInEngland(now());

  route({
    method: 'GET',
    url: '/api/cases/:caseId/record',
    summary: "The case record, its deadlines as of today (or ?today=) and the case's timeline",
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    query: R.RecordQuery,
    responses: { 200: R.RecordResponse, 400: ErrorBody },
    handler: async ({ caseId, query, session }) =>
      recordView(store, serviceFor(caseId, session!.user.username), query.today ?? today()),
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/record/actions',
    summary:
      'Record one change (notice, allegation, count, verdict, finding, outcome, recommendation, …): checked ' +
      'against the record rules, written with its audit entry (record.<action>); a refused change is a 400 ' +
      'with the rule and writes nothing',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    query: R.RecordQuery,
    body: R.RecordAction,
    responses: { 200: R.RecordActionResponse, 400: ErrorBody },
    handler: async ({ caseId, query, body, session }) => {
      const actor = session!.user.username;
      const service = serviceFor(caseId, actor, query.force ?? null);
      const result = await act(service, new PeopleService(store, caseId, actor, now), body);
      return { ...(await recordView(store, service, query.today ?? today())), result };
    },
  });

  route({
    method: 'GET',
    url: '/api/cases/:caseId/record/summary',
    summary:
      'The public summary: generated now from the publishable facts (Markdown and HTML), the saved drafts ' +
      'and the current one',
    access: { kind: 'case', permission: 'read', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: R.SummaryResponse },
    handler: async ({ caseId, session }) => summaryView(store, serviceFor(caseId, session!.user.username)),
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/record/summary/drafts',
    summary:
      'Save a draft of the public summary (source "generated" when it is the generated text unchanged, else ' +
      '"edited"); 400 once the summary is final',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    body: R.DraftBody,
    responses: { 200: R.DraftResponse, 400: ErrorBody },
    handler: async ({ caseId, body, session }) => {
      const service = serviceFor(caseId, session!.user.username);
      const markdown = body.markdown;
      const source = markdown === (await generated(store, await service.load())) ? 'generated' : 'edited';
      const draft: SummaryDraft = await service.saveDraft(markdown, source);
      return { draft };
    },
  });

  route({
    method: 'POST',
    url: '/api/cases/:caseId/record/summary/finalise',
    summary:
      'Mark the latest draft of the public summary final (no more edits); 400 without a draft or when final',
    access: { kind: 'case', permission: 'lead', caseOf: caseFromParam },
    params: CaseParams,
    responses: { 200: R.DraftResponse, 400: ErrorBody },
    handler: async ({ caseId, session }) => ({
      draft: await serviceFor(caseId, session!.user.username).finalise(),
    }),
  });
}
