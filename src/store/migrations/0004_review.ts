/**
 * The review workspace: users and their sessions, case membership, the current coding decision per
 * message (with a version for optimistic concurrency), who reviewed what, review batches and the
 * second-review (QC) queue. Every coding decision is also appended to the hash-chained audit log
 * (subject `message:<id>`), which is the decision history; `codes` holds only the latest.
 */
import type { ColumnDefinitionBuilder, Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function reviewMigration(dialect: Dialect): Migration {
  const id = (col: ColumnDefinitionBuilder): ColumnDefinitionBuilder =>
    dialect === 'sqlite' ? col.primaryKey().autoIncrement() : col.primaryKey().generatedByDefaultAsIdentity();

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .createTable('users')
      .addColumn('id', 'integer', id)
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    // The primary key is the SHA-256 (hex) of the session token: the token itself is never stored.
    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

    await db.schema
      .createTable('case_members')
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('added_at', 'text', (c) => c.notNull())
      .addColumn('added_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('case_members_pk', ['case_id', 'user_id'])
      .execute();
    await db.schema.createIndex('case_members_user').on('case_members').column('user_id').execute();

    await db.schema
      .createTable('codes')
      .addColumn('message_id', 'integer', (c) => c.primaryKey().references('messages.id'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('decision', 'text', (c) => c.notNull())
      .addColumn('categories_json', 'text', (c) => c.notNull())
      .addColumn('standards_json', 'text', (c) => c.notNull())
      .addColumn('potential_s127', 'integer', (c) => c.notNull())
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('by_user', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('codes_case_decision').on('codes').columns(['case_id', 'decision']).execute();

    await db.schema
      .createTable('reviews')
      .addColumn('message_id', 'integer', (c) => c.notNull().references('messages.id'))
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reviews_pk', ['message_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('reviews_case_message')
      .on('reviews')
      .columns(['case_id', 'message_id'])
      .execute();

    await db.schema
      .createTable('batches')
      .addColumn('id', 'integer', id)
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('spec_json', 'text', (c) => c.notNull())
      .addColumn('assignee_id', 'integer', (c) => c.references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('batches_case').on('batches').column('case_id').execute();

    await db.schema
      .createTable('qc_items')
      .addColumn('id', 'integer', id)
      .addColumn('message_id', 'integer', (c) => c.notNull().unique().references('messages.id'))
      .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
      .addColumn('first_user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('first_version', 'integer', (c) => c.notNull())
      .addColumn('second_user_id', 'integer', (c) => c.references('users.id'))
      .addColumn('second_decision', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('resolved_by', 'integer', (c) => c.references('users.id'))
      .addColumn('resolution', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('qc_items_case_status')
      .on('qc_items')
      .columns(['case_id', 'status'])
      .execute();

    // A message's decision history is read from the audit log by subject.
    await db.schema.createIndex('audit_log_subject').on('audit_log').columns(['subject', 'id']).execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('audit_log_subject').execute();
    for (const t of ['qc_items', 'batches', 'reviews', 'codes', 'case_members', 'sessions', 'users']) {
      await db.schema.dropTable(t).execute();
    }
  }

  return { up, down };
}
