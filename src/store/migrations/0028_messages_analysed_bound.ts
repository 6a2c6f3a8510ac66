/**
 * The case record, issue 15: the messages-analysed override can be a lower bound. A published
 * account says "more than 6,000 messages" where the exact number across all the evidence is not
 * known; the flag says the number is a lower bound, so the summary prints "more than".
 */
import type { Kysely, Migration } from 'kysely';

export function messagesAnalysedBoundMigration(): Migration {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on today's types
  async function up(db: Kysely<any>): Promise<void> {
    await db.schema
      .alterTable('record_cases')
      .addColumn('messages_analysed_more_than', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async function down(db: Kysely<any>): Promise<void> {
    await db.schema.alterTable('record_cases').dropColumn('messages_analysed_more_than').execute();
  }

  return { up, down };
}
