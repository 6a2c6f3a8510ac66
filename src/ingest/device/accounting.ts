import { EvidenceError } from '../../domain/errors.js';
import type { RowAccount, RowSkipReason } from '../../domain/import-report.js';
import type { DeviceNotice } from './types.js';

/**
 * Row accounting: every row of a message-bearing table is either imported or counted here with
 * why it was not, so a reader can never turn a phone full of messages into "0 messages" without
 * a word. Readers count as they go; `settle` then compares with the table's own row count.
 */

const EXAMPLES = 10;

/**
 * Chats that are not conversations with people: their rows are counted, not imported.
 * status@broadcast holds the status updates the phone saw; @newsletter a followed channel's posts.
 */
export function notAChat(jid: string): RowSkipReason | null {
  if (jid === '-1' || jid === '') return 'placeholder';
  if (jid === 'status@broadcast') return 'status_broadcast';
  if (jid.endsWith('@newsletter')) return 'newsletter';
  return null;
}

const REASON_TEXT: Record<RowSkipReason, string> = {
  placeholder: 'placeholder row(s) WhatsApp keeps in an empty table (no message)',
  status_broadcast: 'status update(s) (status@broadcast), not a chat',
  newsletter: 'channel post(s) (@newsletter), not a chat',
  no_chat: 'row(s) naming a chat the database does not list',
  same_key_in_other_table:
    'row(s) also present, with the same chat, key id and direction, in the other message table and read from there',
  no_timestamp: 'without a readable timestamp (UFDR TimeStamp, RSMF timestamp)',
  other_app: 'message(s) in chats of another app than WhatsApp',
  outside_chat: 'InstantMessage model(s) outside any Chat model (not read by this version)',
  not_reached: 'row(s) the reader never met (the table holds more rows than were read or counted)',
};

export class RowLedger {
  private importedRows = 0;
  private readonly skipped = new Map<RowSkipReason, { rows: number; examples: (number | string)[] }>();

  constructor(readonly table: string) {}

  imported(): void {
    this.importedRows++;
  }

  skip(reason: RowSkipReason, id: number | string): void {
    let s = this.skipped.get(reason);
    if (!s) {
      s = { rows: 0, examples: [] };
      this.skipped.set(reason, s);
    }
    s.rows++;
    if (s.examples.length < EXAMPLES) s.examples.push(id);
  }

  get importedCount(): number {
    return this.importedRows;
  }

  /** The account, with any rows of `total` neither imported nor counted listed as not reached. */
  settle(total: number | null): RowAccount {
    let counted = this.importedRows;
    for (const s of this.skipped.values()) counted += s.rows;
    if (total !== null && total > counted) {
      this.skipped.set('not_reached', { rows: total - counted, examples: [] });
      counted = total;
    }
    return {
      table: this.table,
      rows: total !== null && total > counted ? total : counted,
      imported: this.importedRows,
      notImported: [...this.skipped.entries()].map(([reason, s]) => ({
        reason,
        rows: s.rows,
        examples: s.examples,
      })),
    };
  }
}

/** One notice per table and reason for the rows that were not imported. */
export function accountNotices(accounts: readonly RowAccount[]): DeviceNotice[] {
  const out: DeviceNotice[] = [];
  for (const a of accounts) {
    for (const s of a.notImported) {
      const ids = s.examples.length
        ? ` (ids ${s.examples.join(', ')}${s.rows > s.examples.length ? ', …' : ''})`
        : '';
      out.push({
        code: 'rows_not_imported',
        message: `${a.table}: ${s.rows} of ${a.rows} row(s) not imported: ${REASON_TEXT[s.reason]}${ids}`,
        line: null,
      });
    }
  }
  return out;
}

/**
 * A source whose message tables hold rows, none of which was imported, is refused: reporting
 * zero messages from a phone full of them is the worst thing a reader can do. Placeholder rows
 * alone (an empty database) are not messages.
 */
export function assertSomethingRead(label: string, accounts: readonly RowAccount[]): void {
  let imported = 0;
  let real = 0;
  for (const a of accounts) {
    imported += a.imported;
    const placeholders = a.notImported.find((s) => s.reason === 'placeholder')?.rows ?? 0;
    real += a.rows - placeholders;
  }
  if (imported > 0 || real === 0) return;
  const detail = accounts
    .filter((a) => a.rows > 0)
    .map(
      (a) =>
        `${a.table}: ${a.rows} row(s)${a.notImported.length ? ` (${a.notImported.map((s) => `${s.rows} ${s.reason}`).join(', ')})` : ''}`,
    )
    .join('; ');
  throw new EvidenceError(
    label,
    `holds message rows but none could be read as a message (${detail}): nothing was imported`,
    undefined,
    'nothing_read',
  );
}

/** The accounts in one line for the continuity log, e.g. `messages 60 rows: 58 imported, 1 placeholder, 1 status_broadcast`. */
export function accountsLine(accounts: readonly RowAccount[]): string {
  return accounts
    .map(
      (a) =>
        `${a.table} ${a.rows} row(s): ${a.imported} imported${a.notImported.map((s) => `, ${s.rows} ${s.reason}`).join('')}`,
    )
    .join('; ');
}
