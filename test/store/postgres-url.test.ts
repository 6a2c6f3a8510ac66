import pg from 'pg';
import { describe, expect, it } from 'vitest';

import { UserError } from '../../src/domain/errors.js';
import { openStore, parsePostgresUrl } from '../../src/store/open-store.js';

describe('parsePostgresUrl', () => {
  it('takes the schema from ?schema= and removes it from the URL', () => {
    const t = parsePostgresUrl('postgres://u:secret@db:5432/scr?schema=case_a&sslmode=disable');
    expect(t.schema).toBe('case_a');
    expect(t.setSearchPath).toBe(true);
    expect(t.connectionString).toBe('postgres://u:secret@db:5432/scr?sslmode=disable');
    expect(t.display).toBe('postgres://u@db:5432/scr (schema case_a)');
  });

  it('reads a search_path given through libpq options', () => {
    const t = parsePostgresUrl('postgresql://db/scr?options=-c%20search_path%3Dcase_b');
    expect(t).toMatchObject({ schema: 'case_b', setSearchPath: false });
    expect(t.connectionString).toContain('options=');
  });

  it('works without a schema', () => {
    expect(parsePostgresUrl('postgres://db/scr')).toMatchObject({
      schema: null,
      display: 'postgres://db/scr',
    });
  });

  it.each(['not a url', 'mysql://db/x', 'postgres://db/x?schema=bad-name', 'postgres://db/x?schema=1abc'])(
    'refuses %s',
    (url) => {
      expect(() => parsePostgresUrl(url)).toThrow(UserError);
    },
  );
});

const url = process.env.SCRUTINEER_TEST_DATABASE_URL;
const pgDescribe = url ? describe : describe.skip;

pgDescribe(
  `PostgreSQL search_path via options${url ? '' : ' (skipped: set SCRUTINEER_TEST_DATABASE_URL)'}`,
  () => {
    it('creates the schema and keeps the tables in it', async () => {
      const schema = `scrutineer_test_opt_${process.pid}`;
      const u = new URL(url!);
      u.searchParams.set('options', `-c search_path=${schema}`);
      const store = await openStore({ workspace: '/unused', databaseUrl: u.toString() });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await store.cases.create({ name: 'In its own schema', createdBy: 'DC A' });
        const r = await client.query(`select name from "${schema}".cases`);
        expect(r.rows).toEqual([{ name: 'In its own schema' }]);
      } finally {
        await store.close();
        await client.query(`drop schema if exists "${schema}" cascade`);
        await client.end();
      }
    });
  },
);
