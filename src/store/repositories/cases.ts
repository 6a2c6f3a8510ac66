import { UserError } from '../../domain/errors.js';
import type { CaseRecord, CaseSummary } from '../types.js';
import { isUniqueViolation, toInt, type RepoContext } from './context.js';

interface CaseRow {
  id: number;
  name: string;
  created_at: string;
  created_by: string;
}

const toCase = (r: CaseRow): CaseRecord => ({
  id: toInt(r.id),
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export class CasesRepository {
  constructor(private readonly ctx: RepoContext) {}

  /** Creates a case; a name already in use is a UserError. */
  async create(input: { name: string; createdBy: string; createdAt?: string }): Promise<CaseRecord> {
    const name = input.name.trim();
    if (name === '') throw new UserError('A case needs a name.', { code: 'bad_case_name' });
    const duplicate = () =>
      new UserError(`A case named "${name}" already exists.`, { code: 'duplicate_case' });
    if (await this.findByName(name)) throw duplicate();
    try {
      const row = await this.ctx.db
        .insertInto('cases')
        .values({ name, created_at: input.createdAt ?? this.ctx.now(), created_by: input.createdBy })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toCase(row);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  async get(id: number): Promise<CaseRecord | null> {
    const row = await this.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCase(row) : null;
  }

  async findByName(name: string): Promise<CaseRecord | null> {
    const row = await this.ctx.db.selectFrom('cases').selectAll().where('name', '=', name).executeTakeFirst();
    return row ? toCase(row) : null;
  }

  /** A name wins over an id: a case named "12" is found by "12" even if case 12 exists. */
  async findByNameOrId(nameOrId: string | number): Promise<CaseRecord | null> {
    if (typeof nameOrId === 'number') return this.get(nameOrId);
    const byName = await this.findByName(nameOrId);
    if (byName) return byName;
    return /^\d{1,9}$/u.test(nameOrId) ? this.get(Number(nameOrId)) : null;
  }

  /** All cases, oldest first, with their exhibit and message counts. */
  async list(): Promise<CaseSummary[]> {
    const rows = await this.ctx.db
      .selectFrom('cases as c')
      .selectAll('c')
      .select((eb) => [
        eb
          .selectFrom('exhibits as e')
          .whereRef('e.case_id', '=', 'c.id')
          .select(eb.fn.countAll().as('n'))
          .as('exhibits'),
        eb
          .selectFrom('messages as m')
          .whereRef('m.case_id', '=', 'c.id')
          .select(eb.fn.countAll().as('n'))
          .as('messages'),
      ])
      .orderBy('c.id')
      .execute();
    return rows.map((r) => ({ ...toCase(r), exhibits: toInt(r.exhibits), messages: toInt(r.messages) }));
  }
}
