/**
 * The first schema. Written with Kysely's schema builder so one definition serves both dialects;
 * the few dialect-specific parts (id columns, full-text search, append-only triggers) branch on
 * `dialect` and are constant DDL with no user data in them.
 */
import { sql, type ColumnDefinitionBuilder, type Kysely, type Migration } from 'kysely';

import type { Dialect } from '../database.js';

/**
 * The punctuation PostgreSQL's parser joins words with, mapped to spaces before it sees the search
 * text, so that it splits `bob@example.com`, `img-2021.jpg`, `<media omitted>`, `&amp;` and `1.2.3`
 * into plain words the way FTS5 unicode61 does, instead of keeping them as e-mail, file, tag,
 * entity or version tokens (or dropping tags). Every other ASCII symbol already separates words in
 * the 'simple' parser; the list is kept short because translate() costs time per listed character.
 */
export const PG_PUNCTUATION = '@./:-+~<>&';

export function initialMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('cases')
      .addColumn('id', 'integer', id)
      .addColumn('name', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('exhibits')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('ref', 'text', (c) => c.notNull())
      .addColumn('original_name', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('stored_path', 'text', (c) => c.notNull())
      .addColumn('format', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('seized_from', 'text')
      .addColumn('officer', 'text')
      .addColumn('timezone', 'text')
      .addColumn('date_order', 'text')
      .addColumn('parser', 'text')
      .addColumn('parser_version', 'text')
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('exhibits_case_sha256_unique', ['case_id', 'sha256'])
      .addUniqueConstraint('exhibits_case_ref_unique', ['case_id', 'ref'])
      .execute();

    await db.schema
      .createTable('exhibit_files')
      .addColumn('id', 'integer', id)
      .addColumn('exhibit_id', 'integer', (c) => c.notNull().references('exhibits.id'))
      .addColumn('path_in_archive', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('stored_path', 'text')
      .addColumn('role', 'text', (c) => c.notNull())
      .addUniqueConstraint('exhibit_files_path_unique', ['exhibit_id', 'path_in_archive'])
      .execute();

    await db.schema
      .createTable('continuity')
      .addColumn('id', 'integer', id)
      .addColumn('exhibit_id', 'integer', (c) => c.notNull().references('exhibits.id'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('detail', 'text')
      .execute();
    await db.schema
      .createIndex('continuity_exhibit')
      .on('continuity')
      .columns(['exhibit_id', 'id'])
      .execute();

    await db.schema
      .createTable('conversations')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('exhibit_id', 'integer', (c) => c.references('exhibits.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('conversations_case').on('conversations').column('case_id').execute();

    await db.schema
      .createTable('participants')
      .addColumn('id', 'integer', id)
      .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id'))
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addUniqueConstraint('participants_conversation_name_unique', ['conversation_id', 'display_name'])
      .execute();

    await db.schema
      .createTable('messages')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id'))
      .addColumn('exhibit_id', 'integer', (c) => c.notNull().references('exhibits.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('sender', 'text')
      .addColumn('participant_id', 'integer', (c) => c.references('participants.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('search_text', 'text', (c) => c.notNull())
      .addColumn('local_text', 'text', (c) => c.notNull())
      .addColumn('zone', 'text', (c) => c.notNull())
      .addColumn('utc', 'text', (c) => c.notNull())
      .addColumn('time_resolution', 'text', (c) => c.notNull())
      .addColumn('edited', 'integer', (c) => c.notNull())
      .addColumn('media_file_name', 'text')
      .addColumn('media_omitted', 'integer')
      .addColumn('media_caption', 'text')
      .addColumn('media_file_id', 'integer', (c) => c.references('exhibit_files.id'))
      .addColumn('poll_json', 'text')
      .addColumn('location_url', 'text')
      .addColumn('location_live', 'integer')
      .addColumn('line_start', 'integer')
      .addColumn('line_end', 'integer')
      .addColumn('byte_start', 'bigint')
      .addColumn('byte_end', 'bigint')
      .addColumn('source_table', 'text')
      .addColumn('source_row_id', 'bigint')
      .addColumn('source_model_id', 'text')
      .execute();
    // The timeline order (utc, then id) and the keyset for paging through it. SQLite index entries
    // already end with the rowid (= id), so naming id again would only make the index bigger.
    await db.schema
      .createIndex('messages_case_utc')
      .on('messages')
      .columns(dialect === 'sqlite' ? ['case_id', 'utc'] : ['case_id', 'utc', 'id'])
      .execute();
    await db.schema
      .createIndex('messages_conversation_seq')
      .on('messages')
      .columns(['conversation_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('messages_case_sender')
      .on('messages')
      .columns(['case_id', 'sender'])
      .execute();

    await db.schema
      .createTable('membership_events')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('conversation_id', 'integer', (c) => c.notNull().references('conversations.id'))
      .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('targets_json', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addColumn('previous_value', 'text')
      .addColumn('utc', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('membership_events_conversation')
      .on('membership_events')
      .columns(['conversation_id', 'utc'])
      .execute();
    await db.schema
      .createIndex('membership_events_message')
      .on('membership_events')
      .column('message_id')
      .execute();

    await db.schema
      .createTable('import_reports')
      .addColumn('id', 'integer', id)
      .addColumn('exhibit_id', 'integer', (c) => c.notNull().unique().references('exhibits.id'))
      .addColumn('report_json', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('case_id', 'integer')
      .addColumn('subject', 'text')
      .addColumn('detail_json', 'text', (c) => c.notNull())
      // Unique: two entries can never claim the same predecessor, so the chain cannot fork.
      .addColumn('prev_hash', 'text', (c) => c.notNull().unique())
      .addColumn('hash', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('audit_log_case').on('audit_log').columns(['case_id', 'id']).execute();

    if (dialect === 'sqlite') {
      // External-content FTS5 index: the text lives once, in messages.search_text. Messages are
      // immutable, so the repository inserts index rows itself and no triggers are needed.
      // remove_diacritics 0 and marks as token characters match PostgreSQL's 'simple' config;
      // columnsize = 0 skips the per-row size table (only bm25 ranking would use it).
      await sql`create virtual table messages_fts using fts5(
        search_text,
        content = 'messages',
        content_rowid = 'id',
        columnsize = 0,
        tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
      )`.execute(db);
      for (const table of ['audit_log', 'continuity']) {
        for (const op of ['update', 'delete']) {
          await sql`create trigger ${sql.id(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.id(table)}
            begin select raise(abort, ${sql.lit(`${table} is append-only`)}); end`.execute(db);
        }
      }
    } else {
      await sql`alter table messages add column search_tsv tsvector generated always as (
        to_tsvector('simple'::regconfig, translate(search_text, ${sql.lit(PG_PUNCTUATION)}, ${sql.lit(
          ' '.repeat(PG_PUNCTUATION.length),
        )}))
      ) stored`.execute(db);
      await sql`create index messages_search_tsv on messages using gin (search_tsv)`.execute(db);
      await sql`create function scrutineer_append_only() returns trigger language plpgsql as $$
        begin raise exception '% is append-only', tg_table_name; end $$`.execute(db);
      for (const table of ['audit_log', 'continuity']) {
        await sql`create trigger ${sql.id(`${table}_append_only`)}
          before update or delete or truncate on ${sql.id(table)}
          for each statement execute function scrutineer_append_only()`.execute(db);
      }
    }
  }

  return { up };
}
