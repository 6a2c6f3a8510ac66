/**
 * The case record's SQL (tables of migration 0007_record). Rows come back as the camelCase records of
 * src/contract/record.ts: `*_json` columns parsed (key without `_json`), 0/1 flags as booleans, ids as
 * numbers. Rules and audit entries are the service's business (src/cases/record-service.ts); this
 * repository only reads and writes, in the caller's transaction.
 */
import type { Insertable, Kysely, Updateable } from 'kysely';

import type { CaseDetails, SubjectSettings } from '../../contract/record.js';
import { isUniqueViolation, toInt, type RepoContext } from './context.js';
import type { RecordRowTable, RecordTables } from './record-tables.js';
import { UserError } from '../../domain/errors.js';

const FLAGS = new Set(['publishable', 'public', 'name_public', 'final']);
const INTS = new Set([
  'id',
  'case_id',
  'person_id',
  'proceeding_id',
  'allegation_id',
  'number',
  'version',
  'messages_analysed',
]);

const camel = (k: string): string => k.replace(/_([a-z])/gu, (_, c: string) => c.toUpperCase());

/** A stored row as its domain record. */
export function fromRow<T>(row: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.endsWith('_json')) out[camel(k.slice(0, -5))] = v === null ? null : JSON.parse(String(v));
    else if (FLAGS.has(k)) out[camel(k)] = toInt(v) === 1;
    else if (INTS.has(k)) out[camel(k)] = v === null ? null : toInt(v);
    else out[camel(k)] = v;
  }
  return out as T;
}

type Values<T extends keyof RecordTables> = Insertable<RecordTables[T]>;

export class RecordRepository {
  constructor(private readonly ctx: RepoContext) {}

  // Generic helpers over the record's tables: the table name is one of RecordTables' keys, so the
  // values are type-checked at the call; Kysely's builder itself cannot follow a generic table name.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private get db(): Kysely<any> {
    return this.ctx.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  /** Inserts a row (created_at set here) and returns its id. */
  async add<T extends RecordRowTable>(
    table: T,
    values: Omit<Values<T>, 'created_at' | 'id'>,
  ): Promise<number> {
    try {
      const row = (await this.db
        .insertInto(table)
        .values({ ...values, created_at: this.ctx.now() })
        .returning('id')
        .executeTakeFirstOrThrow()) as { id: unknown };
      return toInt(row.id);
    } catch (err) {
      if (isUniqueViolation(err))
        throw new UserError(`that ${table.replace(/^record_/u, '').replace(/s$/u, '')} is already recorded`, {
          code: 'duplicate_record',
        });
      throw err;
    }
  }

  async update<T extends RecordRowTable>(
    table: T,
    id: number,
    values: Updateable<RecordTables[T]>,
  ): Promise<void> {
    await this.db
      .updateTable(table as string)
      .set(values as Record<string, unknown>)
      .where('id', '=', id)
      .execute();
  }

  /** Every row of a table for the case, in id order, as domain records. */
  async list<R>(table: RecordRowTable, caseId: number): Promise<R[]> {
    const rows = (await this.db
      .selectFrom(table)
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute()) as Record<string, unknown>[];
    return rows.map((r) => fromRow<R>(r));
  }

  async get<R>(table: RecordRowTable, caseId: number, id: number): Promise<R | null> {
    const row = (await this.db
      .selectFrom(table)
      .selectAll()
      .where('case_id', '=', caseId)
      .where('id', '=', id)
      .executeTakeFirst()) as Record<string, unknown> | undefined;
    return row ? fromRow<R>(row) : null;
  }

  async details(caseId: number): Promise<CaseDetails | null> {
    const row = await this.ctx.db
      .selectFrom('record_cases')
      .selectAll()
      .where('case_id', '=', caseId)
      .executeTakeFirst();
    return row ? fromRow<CaseDetails>(row as unknown as Record<string, unknown>) : null;
  }

  async saveDetails(values: Values<'record_cases'>): Promise<void> {
    const existing = await this.details(values.case_id);
    if (existing) {
      const { case_id: caseId, ...rest } = values;
      await this.ctx.db.updateTable('record_cases').set(rest).where('case_id', '=', caseId).execute();
    } else {
      await this.ctx.db.insertInto('record_cases').values(values).execute();
    }
  }

  async subjects(caseId: number): Promise<SubjectSettings[]> {
    const rows = await this.ctx.db
      .selectFrom('record_subjects')
      .select(['person_id', 'case_id', 'name_public', 'label'])
      .where('case_id', '=', caseId)
      .orderBy('person_id')
      .execute();
    return rows.map((r) => fromRow<SubjectSettings>(r as unknown as Record<string, unknown>));
  }

  async saveSubject(values: Values<'record_subjects'>): Promise<void> {
    const found = await this.ctx.db
      .selectFrom('record_subjects')
      .select('person_id')
      .where('person_id', '=', values.person_id)
      .executeTakeFirst();
    if (found) {
      const { person_id: personId, ...rest } = values;
      await this.ctx.db.updateTable('record_subjects').set(rest).where('person_id', '=', personId).execute();
    } else {
      await this.ctx.db.insertInto('record_subjects').values(values).execute();
    }
  }

  /** Who sent each of the case's messages among `ids` (a count must be the defendant's own message). */
  async messageSenders(
    caseId: number,
    ids: readonly number[],
  ): Promise<{ id: number; participantId: number | null; sender: string | null }[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db
      .selectFrom('messages')
      .select(['id', 'participant_id', 'sender'])
      .where('case_id', '=', caseId)
      .where('id', 'in', [...new Set(ids)])
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      participantId: r.participant_id === null ? null : toInt(r.participant_id),
      sender: r.sender,
    }));
  }

  /** The case's messages among `ids`, with their sending instants (to check ownership and date counts). */
  async messageTimes(caseId: number, ids: readonly number[]): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    if (ids.length === 0) return out;
    const unique = [...new Set(ids)];
    for (let i = 0; i < unique.length; i += 500) {
      const rows = await this.ctx.db
        .selectFrom('messages')
        .select(['id', 'utc'])
        .where('case_id', '=', caseId)
        .where('id', 'in', unique.slice(i, i + 500))
        .execute();
      for (const r of rows) out.set(toInt(r.id), r.utc);
    }
    return out;
  }
}
