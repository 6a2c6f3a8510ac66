/** A batch's definition from `batch create`'s options, and in words for tables. */
import { UsageError, UserError } from '../../domain/errors.js';
import type { BatchRecord } from '../../store/repositories/batches.js';
import { isoInstant } from './messages.js';
import { fractionOption, intOption } from './review-options.js';

export interface CreateOptions {
  name: string;
  conversation?: string;
  fromSeq?: string;
  toSeq?: string;
  from?: string;
  to?: string;
  priority?: boolean;
  minScore: string;
  category?: string;
  assign?: string;
}

const MAX_ID = 2 ** 31 - 1;

/** The batch definition the options describe; exactly one of the three kinds. */
export function specFrom(o: CreateOptions): unknown {
  const conversationId =
    o.conversation === undefined ? undefined : intOption(o.conversation, '--conversation', 1, MAX_ID);
  const seq = (v: string | undefined, flag: string) =>
    v === undefined ? undefined : intOption(v, flag, 0, MAX_ID);
  const dates = o.from !== undefined || o.to !== undefined;
  const seqs = o.fromSeq !== undefined || o.toSeq !== undefined;
  if (o.priority) {
    if (dates || seqs || conversationId !== undefined) {
      throw new UsageError(
        '--priority takes the flagged messages of the whole case: drop --conversation, --from/--to and --from-seq/--to-seq.',
        { code: 'bad_batch' },
      );
    }
    return {
      kind: 'priority',
      minScore: fractionOption(o.minScore, '--min-score'),
      ...(o.category === undefined ? {} : { category: o.category }),
    };
  }
  if (o.category !== undefined)
    throw new UsageError('--category goes with --priority.', { code: 'bad_batch' });
  if (dates) {
    if (o.from === undefined || o.to === undefined) {
      throw new UserError('A date-range batch needs both --from and --to.', { code: 'bad_batch' });
    }
    if (seqs)
      throw new UsageError('--from-seq/--to-seq go with --conversation, not with --from/--to.', {
        code: 'bad_batch',
      });
    return {
      kind: 'date_range',
      from: isoInstant(o.from, '--from'),
      to: isoInstant(o.to, '--to'),
      ...(conversationId === undefined ? {} : { conversationId }),
    };
  }
  if (conversationId !== undefined) {
    const fromSeq = seq(o.fromSeq, '--from-seq');
    const toSeq = seq(o.toSeq, '--to-seq');
    if (fromSeq !== undefined && toSeq !== undefined && toSeq < fromSeq) {
      throw new UsageError(`--to-seq ${toSeq} is before --from-seq ${fromSeq}.`, { code: 'bad_batch' });
    }
    return {
      kind: 'conversation',
      conversationId,
      ...(fromSeq === undefined ? {} : { fromSeq }),
      ...(toSeq === undefined ? {} : { toSeq }),
    };
  }
  if (seqs) throw new UsageError('--from-seq/--to-seq need --conversation.', { code: 'bad_batch' });
  throw new UserError(
    'Say which messages: --conversation ID [--from-seq A --to-seq B], --from ISO --to ISO, or --priority [--min-score S] [--category C].',
    { code: 'bad_batch' },
  );
}

/** A batch's definition in words, for tables. */
export function describeSpec(b: Pick<BatchRecord, 'kind' | 'spec'>): string {
  const s = b.spec;
  const str = (v: unknown) => (typeof v === 'number' || typeof v === 'string' ? String(v) : '');
  switch (b.kind) {
    case 'date_range':
      return `${str(s.from)} to ${str(s.to)}${s.conversationId === undefined ? '' : ` in conversation ${str(s.conversationId)}`}`;
    case 'conversation':
      return `conversation ${str(s.conversationId)}${s.fromSeq === undefined && s.toSeq === undefined ? '' : `, seq ${str(s.fromSeq ?? 0)}–${s.toSeq === undefined ? 'end' : str(s.toSeq)}`}`;
    case 'priority':
      return `flag score ≥ ${str(s.minScore)}${s.category === undefined ? '' : `, ${str(s.category)}`}`;
  }
}
