/**
 * Text read from images (migration 0018) and the flagger's results on it. Rows are only ever
 * added: a new engine version reads the file again into a row of its own.
 */
import { sql, type RawBuilder, type Selectable } from 'kysely';

import type { FlagSpanRecord } from '../flag-types.js';
import type { MediaTextsTable } from '../media-tables.js';
import { parseSearchQuery, toFts5Match, toTsQuery, type SearchNode } from '../search-query.js';
import { toSearchText } from '../search-text.js';
import type { ExhibitFileRecord, ExhibitFileRole } from '../types.js';
import type { Db, Dialect } from '../database.js';
import { toInt, type RepoContext } from './context.js';

export interface NewMediaText {
  readonly caseId: number;
  readonly exhibitFileId: number;
  /** SHA-256 of the bytes that were read (checked against the exhibit file's record first). */
  readonly sha256: string;
  readonly engine: string;
  readonly engineVersion: string;
  readonly language: string;
  /** Which image pass gave the text: 'original', 'light-text mask', 'dark-text mask'. */
  readonly pass: string;
  /** Mean word confidence, 0 to 100. */
  readonly confidence: number;
  readonly text: string;
  readonly words: readonly { readonly text: string; readonly confidence: number }[];
  /** Why nothing could be read (the image did not decode); null when it was read. */
  readonly error: string | null;
  readonly ms: number;
  readonly createdBy: string;
}

export interface MediaTextRecord extends NewMediaText {
  readonly id: number;
  readonly createdAt: string;
}

export interface NewMediaTextFlag {
  readonly runId: number;
  readonly caseId: number;
  readonly mediaTextId: number;
  readonly messageId: number;
  readonly score: number;
  readonly flagged: boolean;
  readonly categories: readonly { readonly name: string; readonly score: number }[];
  readonly spans: readonly FlagSpanRecord[];
}

export interface MediaTextFlagRecord extends NewMediaTextFlag {
  readonly id: number;
  /** Always 'image_text': the flag is on the text read from the message's image. */
  readonly source: 'image_text';
}

/** A message and the text read from its image, as the flagger takes them. */
export interface MessageImageText {
  readonly messageId: number;
  readonly mediaTextId: number;
  readonly text: string;
}

const toRecord = (r: Selectable<MediaTextsTable>): MediaTextRecord => ({
  id: toInt(r.id),
  caseId: toInt(r.case_id),
  exhibitFileId: toInt(r.exhibit_file_id),
  sha256: r.sha256,
  engine: r.engine,
  engineVersion: r.engine_version,
  language: r.language,
  pass: r.pass,
  confidence: Number(r.confidence),
  text: r.text,
  words: JSON.parse(r.words_json) as MediaTextRecord['words'],
  error: r.error,
  ms: toInt(r.ms),
  createdAt: r.created_at,
  createdBy: r.created_by,
});

/**
 * The search predicate of messages (alias `m`) with issue 17's addition: a message matches when its
 * own text matches, or when the text read from its image does (same query, same tokenizer). One
 * expression for every search over messages (MessagesRepository, ReviewsRepository), bound values only.
 */
export function messageOrImageTextMatches(
  dialect: Dialect,
  caseId: number,
  node: SearchNode,
  sqlite: {
    /** Look each message up in the index (a page of a common term) instead of listing every hit first. */
    readonly probe?: boolean;
    /** `node` with its prefixes expanded to the messages index's own tokens (for that index only). */
    readonly expanded?: SearchNode;
  } = {},
): RawBuilder<boolean> {
  if (dialect === 'sqlite') {
    const match = toFts5Match(node);
    const own = toFts5Match(sqlite.expanded ?? node);
    const ownMatches = sqlite.probe
      ? sql`exists (select 1 from messages_fts where messages_fts.rowid = m.id and messages_fts match ${own})`
      : sql`m.id in (select rowid from messages_fts where messages_fts match ${own})`;
    return sql<boolean>`(${ownMatches}
      or m.media_file_id in (select mt.exhibit_file_id from media_texts mt where mt.case_id = ${caseId}
        and mt.id in (select rowid from media_texts_fts where media_texts_fts match ${match})))`;
  }
  const query = toTsQuery(node);
  return sql<boolean>`(m.search_tsv @@ to_tsquery('simple'::regconfig, ${query})
    or m.media_file_id in (select mt.exhibit_file_id from media_texts mt where mt.case_id = ${caseId}
      and mt.search_tsv @@ to_tsquery('simple'::regconfig, ${query})))`;
}

/** The case's exhibit files whose OCR text matches a parsed search (a subquery of file ids). */
function mediaFilesMatching(db: Db, dialect: Dialect, caseId: number, node: SearchNode) {
  const base = db
    .selectFrom('media_texts as mt')
    .select('mt.exhibit_file_id')
    .where('mt.case_id', '=', caseId);
  return dialect === 'sqlite'
    ? base.where('mt.id', 'in', (eb) =>
        eb
          .selectFrom('media_texts_fts')
          .select('media_texts_fts.rowid')
          .where(sql<boolean>`media_texts_fts match ${toFts5Match(node)}`),
      )
    : base.where(sql<boolean>`mt.search_tsv @@ to_tsquery('simple'::regconfig, ${toTsQuery(node)})`);
}

export class MediaTextsRepository {
  constructor(private readonly ctx: RepoContext) {}

  async insert(input: NewMediaText): Promise<MediaTextRecord> {
    const row = await this.ctx.db
      .insertInto('media_texts')
      .values({
        case_id: input.caseId,
        exhibit_file_id: input.exhibitFileId,
        sha256: input.sha256,
        engine: input.engine,
        engine_version: input.engineVersion,
        language: input.language,
        pass: input.pass,
        confidence: input.confidence,
        text: input.text,
        search_text: toSearchText(input.text),
        words_json: JSON.stringify(input.words),
        error: input.error,
        ms: Math.round(input.ms),
        created_at: this.ctx.now(),
        created_by: input.createdBy,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (this.ctx.dialect === 'sqlite') {
      await sql`insert into media_texts_fts (rowid, search_text) values (${row.id}, ${row.search_text})`.execute(
        this.ctx.db,
      );
    }
    return toRecord(row);
  }

  /**
   * The case's media files (role 'media') that this engine version has not read in this language,
   * in id order. Which of them are images is the caller's to decide (by their bytes).
   */
  async unread(
    caseId: number,
    engine: { engine: string; engineVersion: string; language: string },
  ): Promise<ExhibitFileRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('exhibit_files as f')
      .innerJoin('exhibits as e', 'e.id', 'f.exhibit_id')
      .selectAll('f')
      .where('e.case_id', '=', caseId)
      .where('f.role', '=', 'media')
      .where((eb) =>
        eb.not(
          eb.exists(
            eb
              .selectFrom('media_texts as mt')
              .select('mt.id')
              .whereRef('mt.exhibit_file_id', '=', 'f.id')
              .where('mt.engine', '=', engine.engine)
              .where('mt.engine_version', '=', engine.engineVersion)
              .where('mt.language', '=', engine.language),
          ),
        ),
      )
      .orderBy('f.id')
      .execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      exhibitId: toInt(r.exhibit_id),
      pathInArchive: r.path_in_archive,
      size: toInt(r.size),
      sha256: r.sha256,
      storedPath: r.stored_path,
      role: r.role as ExhibitFileRole,
    }));
  }

  /** The ids of the case's files that some message names (OCR tells a `.thumb` so named from a device thumbnail). */
  async namedFileIds(caseId: number): Promise<Set<number>> {
    const rows = await this.ctx.db
      .selectFrom('messages')
      .select('media_file_id')
      .distinct()
      .where('case_id', '=', caseId)
      .where('media_file_id', 'is not', null)
      .execute();
    return new Set(rows.map((r) => toInt(r.media_file_id!)));
  }

  async list(caseId: number): Promise<MediaTextRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('media_texts')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Every reading of one file, newest first. */
  async ofFile(exhibitFileId: number): Promise<MediaTextRecord[]> {
    const rows = await this.ctx.db
      .selectFrom('media_texts')
      .selectAll()
      .where('exhibit_file_id', '=', exhibitFileId)
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toRecord);
  }

  /** The newest reading of the file a message carries, or null. */
  async latestOfMessage(messageId: number): Promise<MediaTextRecord | null> {
    const row = await this.ctx.db
      .selectFrom('messages as m')
      .innerJoin('media_texts as mt', 'mt.exhibit_file_id', 'm.media_file_id')
      .selectAll('mt')
      .where('m.id', '=', messageId)
      .orderBy('mt.id', 'desc')
      .executeTakeFirst();
    return row ? toRecord(row) : null;
  }

  /**
   * The newest reading of each given message's image, by message id (messages without one are
   * absent): for reports and exports that print an image with its text and hash.
   */
  async latestOfMessages(messageIds: readonly number[]): Promise<Map<number, MediaTextRecord>> {
    const out = new Map<number, MediaTextRecord>();
    for (let i = 0; i < messageIds.length; i += 500) {
      const rows = await this.ctx.db
        .selectFrom('messages as m')
        .innerJoin('media_texts as mt', 'mt.exhibit_file_id', 'm.media_file_id')
        .selectAll('mt')
        .select('m.id as message_id')
        .where('m.id', 'in', messageIds.slice(i, i + 500))
        .orderBy('mt.id')
        .execute();
      // In id order, so the newest reading of a file is the one left in the map.
      for (const { message_id, ...r } of rows) out.set(toInt(message_id), toRecord(r));
    }
    return out;
  }

  /**
   * Each message of the case that carries a file with text read from it, with the newest reading
   * (a file sent in several messages gives one row per message). Readings with no text are left out.
   */
  async messageTexts(caseId: number): Promise<MessageImageText[]> {
    const rows = await this.ctx.db
      .selectFrom('messages as m')
      .innerJoin('media_texts as mt', 'mt.exhibit_file_id', 'm.media_file_id')
      .select(['m.id as message_id', 'mt.id as media_text_id', 'mt.text'])
      .where('m.case_id', '=', caseId)
      .where('mt.text', '<>', '')
      .where((eb) =>
        eb(
          'mt.id',
          '=',
          eb
            .selectFrom('media_texts as newer')
            .select((e) => e.fn.max('newer.id').as('id'))
            .whereRef('newer.exhibit_file_id', '=', 'mt.exhibit_file_id'),
        ),
      )
      .orderBy('m.id')
      .execute();
    return rows.map((r) => ({
      messageId: toInt(r.message_id),
      mediaTextId: toInt(r.media_text_id),
      text: r.text,
    }));
  }

  /** Ids of the case's messages whose image text matches `search` (the query language of messages). */
  async messagesMatching(caseId: number, search: string): Promise<number[]> {
    const node = parseSearchQuery(search);
    const rows = await this.ctx.db
      .selectFrom('messages as m')
      .select('m.id')
      .where('m.case_id', '=', caseId)
      .where('m.media_file_id', 'in', mediaFilesMatching(this.ctx.db, this.ctx.dialect, caseId, node))
      .orderBy('m.id')
      .execute();
    return rows.map((r) => toInt(r.id));
  }

  /**
   * Coverage of images (issue 17): messages that carry an image with text read from it, and how many
   * of them are reviewed. An image counts as reviewed when its message is (any review row).
   */
  async imageCoverage(caseId: number): Promise<{ messages: number; reviewed: number }> {
    const row = await this.ctx.db
      .selectFrom('messages as m')
      .select((eb) => [
        eb.fn.countAll().as('n'),
        eb.fn
          .count('m.id')
          .filterWhere((w) =>
            w.exists(
              w.selectFrom('reviews as r').select('r.message_id').whereRef('r.message_id', '=', 'm.id'),
            ),
          )
          .as('reviewed'),
      ])
      .where('m.case_id', '=', caseId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('media_texts as mt')
            .select('mt.id')
            .whereRef('mt.exhibit_file_id', '=', 'm.media_file_id'),
        ),
      )
      .executeTakeFirstOrThrow();
    return { messages: toInt(row.n), reviewed: toInt(row.reviewed) };
  }

  async insertFlags(flags: readonly NewMediaTextFlag[]): Promise<void> {
    for (let i = 0; i < flags.length; i += 500) {
      await this.ctx.db
        .insertInto('media_text_flags')
        .values(
          flags.slice(i, i + 500).map((f) => ({
            run_id: f.runId,
            case_id: f.caseId,
            media_text_id: f.mediaTextId,
            message_id: f.messageId,
            score: f.score,
            flagged: f.flagged ? 1 : 0,
            categories_json: JSON.stringify(f.categories),
            spans_json: JSON.stringify(f.spans),
          })),
        )
        .execute();
    }
  }

  /** A run's image-text flags, highest score first (`flaggedOnly` by default). */
  async flags(runId: number, flaggedOnly = true): Promise<MediaTextFlagRecord[]> {
    let q = this.ctx.db.selectFrom('media_text_flags').selectAll().where('run_id', '=', runId);
    if (flaggedOnly) q = q.where('flagged', '=', 1);
    const rows = await q.orderBy('score', 'desc').orderBy('id').execute();
    return rows.map((r) => ({
      id: toInt(r.id),
      source: 'image_text' as const,
      runId: toInt(r.run_id),
      caseId: toInt(r.case_id),
      mediaTextId: toInt(r.media_text_id),
      messageId: toInt(r.message_id),
      score: Number(r.score),
      flagged: toInt(r.flagged) !== 0,
      categories: JSON.parse(r.categories_json) as NewMediaTextFlag['categories'],
      spans: JSON.parse(r.spans_json) as FlagSpanRecord[],
    }));
  }

  /** Messages flagged in a run through their image's text (for conduct and coverage to count). */
  async flaggedMessageIds(runId: number): Promise<Set<number>> {
    const rows = await this.ctx.db
      .selectFrom('media_text_flags')
      .select('message_id')
      .distinct()
      .where('run_id', '=', runId)
      .where('flagged', '=', 1)
      .execute();
    return new Set(rows.map((r) => toInt(r.message_id)));
  }
}
