/**
 * Text read from images (issue 17): derived text of a stored media file, never a change to the
 * message that carries it. Each row says what read it (engine, version, language, which image pass)
 * and how sure it was, and keeps the SHA-256 of the bytes it read, so the text can be tied to the
 * original in the evidence store. A file is read once per engine version and language; a newer
 * engine adds a row beside the old one.
 *
 * `media_text_flags` are the flagger's results on that text: a flag of its own, on its own input,
 * in the same analysis run as the message flags, pointing at the message the image came with.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

import type { Dialect } from '../database.js';
import { PG_PUNCTUATION } from './0001_initial.js';

export function mediaTextMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('media_texts')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('exhibit_file_id', 'integer', (c) => c.notNull().references('exhibit_files.id'))
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('engine', 'text', (c) => c.notNull())
      .addColumn('engine_version', 'text', (c) => c.notNull())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('pass', 'text', (c) => c.notNull())
      .addColumn('confidence', 'real', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('words_json', 'text', (c) => c.notNull())
      .addColumn('error', 'text')
      .addColumn('ms', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('media_texts_file_engine_unique', [
        'exhibit_file_id',
        'engine',
        'engine_version',
        'language',
      ])
      .execute();
    await db.schema.createIndex('media_texts_case').on('media_texts').columns(['case_id', 'id']).execute();

    await db.schema
      .createTable('media_text_flags')
      .addColumn('id', 'integer', id)
      .addColumn('run_id', 'integer', (c) => c.notNull().references('analysis_runs.id'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('media_text_id', 'integer', (c) => c.notNull().references('media_texts.id'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id'))
      .addColumn('score', 'real', (c) => c.notNull())
      .addColumn('flagged', 'integer', (c) => c.notNull())
      .addColumn('categories_json', 'text', (c) => c.notNull())
      .addColumn('spans_json', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('media_text_flags_run')
      .on('media_text_flags')
      .columns(['run_id', 'score'])
      .execute();
    await db.schema
      .createIndex('media_text_flags_message')
      .on('media_text_flags')
      .column('message_id')
      .execute();

    // The messages search ORs "its image's text matches" with its own text (messages.ts): an index
    // on the link lets both engines answer that from the matching files instead of every message.
    // Partial (most messages carry no file), so bulk imports barely pay for it; `IN (…)` implies
    // `IS NOT NULL` to both planners, so they use it.
    await db.schema
      .createIndex('messages_media_file')
      .on('messages')
      .column('media_file_id')
      .where(sql.ref('media_file_id'), 'is not', null)
      .execute();

    if (dialect === 'sqlite') {
      // As messages_fts (0001): external content, the same tokenizer, rows added by the repository.
      await sql`create virtual table media_texts_fts using fts5(
        search_text,
        content = 'media_texts',
        content_rowid = 'id',
        columnsize = 0,
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
      )`.execute(db);
    } else {
      await sql`alter table media_texts add column search_tsv tsvector generated always as (
        to_tsvector('simple'::regconfig, translate(search_text, ${sql.lit(PG_PUNCTUATION)}, ${sql.lit(
          ' '.repeat(PG_PUNCTUATION.length),
        )}))
      ) stored`.execute(db);
      await sql`create index media_texts_search_tsv on media_texts using gin (search_tsv)`.execute(db);
    }
  }
  return { up };
}
