import { UserError } from '../../domain/errors.js';
import { isUniqueViolation, toInt, type RepoContext } from './context.js';

export const PERSON_ROLES = ['subject', 'witness', 'other'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
export const PERSON_STATUSES = ['serving', 'former', 'special', 'staff'] as const;
export type PersonStatus = (typeof PERSON_STATUSES)[number];

export interface Employment {
  readonly force: string;
  readonly from: string | null;
  readonly to: string | null;
}

export interface PersonRecord {
  readonly id: number;
  readonly caseId: number;
  readonly name: string;
  readonly role: PersonRole;
  readonly force: string | null;
  readonly rank: string | null;
  readonly warrantNumber: string | null;
  readonly status: PersonStatus | null;
  readonly barredListApplies: boolean | null;
  readonly employment: readonly Employment[];
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface IdentityDecision {
  readonly id: number;
  readonly caseId: number;
  readonly participantId: number;
  readonly personId: number;
  readonly decision: 'confirmed' | 'rejected';
  readonly evidence: unknown;
  readonly at: string;
  readonly by: string;
}

export type NewPerson = Omit<PersonRecord, 'id' | 'createdAt'>;

export class PeopleRepository {
  constructor(private readonly ctx: RepoContext) {}

  async create(p: NewPerson): Promise<PersonRecord> {
    try {
      const row = await this.ctx.db
        .insertInto('persons')
        .values({
          case_id: p.caseId,
          name: p.name,
          role: p.role,
          force: p.force,
          rank: p.rank,
          warrant_number: p.warrantNumber,
          status: p.status,
          barred_list_applies: p.barredListApplies === null ? null : p.barredListApplies ? 1 : 0,
          created_at: this.ctx.now(),
          created_by: p.createdBy,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const id = toInt(row.id);
      for (const e of p.employment) {
        await this.ctx.db
          .insertInto('employment')
          .values({ person_id: id, force: e.force, from_date: e.from, to_date: e.to })
          .execute();
      }
      return (await this.get(id))!;
    } catch (err) {
      if (isUniqueViolation(err))
        throw new UserError(`the case already has a person named "${p.name}"`, { code: 'duplicate_person' });
      throw err;
    }
  }

  async get(id: number): Promise<PersonRecord | null> {
    const row = await this.ctx.db.selectFrom('persons').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const jobs = await this.ctx.db
      .selectFrom('employment')
      .selectAll()
      .where('person_id', '=', id)
      .orderBy('id')
      .execute();
    return {
      id: toInt(row.id),
      caseId: toInt(row.case_id),
      name: row.name,
      role: row.role as PersonRole,
      force: row.force,
      rank: row.rank,
      warrantNumber: row.warrant_number,
      status: row.status as PersonStatus | null,
      barredListApplies: row.barred_list_applies === null ? null : toInt(row.barred_list_applies) === 1,
      employment: jobs.map((j) => ({ force: j.force, from: j.from_date, to: j.to_date })),
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  async list(caseId: number): Promise<PersonRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('persons')
      .select('id')
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    const out: PersonRecord[] = [];
    for (const r of rows) out.push((await this.get(toInt(r.id)))!);
    return out;
  }

  async decide(d: Omit<IdentityDecision, 'id' | 'at'>): Promise<IdentityDecision> {
    const row = await this.ctx.db
      .insertInto('identity_decisions')
      .values({
        case_id: d.caseId,
        participant_id: d.participantId,
        person_id: d.personId,
        decision: d.decision,
        evidence_json: d.evidence === undefined ? null : JSON.stringify(d.evidence),
        at: this.ctx.now(),
        by: d.by,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return decision(row);
  }

  /** Every decision in order; the latest decision on a (participant, person) pair is the one in force. */
  async decisions(caseId: number): Promise<IdentityDecision[]> {
    const rows = await this.ctx.db
      .selectFrom('identity_decisions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map(decision);
  }
}

function decision(r: {
  id: number;
  case_id: number;
  participant_id: number;
  person_id: number;
  decision: string;
  evidence_json: string | null;
  at: string;
  by: string;
}): IdentityDecision {
  return {
    id: toInt(r.id),
    caseId: toInt(r.case_id),
    participantId: toInt(r.participant_id),
    personId: toInt(r.person_id),
    decision: r.decision as IdentityDecision['decision'],
    evidence: r.evidence_json === null ? null : (JSON.parse(r.evidence_json) as unknown),
    at: r.at,
    by: r.by,
  };
}
