import { createHash, type Hash } from 'node:crypto';

import { sql, type Kysely } from 'kysely';

import type { Database } from '../database.js';
import { toInt } from './context.js';

/** SHA-256 and row count of one kind of row an import wrote. */
export interface PartDigest {
  readonly count: number;
  readonly sha256: string;
}

/**
 * What an import wrote, digested (issue 21, item 5): recorded in its `exhibit.add` audit entry (so
 * it is inside the hash chain) and recomputed by `verify`. A message edited, added, moved or
 * removed in the database changes `messages`; likewise participants and membership events;
 * `exhibit` covers the exhibit row (its SHA-256 and stored path), its stored files, its
 * conversations and its import report.
 */
export interface ExhibitRowDigest {
  readonly exhibit: PartDigest;
  readonly messages: PartDigest;
  readonly participants: PartDigest;
  readonly events: PartDigest;
}

const PAGE = 5000;

/**
 * Each row is written as the JSON array of its columns' values in column-name order, one per line,
 * after a line naming the columns; integers as numbers on both dialects. Derived columns that are
 * not the evidence itself (PostgreSQL's search_tsv) are left out.
 */
class Digester {
  private readonly hash: Hash = createHash('sha256');
  private keys: string[] | null = null;
  count = 0;

  add(row: Record<string, unknown>): void {
    if (this.keys === null) {
      this.keys = Object.keys(row)
        .filter((k) => k !== 'search_tsv')
        .sort();
      this.hash.update(`${JSON.stringify(this.keys)}\n`);
    }
    this.hash.update(`${JSON.stringify(this.keys.map((k) => normalise(row[k])))}\n`);
    this.count++;
  }

  digest(): PartDigest {
    return { count: this.count, sha256: this.hash.digest('hex') };
  }
}

function normalise(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Date) return v.toISOString();
  return v;
}

export async function exhibitRowDigest(db: Kysely<Database>, exhibitId: number): Promise<ExhibitRowDigest> {
  // One digester per table (a digester names its columns once); the exhibit part combines four.
  const exhibitRow = new Digester();
  const files = new Digester();
  const report = new Digester();
  const convs = new Digester();
  const messages = new Digester();
  const participants = new Digester();
  const events = new Digester();
  for (const r of await db.selectFrom('exhibits').selectAll().where('id', '=', exhibitId).execute())
    exhibitRow.add(r);
  for (const r of await db
    .selectFrom('exhibit_files')
    .selectAll()
    .where('exhibit_id', '=', exhibitId)
    .orderBy('id')
    .execute())
    files.add(r);
  for (const r of await db
    .selectFrom('import_reports')
    .selectAll()
    .where('exhibit_id', '=', exhibitId)
    .execute())
    report.add(r);
  const conversations = await db
    .selectFrom('conversations')
    .selectAll()
    .where('exhibit_id', '=', exhibitId)
    .orderBy('id')
    .execute();
  for (const c of conversations) {
    convs.add(c);
    const conversationId = toInt(c.id);
    for (const r of await db
      .selectFrom('participants')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute())
      participants.add(r);
    for (const r of await db
      .selectFrom('membership_events')
      .selectAll()
      .where('conversation_id', '=', conversationId)
      .orderBy('id')
      .execute())
      events.add(r);
    // Keyset pages in (seq, id) order: the (conversation_id, seq) index, no sort.
    let after: { seq: number; id: number } | null = null;
    for (;;) {
      let q = db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
      if (after !== null) q = q.where(sql<boolean>`(seq, id) > (${after.seq}, ${after.id})`);
      const page = await q.orderBy('seq').orderBy('id').limit(PAGE).execute();
      for (const r of page) messages.add(r);
      if (page.length < PAGE) break;
      const last = page[page.length - 1]!;
      after = { seq: toInt(last.seq), id: toInt(last.id) };
    }
  }
  const parts = [exhibitRow, files, report, convs].map((d) => d.digest());
  return {
    exhibit: {
      count: parts.reduce((n, p) => n + p.count, 0),
      sha256: createHash('sha256')
        .update(parts.map((p) => p.sha256).join('\n'))
        .digest('hex'),
    },
    messages: messages.digest(),
    participants: participants.digest(),
    events: events.digest(),
  };
}
