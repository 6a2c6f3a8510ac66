/**
 * The case record's SQL (tables of migration 0007_record). Rows come back as the camelCase records of
 * src/contract/record.ts: `*_json` columns parsed (key without `_json`), 0/1 flags as booleans, ids as
 * numbers; writes take the same camelCase fields (`toRow`), so column names stay here. Rules, the
 * clock of "today" and audit entries are the service's business (src/cases/record-writer.ts); this
 * repository only reads and writes, in the caller's transaction.
 */
import type { Insertable, Kysely } from 'kysely';

import type { CaseDetails, SubjectSettings } from '../../contract/record.js';
import { isUniqueViolation, toInt, type RepoContext } from './context.js';
import type { RecordRowTable, RecordTables } from './record-tables.js';
import { UserError } from '../../domain/errors.js';

const FLAGS = new Set(['publishable', 'public', 'name_public', 'final', 'messages_analysed_more_than']);
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
const snake = (k: string): string => k.replace(/[A-Z]/gu, (c) => `_${c.toLowerCase()}`);

/** Fields kept as JSON text (`<field>_json` columns). */
const JSON_FIELDS = new Set([
  'forces',
  'team',
  'standards',
  'messageIds',
  'exhibits',
  'panel',
  'recipients',
  'extensions',
]);

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

/** A domain record's fields as the row's columns: the inverse of `fromRow`. */
function toRow(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) continue;
    if (JSON_FIELDS.has(k)) out[`${snake(k)}_json`] = JSON.stringify(v);
    else if (FLAGS.has(snake(k))) out[snake(k)] = v ? 1 : 0;
    else out[snake(k)] = v;
  }
  return out;
}

// The domain's names for a table's columns, derived from the table type so that a misspelt field
// is a compile error at the service: snake_case -> camelCase, `x_json` -> `x` (any JSON value),
// 0/1 flags -> booleans.
type Camel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;
type FieldName<K> = K extends `${infer B}_json` ? Camel<B> : K extends string ? Camel<K> : never;
type FlagColumn = 'publishable' | 'public' | 'name_public' | 'final' | 'messages_analysed_more_than';
type FieldValue<K, V> = K extends `${string}_json` ? unknown : K extends FlagColumn ? boolean : V;
type Fields<Row> = { [K in keyof Row as FieldName<K>]: FieldValue<K, Row[K]> };

/** A new row of `T` as the service gives it (id, created_at and case_id set here). */
export type NewRecordRow<T extends RecordRowTable> = Omit<
  Fields<Insertable<RecordTables[T]>>,
  'id' | 'createdAt' | 'caseId' | 'createdBy'
>;
/** Changes to a row of `T`, in the domain's names. */
export type RecordRowChanges<T extends RecordRowTable> = Partial<NewRecordRow<T>>;
/** The case's details as the service saves them (who and when are set here). */
export type CaseDetailsValues = Omit<CaseDetails, 'caseId' | 'updatedAt' | 'updatedBy'>;

export class RecordRepository {
  constructor(private readonly ctx: RepoContext) {}

  // Generic helpers over the record's tables: the table name is one of RecordTables' keys, so the
  // values are type-checked at the call; Kysely's builder itself cannot follow a generic table name.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private get db(): Kysely<any> {
    return this.ctx.db as unknown as Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  /** Inserts a row of the case, recorded by `by` (created_at set here), and returns its id. */
  async add<T extends RecordRowTable>(
    table: T,
    caseId: number,
    by: string,
    values: NewRecordRow<T>,
  ): Promise<number> {
    try {
      const row = (await this.db
        .insertInto(table)
        .values({
          ...toRow(values as Record<string, unknown>),
          case_id: caseId,
          created_by: by,
          created_at: this.ctx.now(),
        })
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

  async update<T extends RecordRowTable>(table: T, id: number, values: RecordRowChanges<T>): Promise<void> {
    await this.db
      .updateTable(table as string)
      .set(toRow(values as Record<string, unknown>))
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

  /** Saves the case's details (insert or replace), as changed by `by` now. */
  async saveDetails(caseId: number, by: string, details: CaseDetailsValues): Promise<void> {
    const values = {
      ...(toRow(details as unknown as Record<string, unknown>) as Omit<
        Values<'record_cases'>,
        'case_id' | 'updated_at' | 'updated_by'
      >),
      updated_at: this.ctx.now(),
      updated_by: by,
    };
    if (await this.details(caseId))
      await this.ctx.db.updateTable('record_cases').set(values).where('case_id', '=', caseId).execute();
    else
      await this.ctx.db
        .insertInto('record_cases')
        .values({ ...values, case_id: caseId })
        .execute();
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

  /** Saves a subject's settings (insert or replace), as changed by `by` now. */
  async saveSubject(settings: SubjectSettings, by: string): Promise<void> {
    const values = {
      case_id: settings.caseId,
      name_public: settings.namePublic ? (1 as const) : (0 as const),
      label: settings.label,
      updated_at: this.ctx.now(),
      updated_by: by,
    };
    const found = await this.ctx.db
      .selectFrom('record_subjects')
      .select('person_id')
      .where('person_id', '=', settings.personId)
      .executeTakeFirst();
    if (found)
      await this.ctx.db
        .updateTable('record_subjects')
        .set(values)
        .where('person_id', '=', settings.personId)
        .execute();
    else
      await this.ctx.db
        .insertInto('record_subjects')
        .values({ ...values, person_id: settings.personId })
        .execute();
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
