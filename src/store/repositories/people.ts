import { UserError } from '../../domain/errors.js';
import { isUniqueViolation, toInt, type RepoContext } from './context.js';
import type { PersonRole, PersonStatus } from '../../contract/record.js';

export interface Employment {
  readonly force: string;
  readonly from: string | null;
  readonly to: string | null;
}

/** The person's status from a date (null: from when they were added). Migration 0013. */
export interface StatusChange {
  readonly status: PersonStatus;
  readonly from: string | null;
  readonly note: string | null;
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
  /** Oldest first; empty when the status never changed. */
  readonly statusHistory: readonly StatusChange[];
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

export type NewPerson = Omit<PersonRecord, 'id' | 'createdAt' | 'statusHistory'>;

/** What `person update` can change. */
export interface PersonChanges {
  readonly force?: string | null;
  readonly rank?: string | null;
  readonly warrantNumber?: string | null;
  readonly barredListApplies?: boolean | null;
  /** A new status from a date (the history keeps the old one before it). */
  readonly status?: { readonly status: PersonStatus; readonly from: string; readonly note: string | null };
}

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
    const history = await this.ctx.db
      .selectFrom('person_status_history')
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
      statusHistory: history
        .map((h) => ({ status: h.status as PersonStatus, from: h.from_date, note: h.note }))
        .sort((a, b) => ((a.from ?? '') < (b.from ?? '') ? -1 : (a.from ?? '') > (b.from ?? '') ? 1 : 0)),
      createdAt: row.created_at,
      createdBy: row.created_by,
    };
  }

  /** Changes a person's settings; a status change is kept with its date (the old status before it). */
  async update(id: number, changes: PersonChanges, by: string): Promise<PersonRecord> {
    const before = (await this.get(id))!;
    const set: Record<string, string | number | null> = {};
    if (changes.force !== undefined) set.force = changes.force;
    if (changes.rank !== undefined) set.rank = changes.rank;
    if (changes.warrantNumber !== undefined) set.warrant_number = changes.warrantNumber;
    if (changes.barredListApplies !== undefined)
      set.barred_list_applies = changes.barredListApplies === null ? null : changes.barredListApplies ? 1 : 0;
    const s = changes.status;
    if (s) {
      set.status = s.status;
      const add = (status: string, from: string | null, note: string | null) =>
        this.ctx.db
          .insertInto('person_status_history')
          .values({
            person_id: id,
            status,
            from_date: from,
            note,
            recorded_at: this.ctx.now(),
            recorded_by: by,
          })
          .execute();
      // The status before the first change holds from when the person was added.
      if (before.statusHistory.length === 0 && before.status !== null) await add(before.status, null, null);
      await add(s.status, s.from, s.note);
    }
    if (Object.keys(set).length)
      await this.ctx.db.updateTable('persons').set(set).where('id', '=', id).execute();
    return (await this.get(id))!;
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
