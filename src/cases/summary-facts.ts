/**
 * The facts the public summary takes from the evidence rather than the record (one function, so
 * the CLI and the API generate the same summary): messages analysed (everything someone sent;
 * system lines such as "X added Y" are not counted), the members of the case's conversations, what
 * the offensive messages were about (the categories reviewers coded, in words), and when the
 * messages cited by the allegations were sent.
 */
import type { Store } from '../store/open-store.js';
import { citedMessageTimes } from './record-service.js';
import type { CaseRecordData } from '../contract/record.js';

/** Coded categories in the words of a published summary, in this order; the rest are left out. */
const TOPICS: readonly (readonly [string, string])[] = [
  ['race_ethnicity', 'race and ethnicity'],
  ['religion', 'religion'],
  ['sex_women', 'women'],
  ['sexual_orientation', 'sexual orientation'],
  ['gender_identity', 'gender identity'],
  ['disability', 'disability'],
  ['age', 'age'],
  ['victims_of_crime', 'victims of crime'],
  ['violence_threat', 'violence'],
  ['other_derogatory', 'other individuals'],
];

export interface SummaryFacts {
  /** Messages in the case's evidence that someone sent. */
  readonly messages: number;
  /** Distinct members of the case's conversations. */
  readonly members: number;
  /** What the offensive messages were about, in words, from the coded categories. */
  readonly topics?: readonly string[];
  /** UTC instants of the messages the record cites (allegation period). */
  readonly messageTimes?: ReadonlyMap<number, string>;
}

/** The coded categories as topics, in the order of `TOPICS`. */
export function topicsOf(categories: Iterable<string>): string[] {
  const seen = new Set(categories);
  return TOPICS.filter(([code]) => seen.has(code)).map(([, words]) => words);
}

export async function summaryFacts(store: Store, record: CaseRecordData): Promise<SummaryFacts> {
  const stats = await store.messages.stats(record.caseId);
  const members = new Set<string>();
  for (const conv of await store.conversations.list(record.caseId))
    for (const p of await store.participants.list(conv.id)) members.add(p.displayName);
  const sent = stats.bySender.filter((b) => b.sender !== null).reduce((n, b) => n + b.messages, 0);
  const categories = (await store.codes.listForCase(record.caseId))
    .filter((c) => c.decision === 'offensive')
    .flatMap((c) => c.categories);
  return {
    messages: sent,
    members: members.size,
    topics: topicsOf(categories),
    messageTimes: await citedMessageTimes(store, record),
  };
}
