/**
 * Migration 0019 (issue 13.9): a store written before search folded Latin accents is brought up to
 * it. Its messages' search copies are folded in place (the text itself untouched) and SQLite's
 * external-content index is rebuilt, so `cafe` then finds `café` on both backends. The test undoes the
 * migration's record to re-run it, which Kysely allows only for trailing migrations: so it also undoes
 * 0020_active_learning (dropping its two empty tables) and 0023-0024, and any newer migration must be undone here too.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { backends } from '../support/backends.js';
import { parsed, rows, seed } from '../support/store-fixtures.js';

for (const backend of backends()) {
  const title = `migration 0019 refolds search copies (${backend.name})`;
  if (backend.skipReason !== null) {
    describe.skip(`${title} (skipped: ${backend.skipReason})`, () => {
      it('needs a PostgreSQL server', () => undefined);
    });
    continue;
  }
  describe(title, () => {
    afterAll(() => backend.cleanup());
    it('folds old search copies and rebuilds the index', async () => {
      const { store, reopen, raw } = await backend.open();
      const s = await seed(store);
      await store.transaction(async (repos) => {
        await repos.messages.insertMany(rows(s, [parsed({ text: 'meet at the Café Nero' })]));
      });
      await store.close();
      // As a store written before 0019 held it: the accent in the search copy, 0019 not yet run.
      await raw(`update messages set search_text = 'meet at the café nero'`);
      // Kysely re-runs only trailing migrations, so the later 0020 is undone too (its tables are empty).
      await raw(`drop table rerank_scores`);
      await raw(`drop table rerank_runs`);
      // And 0023/0024 (issue 20): the index build queue (empty once the insert above committed) and
      // SQLite's vocabulary view; and 0028 (record: its column is dropped; the store holds no record yet).
      await raw(`drop table search_index_pending`);
      if (backend.name === 'sqlite') await raw(`drop table messages_fts_vocab`);
      await raw(`alter table record_cases drop column messages_analysed_more_than`);
      await raw(
        `delete from kysely_migration where name in ('0019_search_fold', '0020_active_learning', '0023_search_index_pending', '0024_search_vocabulary', '0028_messages_analysed_bound')`,
      );
      const again = await reopen();
      const [row] = await raw('select text, search_text from messages');
      expect(row).toEqual({ text: 'meet at the Café Nero', search_text: 'meet at the cafe nero' });
      for (const q of ['cafe', 'café', 'CAFE nero'])
        expect(
          (await again.messages.query(s.caseId, { search: q })).messages.map((m) => m.text),
          q,
        ).toEqual(['meet at the Café Nero']);
      await again.close();
    });
  });
}
