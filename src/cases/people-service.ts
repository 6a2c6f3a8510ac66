/**
 * The case's people: adding and changing a person, each with its audit entry in one transaction
 * (`person.add`, `person.update`). The CLI (`person add`, `person update`), the record route's
 * `person` action and the demo all call this, and `presentPerson` is the one published shape of a
 * person (the API's record, every `--json`).
 */
import { UserError } from '../domain/errors.js';
import type { Repos, Store } from '../store/open-store.js';
import type { PersonRole, PersonStatus, RecordPerson } from '../contract/record.js';
import type { Employment, PersonChanges, PersonRecord } from '../store/repositories/people.js';
import { todayInEngland } from './periods.js';
import { checkPartialDate } from './rules.js';
import { certainlyBefore, firstDay } from '../domain/partial-date.js';

/** A person as the API and `--json` publish them. */
export function presentPerson(p: PersonRecord): RecordPerson {
  return {
    id: p.id,
    name: p.name,
    role: p.role,
    force: p.force,
    rank: p.rank,
    warrantNumber: p.warrantNumber,
    status: p.status,
    barredListApplies: p.barredListApplies,
    statusHistory: p.statusHistory.map((h) => ({ status: h.status, from: h.from, note: h.note })),
    employment: p.employment.map((e) => ({ force: e.force, from: e.from, to: e.to })),
  };
}

export interface NewPersonInput {
  readonly name: string;
  readonly role: PersonRole;
  readonly force?: string | null;
  readonly rank?: string | null;
  readonly warrantNumber?: string | null;
  readonly status?: PersonStatus | null;
  readonly barredListApplies?: boolean | null;
  readonly employment?: readonly Employment[];
}

/** The person `ref` (an id or a name, any case) among `people`, or a one-line refusal. */
export function findPerson<P extends { id: number; name: string }>(people: readonly P[], ref: string): P {
  const found =
    people.find((p) => String(p.id) === ref.trim()) ??
    people.find((p) => p.name.toLowerCase() === ref.trim().toLowerCase());
  if (!found) throw new UserError(`no person "${ref}" in this case (see \`scrutineer person list CASE\`)`);
  return found;
}

export class PeopleService {
  constructor(
    private readonly store: Store,
    readonly caseId: number,
    private readonly actor: string,
    /** The clock: a status change cannot take effect after today. */
    private readonly now: () => Date,
  ) {}

  async list(): Promise<RecordPerson[]> {
    return (await this.store.people.list(this.caseId)).map(presentPerson);
  }

  /** Adds a person and its audit entry, together or not at all. */
  async add(input: NewPersonInput): Promise<RecordPerson> {
    return this.store.transaction(async (repos: Repos) => {
      const p = await repos.people.create({
        caseId: this.caseId,
        name: input.name.trim(),
        role: input.role,
        force: input.force ?? null,
        rank: input.rank ?? null,
        warrantNumber: input.warrantNumber ?? null,
        status: input.status ?? null,
        barredListApplies: input.barredListApplies ?? null,
        employment: input.employment ?? [],
        createdBy: this.actor,
      });
      const person = presentPerson(p);
      await repos.audit.append({
        actor: this.actor,
        action: 'person.add',
        caseId: this.caseId,
        subject: `person ${p.id}`,
        detail: person,
      });
      return person;
    });
  }

  /**
   * Changes a person's settings; a status change is kept with the date it took effect (serving ->
   * former on D), in date order, never after today (issue 15 defect 6).
   */
  async update(ref: string, changes: PersonChanges): Promise<RecordPerson> {
    if (changes.status) {
      // A month or a year where only that is known ("resigned in 2022"), as for the record's events.
      checkPartialDate(changes.status.from, '--from');
      const today = todayInEngland(this.now());
      if (firstDay(changes.status.from) > today)
        throw new UserError(
          `--from ${changes.status.from} is after today (${today}): record a change when it has happened`,
          { code: 'future_date' },
        );
    }
    return this.store.transaction(async (repos: Repos) => {
      const p = findPerson(await repos.people.list(this.caseId), ref);
      const last = p.statusHistory.at(-1)?.from ?? null;
      if (changes.status && last !== null && certainlyBefore(changes.status.from, last))
        throw new UserError(
          `--from ${changes.status.from} is before the last recorded change of status (${last}): changes are kept in date order`,
          { code: 'dates_out_of_order' },
        );
      const after = await repos.people.update(p.id, changes, this.actor);
      await repos.audit.append({
        actor: this.actor,
        action: 'person.update',
        caseId: this.caseId,
        subject: `person ${p.id}`,
        detail: {
          changes,
          before: { status: p.status, force: p.force, barredListApplies: p.barredListApplies },
        },
      });
      return presentPerson(after);
    });
  }
}
