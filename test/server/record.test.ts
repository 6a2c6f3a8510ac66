/**
 * The case record over the API: a small record built through POST …/record/actions (case details, a
 * subject, an assessment and a notice, an allegation citing a message, a referral, a charged count
 * with its s127 limitation date and a verdict, a hearing with a finding and an outcome, a learning
 * recommendation with its 56-day due date), read back with its deadlines and timeline; a refused
 * change is a 400 with the rule and writes nothing; every change is audited; only leads may change
 * it; the public summary is drafted and finalised.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { RecordResponse } from '../../src/contract/record-schemas.js';
import type { Backend } from '../support/backends.js';
import { eachBackend } from '../support/each-backend.js';
import { makeWorld, type Session, type World } from '../support/world.js';

interface View {
  record: {
    details: { operation: string | null; startDate: string | null; publishable: boolean } | null;
    people: { id: number; name: string; role: string }[];
    subjects: { personId: number; label: string | null }[];
    notices: { id: number; kind: string; standards: string[]; severity: string | null }[];
    allegations: { id: number; standard: string; messageIds: number[]; caseToAnswer: string | null }[];
    counts: { id: number; number: number; chargedOn: string | null; verdict: string | null }[];
    proceedings: { id: number; kind: string }[];
    findings: { allegationId: number; finding: string }[];
    outcomes: { outcome: string }[];
    recommendations: { reference: string; madeOn: string; response: string | null }[];
  };
  today: string;
  deadlines: { kind: string; about: string; due: string; status: string; daysLeft: number }[];
  timeline: { date: string; kind: string; what: string }[];
  citedMessages: { id: number; conversationId: number; seq: number }[];
  result?: unknown;
}

eachBackend('Review server: case record', (backend: Backend) => {
  let w: World;
  let lead: Session;
  let reviewer: Session;
  let readonly: Session;
  let url: string;
  beforeAll(async () => {
    w = await makeWorld(backend);
    lead = await w.login('lead1');
    reviewer = await w.login('reviewer1');
    readonly = await w.login('readonly1');
    url = `/api/cases/${w.a.caseId}/record`;
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const post = (s: Session, path: string, payload: unknown) =>
    w.app.inject({
      method: 'POST',
      url: path,
      payload: payload as object,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
  /** One action by the lead, which must be accepted; the view it returns, as of 2024-08-01. */
  const act = async (payload: Record<string, unknown>): Promise<View> => {
    const res = await post(lead, `${url}/actions?today=2024-08-01`, payload);
    expect(res.statusCode, `${String(payload.action)}: ${res.body}`).toBe(200);
    return res.json() as View;
  };
  const view = async (s: Session = readonly, today = '2024-08-01'): Promise<View> => {
    const res = await w.app.inject({
      method: 'GET',
      url: `${url}?today=${today}`,
      headers: { cookie: s.cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as View;
  };
  const recordAudit = async () =>
    (await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 })).filter((e) =>
      e.action.startsWith('record.'),
    );

  let personId = 0;
  let allegationId = 0;
  let countId = 0;
  let hearingId = 0;

  it('starts empty: no details, no deadlines, the evidence intake on the timeline', async () => {
    const v = await view();
    expect(v.record.details).toBeNull();
    expect(v.record.allegations).toEqual([]);
    expect(v.deadlines).toEqual([]);
    expect(v.today).toBe('2024-08-01');
    expect(v.timeline.every((e) => e.kind === 'evidence')).toBe(true);
  });

  it('builds a record through the API, every change audited', async () => {
    const before = (await recordAudit()).length;
    await act({
      action: 'case',
      operation: 'Op Alpha',
      reference: '2023/000123',
      investigatingBody: 'Independent Office for Police Conduct',
      mode: 'independent',
      forces: ['Northshire Police'],
      referralDate: '2023-06-01',
      startDate: '2023-06-05',
      evidenceSufficientDate: '2024-01-10',
      reportDate: '2024-03-01',
      publishable: true,
    });
    const added = await act({
      action: 'person',
      name: 'Alice',
      role: 'subject',
      status: 'serving',
      force: 'Northshire Police',
      barredListApplies: true,
    });
    // Alice: the sender of the message charged below (a count is the defendant's own message).
    personId = added.record.people.find((p) => p.name === 'Alice')!.id;
    await act({ action: 'subject', personId, namePublic: false, label: 'Officer A' });
    await act({
      action: 'assess',
      personId,
      severity: 'gross_misconduct',
      on: '2023-06-10',
      publishable: true,
    });
    await act({
      action: 'notice',
      personId,
      kind: 'reg17',
      on: '2023-06-12',
      conduct: 'Sent discriminatory messages to the group',
      standards: ['Discreditable Conduct', 'Equality and Diversity'],
      publishable: true,
    });
    const a = await act({
      action: 'allegation',
      personId,
      standards: ['Discreditable Conduct'],
      description: 'Sent a grossly offensive message',
      messageIds: [w.a.messageIds[3]],
      publishable: true,
    });
    allegationId = a.record.allegations[0]!.id;
    await act({ action: 'refer', on: '2023-09-01', publishable: true });
    await act({ action: 'charging', personId, on: '2024-01-10', decision: 'charge', publishable: true });
    const c = await act({
      action: 'count',
      personId,
      messageIds: [w.a.messageIds[3]],
      on: '2024-02-01',
      publishable: true,
    });
    countId = c.record.counts[0]!.id;
    await act({ action: 'verdict', countIds: [countId], verdict: 'convicted', on: '2024-05-01' });
    await act({
      action: 'case-to-answer',
      allegationIds: [allegationId],
      decision: 'gross_misconduct',
      on: '2024-03-10',
    });
    const h = await act({
      action: 'proceeding',
      kind: 'hearing',
      level: 'gross_misconduct',
      startOn: '2024-06-03',
      publishable: true,
    });
    hearingId = h.record.proceedings[0]!.id;
    await act({
      action: 'finding',
      allegationIds: [allegationId],
      proceedingId: hearingId,
      finding: 'proven',
      on: '2024-06-05',
      publishable: true,
    });
    await act({
      action: 'outcome',
      personId,
      outcome: 'dismissal_without_notice',
      proceedingId: hearingId,
      on: '2024-06-05',
      publishable: true,
    });
    const last = await act({
      action: 'recommendation',
      reference: 'R1',
      recipients: ['College of Policing'],
      text: 'Guidance on challenging messages in private groups.',
      on: '2024-07-01',
      publishable: true,
    });
    expect(last.result).toMatchObject({ reference: 'R1', madeOn: '2024-07-01' });

    const audit = await recordAudit();
    expect(audit.slice(before).map((e) => e.action)).toEqual([
      'record.case',
      'record.subject',
      'record.assess',
      'record.notice',
      'record.allegation',
      'record.refer',
      'record.charging',
      'record.charge',
      'record.verdict',
      'record.case-to-answer',
      'record.hearing',
      'record.finding',
      'record.outcome',
      'record.recommendation',
    ]);
    // The person is audited as person.add, as `scrutineer person add` does.
    expect(audit.every((e) => e.actor === 'lead1')).toBe(true);
    const all = await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 });
    expect(all.some((e) => e.action === 'person.add' && e.actor === 'lead1')).toBe(true);
  });

  it('shows the record, its deadlines and the timeline to a read-only member', async () => {
    const v = await view(readonly);
    // Exactly what the contract describes, word lists included (the web app's types are derived from it).
    expect(RecordResponse.parse(v)).toEqual(v);
    expect(v.record.details).toMatchObject({
      operation: 'Op Alpha',
      startDate: '2023-06-05',
      publishable: true,
    });
    expect(v.record.subjects).toEqual([expect.objectContaining({ personId, label: 'Officer A' })]);
    expect(v.record.notices).toEqual([
      expect.objectContaining({
        kind: 'reg17',
        severity: 'gross_misconduct',
        standards: ['Discreditable Conduct', 'Equality and Diversity'],
      }),
    ]);
    expect(v.record.allegations).toEqual([
      expect.objectContaining({
        id: allegationId,
        standard: 'Discreditable Conduct',
        messageIds: [w.a.messageIds[3]],
        caseToAnswer: 'gross_misconduct',
      }),
    ]);
    expect(v.citedMessages).toEqual([
      expect.objectContaining({ id: w.a.messageIds[3], conversationId: w.a.conversationId, seq: 3 }),
    ]);
    expect(v.record.counts).toEqual([
      expect.objectContaining({ id: countId, number: 1, chargedOn: '2024-02-01', verdict: 'convicted' }),
    ]);
    expect(v.record.findings).toEqual([expect.objectContaining({ allegationId, finding: 'proven' })]);
    expect(v.record.outcomes).toEqual([expect.objectContaining({ outcome: 'dismissal_without_notice' })]);

    const byKind = (kind: string) => v.deadlines.filter((d) => d.kind === kind);
    // s127(5): the 6 months beginning with the evidence-sufficient date (10 January 2024) end on
    // 9 July 2024, before the 3 years beginning with the day of sending.
    expect(byKind('s127_limitation')).toEqual([
      expect.objectContaining({ due: '2024-07-09', status: 'met' }),
    ]);
    // Five working days after Wednesday 5 June 2024; no barred list entry yet.
    expect(byKind('barred_list_report')).toEqual([
      expect.objectContaining({ due: '2024-06-12', status: 'overdue' }),
    ]);
    // 56 days after 1 July 2024.
    expect(byKind('recommendation_response')).toEqual([
      expect.objectContaining({
        about: expect.stringContaining('R1'),
        due: '2024-08-26',
        status: 'open',
        daysLeft: 25,
      }),
    ]);

    const kinds = v.timeline.map((e) => e.kind);
    // The world's exhibit was taken in today (its added_at), after the rest of this made-up record.
    expect(kinds).toContain('evidence');
    for (const k of [
      'referral',
      'investigation',
      'assessment',
      'notice',
      'prosecution',
      'charge',
      'verdict',
      'case to answer',
      'proceedings',
      'findings',
      'outcome',
      'recommendation',
    ])
      expect(kinds, k).toContain(k);
    const dates = v.timeline.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });

  it('refuses a change against the rules with a 400 and the rule, and writes nothing', async () => {
    const before = await recordAudit();
    const outcomesBefore = (await view()).record.outcomes.length;
    const other = await act({ action: 'person', name: 'PC Betty Baker', role: 'subject', status: 'serving' });
    const betty = other.record.people.find((p) => p.name === 'PC Betty Baker')!.id;
    const res = await post(lead, `${url}/actions`, {
      action: 'outcome',
      personId: betty,
      outcome: 'written_warning',
      proceedingId: hearingId,
      on: '2024-06-06',
    });
    expect(res.statusCode).toBe(400);
    // Betty was never served a misconduct notice: no outcome (issue 15 defect 2).
    expect(res.json()).toEqual({
      error: {
        code: 'no_misconduct_notice',
        message:
          'no outcome for PC Betty Baker: no misconduct notice (Regulation 17) was served on PC Betty Baker by 2024-06-06; record the assessment and the notice first (record assess, record notice)',
      },
    });
    // Verdicts on a charged count and on a proposed one, in one action: neither is recorded.
    // Alice sends every third message (seq 0, 3, 6, …): a count is her own message.
    const charged = await act({
      action: 'count',
      personId,
      messageIds: [w.a.messageIds[24]],
      on: '2024-02-02',
    });
    const chargedId = charged.record.counts.find((c) => c.chargedOn === '2024-02-02')!.id;
    const proposed = await act({ action: 'count', personId, messageIds: [w.a.messageIds[12]] });
    const proposedId = proposed.record.counts.find((c) => c.chargedOn === null)!.id;
    const auditMid = (await recordAudit()).length;
    const batch = await post(lead, `${url}/actions`, {
      action: 'verdict',
      countIds: [chargedId, proposedId],
      verdict: 'acquitted',
      on: '2024-05-02',
    });
    expect(batch.statusCode).toBe(400);
    expect(batch.json().error.message).toBe(
      `count ${proposedId} was never charged: verdicts are only for charged counts`,
    );
    expect((await recordAudit()).length).toBe(auditMid);
    const v = await view();
    expect(v.record.outcomes.length).toBe(outcomesBefore);
    expect(v.record.counts.filter((c) => c.verdict === 'acquitted')).toEqual([]);
    // The only new audit entries are the two counts'.
    expect((await recordAudit()).length).toBe(before.length + 2);
  });

  it('rejects malformed actions with a 400 before the service', async () => {
    for (const payload of [
      { action: 'nope' },
      { action: 'notice', personId, kind: 'reg17', on: '2024-02-30' },
      { action: 'allegation', personId, standards: ['Rudeness'], description: 'x' },
      { action: 'outcome', personId, outcome: 'sacked', on: '2024-06-06' },
    ]) {
      const res = await post(lead, `${url}/actions`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
  });

  it('refuses a word outside its contract list with a 400 naming the field, and writes nothing', async () => {
    const before = (await recordAudit()).length;
    const was = (await view()).record;
    for (const [payload, field] of [
      [{ action: 'case', mode: 'freelance' }, 'mode'],
      [{ action: 'case', status: 'archived' }, 'status'],
      [{ action: 'person', name: 'Zed', role: 'suspect' }, 'role'],
      [{ action: 'person', name: 'Zed', role: 'witness', status: 'retired' }, 'status'],
      [{ action: 'interview', personId, on: '2024-02-01', kind: 'informal' }, 'kind'],
      [{ action: 'appeal', personId, outcome: 'quashed', outcomeOn: '2024-06-01' }, 'outcome'],
      [{ action: 'notice', personId, kind: 'reg17', on: '2023-07-01', standards: ['Rudeness'] }, 'standards'],
    ] as const) {
      const res = await post(lead, `${url}/actions`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.body, JSON.stringify(payload)).toContain(field);
    }
    expect((await recordAudit()).length).toBe(before);
    const now = (await view()).record;
    expect(now).toEqual(was);
  });

  it('lets only leads (and admins) change the record', async () => {
    const payload = { action: 'progress', on: '2024-06-05' };
    expect((await post(reviewer, `${url}/actions`, payload)).statusCode).toBe(403);
    expect((await post(readonly, `${url}/actions`, payload)).statusCode).toBe(403);
    const other = await post(lead, `/api/cases/${w.b.caseId}/record/actions`, payload);
    expect(other.statusCode).toBe(403);
  });

  it('records a response, and its publication clears the deadlines', async () => {
    await act({
      action: 'response',
      reference: 'R1',
      on: '2024-08-20',
      response: 'accepted',
      text: 'We accept.',
    });
    await act({ action: 'publish', reference: 'R1', on: '2024-09-01' });
    const v = await view(readonly, '2024-09-02');
    expect(v.deadlines.filter((d) => d.kind === 'recommendation_response')).toEqual([
      expect.objectContaining({ status: 'met' }),
    ]);
    expect(v.deadlines.filter((d) => d.kind === 'response_publication')).toEqual([
      expect.objectContaining({ due: '2024-09-10', status: 'met' }),
    ]);
    expect(v.timeline.filter((e) => e.kind !== 'evidence').at(-1)).toMatchObject({
      kind: 'publication',
      date: '2024-09-01',
    });
  });

  it('generates the public summary, saves an edited draft and finalises it', async () => {
    const summaryUrl = `${url}/summary`;
    const get = async () => {
      const res = await w.app.inject({
        method: 'GET',
        url: summaryUrl,
        headers: { cookie: readonly.cookie },
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        generated: { markdown: string; html: string };
        drafts: { version: number; source: string; final: boolean }[];
        current: { version: number; markdown: string; html: string; final: boolean } | null;
        final: boolean;
      };
    };
    const first = await get();
    expect(first.generated.markdown).toContain('2023/000123');
    expect(first.generated.markdown).toContain('Officer A');
    expect(first.generated.markdown).not.toContain('Alice');
    expect(first.generated.html).toContain('<h1>');
    expect(first.drafts).toEqual([]);
    expect(first.current).toBeNull();

    // Nothing to finalise yet.
    const early = await post(lead, `${summaryUrl}/finalise`, {});
    expect(early.statusCode).toBe(400);
    expect(early.json().error.message).toBe('there is no summary draft to mark final');

    expect((await post(reviewer, `${summaryUrl}/drafts`, { markdown: 'x' })).statusCode).toBe(403);
    const gen = await post(lead, `${summaryUrl}/drafts`, { markdown: first.generated.markdown });
    expect(gen.statusCode, gen.body).toBe(200);
    expect(gen.json().draft).toMatchObject({ version: 1, source: 'generated', final: false });
    const edited = `${first.generated.markdown}\nEdited by the lead <script>alert(1)</script>.\n`;
    const ed = await post(lead, `${summaryUrl}/drafts`, { markdown: edited });
    expect(ed.json().draft).toMatchObject({ version: 2, source: 'edited' });
    const fin = await post(lead, `${summaryUrl}/finalise`, {});
    expect(fin.statusCode, fin.body).toBe(200);
    expect(fin.json().draft).toMatchObject({ version: 2, final: true });

    const after = await get();
    expect(after.final).toBe(true);
    expect(after.current).toMatchObject({ version: 2, final: true, markdown: edited });
    expect(after.current!.html).toContain('&lt;script&gt;');
    expect(after.current!.html).not.toContain('<script>');
    const late = await post(lead, `${summaryUrl}/drafts`, { markdown: 'too late' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toBe('the public summary is final: it can no longer be edited');
    const actions = (await w.store.audit.list({ caseId: w.a.caseId, limit: 10_000 })).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['record.summary.generated', 'record.summary.edited', 'record.summary.final']),
    );
    // The final summary is on the timeline.
    expect((await view()).timeline.some((e) => e.what.includes('public summary v2 marked final'))).toBe(true);
  });
});
