/**
 * Issue 18 item 10: the demo's record is dated relative to the day it is built, so the demo never
 * opens with deadlines overdue (it opened with "7 overdue", up to 923 days late).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RecordService } from '../../src/cases/record-service.js';
import { buildDemoRecord } from '../../src/demo/demo-record.js';
import { openStore } from '../../src/store/open-store.js';
import { demoCase, type DemoCase } from '../support/demo-case.js';

describe('the demo record', () => {
  let d: DemoCase;
  beforeAll(async () => {
    d = await demoCase('sqlite');
  }, 120_000);
  afterAll(async () => d.ws.cleanup());

  async function build(caseName: string, today?: string) {
    const store = await openStore({ workspace: d.ws.dir, databaseUrl: d.ws.databaseUrl });
    try {
      const theCase = (await store.cases.findByName(caseName))!;
      // A fixed clock at noon on `today` (else the real one).
      const now = today ? () => new Date(`${today}T12:00:00Z`) : () => new Date();
      await buildDemoRecord(store, theCase.id, 'demo', now);
      const service = new RecordService(store, theCase.id, 'demo', { now });
      const record = await service.load();
      return { record, deadlines: await service.deadlines(today ?? new Date().toISOString().slice(0, 10)) };
    } finally {
      await store.close();
    }
  }

  it('is dated back from today: nothing overdue, the investigation under way, no count out of time', async () => {
    const { record, deadlines } = await build('Lantern');
    expect(deadlines.filter((x) => x.status === 'overdue')).toEqual([]);
    expect(deadlines.map((x) => x.kind)).toEqual(
      expect.arrayContaining(['progress_report', 'recommendation_response']),
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(record.details!.startDate! < today).toBe(true);
    expect(record.recommendations[0]!.madeOn < today).toBe(true);
    // The demo chat ends in November 2023: from December 2026 every message is out of time.
    for (const c of deadlines.filter((x) => x.kind === 's127_limitation')) expect(c.due! >= today).toBe(true);
  });

  it('proposes a count while a message is in time (built on 1 June 2024)', async () => {
    expect((await d.ws.cli(['case', 'create', 'Early'])).code).toBe(0);
    const again = await d.ws.cli([
      'exhibit',
      'add',
      'Early',
      d.chat,
      '--ref',
      'AB/2',
      '--officer',
      'DC Example',
    ]);
    expect(again.code).toBe(0);
    expect((await d.ws.cli(['analyse', 'Early'])).code).toBe(0);
    const { record, deadlines } = await build('Early', '2024-06-01');
    expect(record.counts).toHaveLength(1);
    expect(record.details!.startDate).toBe('2023-07-17');
    expect(deadlines.filter((x) => x.status === 'overdue')).toEqual([]);
  });
});
