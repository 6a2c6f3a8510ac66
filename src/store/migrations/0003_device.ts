/**
 * What device databases add: message key ids and sender JIDs (for reply links and merging the same
 * group from several phones), the rest of the device detail as JSON beside the message, participant
 * identities, and each conversation's own key in its source.
 */
import type { Kysely, Migration } from 'kysely';

import type { Dialect } from '../database.js';

export function deviceMigration(_dialect: Dialect): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('messages').addColumn('key_id', 'text').execute();
    await db.schema.alterTable('messages').addColumn('sender_jid', 'text').execute();
    await db.schema.alterTable('messages').addColumn('extras_json', 'text').execute();
    await db.schema
      .createIndex('messages_conversation_key')
      .on('messages')
      .columns(['conversation_id', 'key_id'])
      .execute();
    for (const [column, type] of [
      ['jid', 'text'],
      ['phone', 'text'],
      ['push_name', 'text'],
      ['contact_name', 'text'],
      ['is_owner', 'integer'],
      ['is_admin', 'integer'],
      ['current_member', 'integer'],
    ] as const) {
      await db.schema.alterTable('participants').addColumn(column, type).execute();
    }
    await db.schema.alterTable('conversations').addColumn('source_key', 'text').execute();
    await db.schema.alterTable('conversations').addColumn('is_group', 'integer').execute();
    await db.schema.alterTable('conversations').addColumn('group_jid', 'text').execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.dropIndex('messages_conversation_key').execute();
    for (const c of ['key_id', 'sender_jid', 'extras_json'])
      await db.schema.alterTable('messages').dropColumn(c).execute();
    for (const c of ['jid', 'phone', 'push_name', 'contact_name', 'is_owner', 'is_admin', 'current_member']) {
      await db.schema.alterTable('participants').dropColumn(c).execute();
    }
    for (const c of ['source_key', 'is_group', 'group_jid'])
      await db.schema.alterTable('conversations').dropColumn(c).execute();
  }

  return { up, down };
}
