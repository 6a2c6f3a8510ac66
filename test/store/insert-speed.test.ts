/**
 * Bulk insert speed. By default a quick run (20,000 rows) that only checks the rows arrive; with
 * SCRUTINEER_STORE_BENCH=1 it inserts 1,000,000 rows on SQLite and 100,000 on PostgreSQL and
 * prints wall and CPU time. The target is well under 10 s for SQLite on an idle machine; the check
 * here is looser (30 s of this process's CPU) so a busy shared machine does not fail it, while a
 * regression to per-row round trips (minutes) still does.
 */
import { afterAll, describe, expect, it } from 'vitest';

import { toMessageRow, type NewMessage } from '../../src/store/types.js';
import { backends } from '../support/backends.js';
import { mulberry32 } from '../support/random.js';
import { parsed, seed, type Seeded } from '../support/store-fixtures.js';

const BENCH = process.env.SCRUTINEER_STORE_BENCH === '1';

const WORDS =
  'the police officer station shift car radio stop search van duty sergeant inspector lol mate yeah night custody arrest report job'.split(
    ' ',
  );
const EMOJI = ['😂', '👍🏽', '🚓', '🙄', ''];

function makeRows(s: Seeded, n: number): NewMessage[] {
  const random = mulberry32(42);
  const senders = Array.from({ length: 12 }, (_, i) => `Officer ${i + 1}`);
  const base = Date.UTC(2019, 0, 1);
  const out = new Array<NewMessage>(n);
  for (let i = 0; i < n; i++) {
    const words = 3 + Math.floor(random() * 14);
    let text = '';
    for (let w = 0; w < words; w++) text += (w ? ' ' : '') + WORDS[Math.floor(random() * WORDS.length)];
    text += EMOJI[i % EMOJI.length];
    const utc = new Date(base + i * 45_000).toISOString();
    out[i] = toMessageRow(parsed({ seq: i, sender: senders[i % senders.length]!, text, utc }), s);
  }
  return out;
}

for (const backend of backends()) {
  const size = BENCH ? (backend.name === 'sqlite' ? 1_000_000 : 100_000) : 20_000;
  const title = `${backend.name} bulk insert of ${size.toLocaleString('en-GB')} messages`;
  if (backend.skipReason !== null) {
    describe.skip(`${title} (skipped: ${backend.skipReason})`, () => {
      it('needs a PostgreSQL server', () => undefined);
    });
    continue;
  }
  describe(title, () => {
    afterAll(() => backend.cleanup());
    it(
      'inserts in one transaction and finds the rows',
      async () => {
        const { store } = await backend.open();
        const s = await seed(store);
        const rows = makeRows(s, size);
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        const ids = await store.transaction((r) => r.messages.insertMany(rows));
        const seconds = (performance.now() - started) / 1000;
        const cpu = process.cpuUsage(cpuBefore);
        const cpuSeconds = (cpu.user + cpu.system) / 1e6;
        if (BENCH) {
          console.log(
            `${backend.name}: ${size.toLocaleString('en-GB')} messages in ${seconds.toFixed(2)} s ` +
              `(${Math.round(size / seconds).toLocaleString('en-GB')} rows/s); ` +
              `CPU in this process ${cpuSeconds.toFixed(2)} s`,
          );
          if (backend.name === 'sqlite') expect(cpuSeconds).toBeLessThan(30);
        }
        expect(ids).toHaveLength(size);
        expect(await store.messages.count(s.caseId)).toBe(size);
        expect(await store.messages.count(s.caseId, { search: '🚓' })).toBe(size / 5);
        const stats = await store.messages.stats(s.caseId);
        expect(stats.messages).toBe(size);
      },
      BENCH ? 300_000 : 60_000,
    );
  });
}
