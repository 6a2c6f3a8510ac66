/**
 * Reports through the API (docs/api.md, "Reports"): made on a worker thread, polled, downloaded and
 * audited; the same bytes as the CLI's report of the same inputs; leads only, on their own cases.
 * Runs on the demo group chat (test/support/demo-case.ts), on SQLite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { addCaseMember, addUser } from '../../src/review/users.js';
import { buildServer } from '../../src/server/index.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { BACKENDS, PG_SKIPPED } from '../support/cli.js';
import { demoCase, type DemoCase } from '../support/demo-case.js';

const PASSWORD = 'correct horse battery staple';

interface Report {
  id: string;
  caseId: number;
  kind: string;
  status: 'running' | 'done' | 'failed';
  elapsedMs: number;
  summary: string | null;
  file: { name: string; bytes: number; sha256: string; contentType: string } | null;
  parts: { part: string; name: string; bytes: number; sha256: string }[];
  error: { code: string; message: string } | null;
}

async function sheetRows(wb: ExcelJS.Workbook, name: string): Promise<unknown[][]> {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

async function workbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

if (PG_SKIPPED) describe.skip(`reports through the API on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('reports through the API on %s', (backend) => {
  let d: DemoCase;
  let store: Store;
  let app: FastifyInstance;
  let caseId: number;
  let otherCaseId: number;
  const sessions = new Map<string, { cookie: string; csrf: string }>();

  const login = async (username: string) => {
    const cached = sessions.get(username);
    if (cached) return cached;
    const res = await app.inject({
      method: 'POST',
      url: '/api/login',
      payload: { username, password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'scrutineer_session')!;
    const s = {
      cookie: `scrutineer_session=${cookie.value}`,
      csrf: (res.json() as { csrfToken: string }).csrfToken,
    };
    sessions.set(username, s);
    return s;
  };
  const call = async (who: string, method: 'GET' | 'POST', url: string, payload?: object) => {
    const s = await login(who);
    return app.inject({
      method,
      url,
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
      ...(payload ? { payload } : {}),
    });
  };
  const start = async (who: string, body: object, id = caseId) => {
    const res = await call(who, 'POST', `/api/cases/${id}/reports`, body);
    expect(res.statusCode, res.body).toBe(202);
    const r = (res.json() as { report: Report }).report;
    expect(r.status).toBe('running');
    return r;
  };
  const waitFor = async (who: string, id: string): Promise<Report> => {
    const deadline = Date.now() + 120_000;
    for (;;) {
      const res = await call(who, 'GET', `/api/reports/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      const r = (res.json() as { report: Report }).report;
      if (r.status !== 'running') return r;
      if (Date.now() > deadline) throw new Error(`report ${id} still running`);
      await new Promise((ok) => setTimeout(ok, 100));
    }
  };

  beforeAll(async () => {
    d = await demoCase(backend);
    store = await openStore({ workspace: d.ws.dir, databaseUrl: d.ws.databaseUrl });
    caseId = (await store.cases.findByNameOrId('Lantern'))!.id;
    otherCaseId = (await store.cases.create({ name: 'Other', createdBy: 'test' })).id;
    for (const [username, role, c] of [
      ['lead1', 'lead', caseId],
      ['reviewer1', 'reviewer', caseId],
      ['lead2', 'lead', otherCaseId],
    ] as const) {
      await addUser(store, { username, password: PASSWORD, role, actor: 'test' });
      await addCaseMember(store, { caseId: c, username, actor: 'test' });
    }
    app = await buildServer({ store, workspace: d.ws.dir, webRoot: null });
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await store?.close();
    await d?.ws.cleanup();
  });

  it('a lead makes a charge schedule (XLSX): running, then done; the download reads back as the CLI file; audited', async () => {
    const started = await start('lead1', { kind: 'charges', format: 'xlsx' });
    const r = await waitFor('lead1', started.id);
    expect(r.error).toBeNull();
    expect(r.status).toBe('done');
    expect(r.summary).toMatch(/counts/u);
    expect(r.file!.name).toBe('lantern-charge-schedule.xlsx');
    const res = await call('lead1', 'GET', `/api/reports/${r.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['content-disposition']).toBe('attachment; filename="lantern-charge-schedule.xlsx"');
    const bytes = res.rawPayload;
    expect(bytes.length).toBe(r.file!.bytes);
    expect(res.headers['x-content-sha256']).toBe(r.file!.sha256);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(r.file!.sha256);

    // The same inputs through the CLI: the same rows (XLSX zip entries carry the write time).
    const file = path.join(d.dir, 'charges.xlsx');
    expect((await d.ws.cli(['report', 'charges', 'Lantern', '-o', file])).code).toBe(0);
    const api = await sheetRows(await workbook(bytes), 'Charge schedule');
    const cli = await sheetRows(await workbook(readFileSync(file)), 'Charge schedule');
    expect(api.length).toBeGreaterThan(3);
    expect(api).toEqual(cli);

    const audit = await store.audit.list({ caseId, limit: 1000 });
    const made = audit.find((e) => e.action === 'report.charges' && e.actor === 'lead1')!;
    expect(made).toBeDefined();
    const detail = JSON.parse(made.detailJson) as {
      file: string;
      sha256: string;
      bytes: number;
      reportId: string;
    };
    expect(detail).toMatchObject({
      file: r.file!.name,
      sha256: r.file!.sha256,
      bytes: r.file!.bytes,
      reportId: r.id,
    });
    const download = audit.find((e) => e.action === 'report.download' && e.subject === `report:${r.id}`)!;
    expect(download.actor).toBe('lead1');
  }, 120_000);

  it('a lead makes an unused-material schedule (CSV): byte for byte the CLI file, with its appendices', async () => {
    const started = await start('lead1', { kind: 'unused', format: 'csv' });
    const r = await waitFor('lead1', started.id);
    expect(r.status).toBe('done');
    expect(r.parts.map((p) => p.part).sort()).toEqual(['coverage', 'provenance', 'search-terms']);
    const res = await call('lead1', 'GET', `/api/reports/${r.id}/file`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.slice(1).split('\r\n');
    expect(rows.some((x) => x.startsWith('Item No.,'))).toBe(true);

    const file = path.join(d.dir, 'unused.csv');
    expect((await d.ws.cli(['report', 'unused', 'Lantern', '-o', file])).code).toBe(0);
    expect(res.rawPayload.equals(readFileSync(file))).toBe(true);
    const coverage = await call('lead1', 'GET', `/api/reports/${r.id}/file?part=coverage`);
    expect(coverage.statusCode).toBe(200);
    expect(coverage.rawPayload.equals(readFileSync(file.replace(/\.csv$/u, '.coverage.csv')))).toBe(true);
    expect((await call('lead1', 'GET', `/api/reports/${r.id}/file?part=nothing`)).statusCode).toBe(404);

    const audit = await store.audit.list({ caseId, limit: 1000 });
    expect(audit.filter((e) => e.action === 'report.unused').map((e) => e.actor)).toEqual(
      expect.arrayContaining(['lead1', 'test-investigator']),
    );
    const list = await call('lead1', 'GET', `/api/cases/${caseId}/reports`);
    expect((list.json() as { reports: Report[] }).reports.map((x) => x.id)).toContain(r.id);
  }, 120_000);

  it('an evidence bundle (PDF) is made on a worker thread while the server keeps answering', async () => {
    const conduct = await call('lead1', 'GET', `/api/cases/${caseId}/conduct`);
    const person = (conduct.json() as { people: { name: string; sentOffensive: number }[] }).people.find(
      (p) => p.sentOffensive > 0,
    )!;
    const started = await start('lead1', { kind: 'bundle', person: person.name, context: 1 });
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    const running = await call('lead1', 'GET', `/api/reports/${started.id}`);
    expect((running.json() as { report: Report }).report.status).toBe('running');
    const r = await waitFor('lead1', started.id);
    expect(r.error).toBeNull();
    expect(r.file!.contentType).toBe('application/pdf');
    const res = await call('lead1', 'GET', `/api/reports/${r.id}/file`);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  }, 120_000);

  it('a bundle for nobody fails with the reason; a download before done is 409; bad requests are 400', async () => {
    const r = await waitFor('lead1', (await start('lead1', { kind: 'bundle', person: 'Nobody At All' })).id);
    expect(r.status).toBe('failed');
    expect(r.error!.message).toMatch(/Nobody At All/u);
    expect((await call('lead1', 'GET', `/api/reports/${r.id}/file`)).statusCode).toBe(409);
    expect((await call('lead1', 'POST', `/api/cases/${caseId}/reports`, { kind: 'bundle' })).statusCode).toBe(
      400,
    );
    expect(
      (await call('lead1', 'POST', `/api/cases/${caseId}/reports`, { kind: 'unused', format: 'pdf' }))
        .statusCode,
    ).toBe(400);
    const otherConversation = await call('lead1', 'POST', `/api/cases/${caseId}/reports`, {
      kind: 'rsmf',
      conversationId: 999_999,
    });
    expect(otherConversation.statusCode).toBe(400);
  }, 120_000);

  it('reviewers cannot make or fetch reports; a lead of another case gets 403, an unknown id 404', async () => {
    expect(
      (await call('reviewer1', 'POST', `/api/cases/${caseId}/reports`, { kind: 'unused', format: 'csv' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('lead2', 'POST', `/api/cases/${caseId}/reports`, { kind: 'unused', format: 'csv' }))
        .statusCode,
    ).toBe(403);
    const r = await waitFor('lead1', (await start('lead1', { kind: 'charges', format: 'pdf' })).id);
    expect(r.status).toBe('done');
    for (const who of ['reviewer1', 'lead2']) {
      for (const url of [`/api/reports/${r.id}`, `/api/reports/${r.id}/file`]) {
        const res = await call(who, 'GET', url);
        expect(res.statusCode, `${who} ${url}`).toBe(403);
      }
    }
    expect((await call('lead2', 'GET', `/api/cases/${caseId}/reports`)).statusCode).toBe(403);
    const unknown = await call('lead1', 'GET', '/api/reports/00000000-0000-4000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const anonymous = await app.inject({ method: 'GET', url: `/api/reports/${r.id}` });
    expect(anonymous.statusCode).toBe(401);
  }, 120_000);

  it('at most two reports run at once per case', async () => {
    const a = await start('lead1', { kind: 'unused', format: 'xlsx' });
    const b = await start('lead1', { kind: 'charges', format: 'xlsx' });
    const third = await call('lead1', 'POST', `/api/cases/${caseId}/reports`, {
      kind: 'unused',
      format: 'csv',
    });
    expect(third.statusCode).toBe(429);
    expect((third.json() as { error: { code: string } }).error.code).toBe('too_many_reports');
    // Another case is not held up by this one.
    const other = await start('lead2', { kind: 'unused', format: 'csv' }, otherCaseId);
    for (const [who, id] of [
      ['lead1', a.id],
      ['lead1', b.id],
      ['lead2', other.id],
    ] as const)
      expect((await waitFor(who, id)).status).toBe('done');
  }, 120_000);
});
