import type { Selectable } from 'kysely';

import { UserError } from '../../domain/errors.js';
import type { ContinuityTable, ExhibitFilesTable, ExhibitsTable } from '../database.js';
import type {
  ContinuityRecord,
  ExhibitFileRecord,
  ExhibitFileRole,
  ExhibitFormat,
  ExhibitRecord,
  NewContinuityEntry,
  NewExhibit,
  NewExhibitFile,
} from '../types.js';
import { isUniqueViolation, toInt, type RepoContext } from './context.js';
import { exhibitRowDigest, type ExhibitRowDigest } from './row-digest.js';

const toExhibit = (r: Selectable<ExhibitsTable>): ExhibitRecord => ({
  id: toInt(r.id),
  caseId: toInt(r.case_id),
  ref: r.ref,
  originalName: r.original_name,
  size: toInt(r.size),
  sha256: r.sha256,
  storedPath: r.stored_path,
  format: r.format as ExhibitFormat,
  description: r.description,
  seizedFrom: r.seized_from,
  officer: r.officer,
  timezone: r.timezone,
  dateOrder: r.date_order,
  parser: r.parser,
  parserVersion: r.parser_version,
  addedAt: r.added_at,
  addedBy: r.added_by,
});

const toFile = (r: Selectable<ExhibitFilesTable>): ExhibitFileRecord => ({
  id: toInt(r.id),
  exhibitId: toInt(r.exhibit_id),
  pathInArchive: r.path_in_archive,
  size: toInt(r.size),
  sha256: r.sha256,
  storedPath: r.stored_path,
  role: r.role as ExhibitFileRole,
});

const toContinuity = (r: Selectable<ContinuityTable>): ContinuityRecord => ({
  id: toInt(r.id),
  exhibitId: toInt(r.exhibit_id),
  at: r.at,
  actor: r.actor,
  action: r.action,
  detail: r.detail,
});

export class ExhibitsRepository {
  constructor(private readonly ctx: RepoContext) {}

  /**
   * Records an exhibit. The same file (by SHA-256) or the same reference twice in one case is a
   * UserError naming the exhibit already there.
   */
  async create(input: NewExhibit): Promise<ExhibitRecord> {
    const sha256 = input.sha256.toLowerCase();
    if (!/^[0-9a-f]{64}$/u.test(sha256)) {
      throw new UserError(`Exhibit ${input.ref}: "${input.sha256}" is not a SHA-256 hash.`, {
        code: 'bad_hash',
      });
    }
    const check = async (): Promise<void> => {
      const same = await this.findBySha256(input.caseId, sha256);
      if (same) {
        throw new UserError(
          `${input.originalName} is already exhibit ${same.ref} in this case (same SHA-256 ${sha256}).`,
          { code: 'duplicate_exhibit' },
        );
      }
      const ref = await this.findByRef(input.caseId, input.ref);
      if (ref) {
        throw new UserError(
          `Exhibit reference ${input.ref} is already used in this case (${ref.originalName}).`,
          {
            code: 'duplicate_exhibit_ref',
          },
        );
      }
    };
    await check();
    try {
      const row = await this.ctx.db
        .insertInto('exhibits')
        .values({
          case_id: input.caseId,
          ref: input.ref,
          original_name: input.originalName,
          size: input.size,
          sha256,
          stored_path: input.storedPath,
          format: input.format,
          description: input.description ?? null,
          seized_from: input.seizedFrom ?? null,
          officer: input.officer ?? null,
          timezone: input.timezone ?? null,
          date_order: input.dateOrder ?? null,
          parser: input.parser ?? null,
          parser_version: input.parserVersion ?? null,
          added_at: input.addedAt ?? this.ctx.now(),
          added_by: input.addedBy,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toExhibit(row);
    } catch (error) {
      // A concurrent writer got there between the check and the insert.
      if (isUniqueViolation(error) && !this.ctx.db.isTransaction) await check();
      throw error;
    }
  }

  async get(id: number): Promise<ExhibitRecord | null> {
    const row = await this.ctx.db.selectFrom('exhibits').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toExhibit(row) : null;
  }

  async findBySha256(caseId: number, sha256: string): Promise<ExhibitRecord | null> {
    const row = await this.ctx.db
      .selectFrom('exhibits')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('sha256', '=', sha256.toLowerCase())
      .executeTakeFirst();
    return row ? toExhibit(row) : null;
  }

  async findByRef(caseId: number, ref: string): Promise<ExhibitRecord | null> {
    const row = await this.ctx.db
      .selectFrom('exhibits')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('ref', '=', ref)
      .executeTakeFirst();
    return row ? toExhibit(row) : null;
  }

  /** The case's exhibits in the order they were added. */
  async list(caseId: number): Promise<ExhibitRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('exhibits')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map(toExhibit);
  }

  /** Every exhibit in the workspace (for integrity verification), by id. */
  /** Digest of the rows an exhibit's import wrote (see row-digest.ts): recorded in its audit entry. */
  async rowDigest(exhibitId: number): Promise<ExhibitRowDigest> {
    return exhibitRowDigest(this.ctx.db, this.ctx.sqlite, exhibitId);
  }

  async listAll(): Promise<ExhibitRecord[]> {
    const rows = await this.ctx.db.selectFrom('exhibits').selectAll().orderBy('id').execute();
    return rows.map(toExhibit);
  }

  async addFile(file: NewExhibitFile): Promise<ExhibitFileRecord> {
    const [added] = await this.addFiles([file]);
    return added!;
  }

  /** Records the files inside an archive exhibit, returned in input order. */
  async addFiles(files: readonly NewExhibitFile[]): Promise<ExhibitFileRecord[]> {
    if (files.length === 0) return [];
    const out: ExhibitFileRecord[] = [];
    for (let i = 0; i < files.length; i += 500) {
      const rows = await this.ctx.db
        .insertInto('exhibit_files')
        .values(
          files.slice(i, i + 500).map((f) => ({
            exhibit_id: f.exhibitId,
            path_in_archive: f.pathInArchive,
            size: f.size,
            sha256: f.sha256.toLowerCase(),
            stored_path: f.storedPath,
            role: f.role,
          })),
        )
        .returningAll()
        .execute();
      out.push(...rows.map(toFile).sort((a, b) => a.id - b.id));
    }
    return out;
  }

  /** The stored attachment a message links to, if any. */
  async fileOfMessage(messageId: number): Promise<ExhibitFileRecord | null> {
    const row = await this.ctx.db
      .selectFrom('messages as m')
      .innerJoin('exhibit_files as f', 'f.id', 'm.media_file_id')
      .selectAll('f')
      .where('m.id', '=', messageId)
      .executeTakeFirst();
    return row ? toFile(row) : null;
  }

  async listFiles(exhibitId: number): Promise<ExhibitFileRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('exhibit_files')
      .selectAll()
      .where('exhibit_id', '=', exhibitId)
      .orderBy('id')
      .execute();
    return rows.map(toFile);
  }

  /** Appends to the exhibit's continuity record (append-only: the table refuses updates and deletes). */
  async addContinuity(entry: NewContinuityEntry): Promise<ContinuityRecord> {
    const row = await this.ctx.db
      .insertInto('continuity')
      .values({
        exhibit_id: entry.exhibitId,
        at: entry.at ?? this.ctx.now(),
        actor: entry.actor,
        action: entry.action,
        detail: entry.detail ?? null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toContinuity(row);
  }

  async listContinuity(exhibitId: number): Promise<ContinuityRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('continuity')
      .selectAll()
      .where('exhibit_id', '=', exhibitId)
      .orderBy('id')
      .execute();
    return rows.map(toContinuity);
  }
}
