/**
 * The demo case's record: what an investigation of the demo chat might have recorded, so that a
 * first look at the record page, its deadlines and the timeline shows a case in progress. Entirely
 * fictional, like the chat. The subject is the sender with the most flagged messages.
 *
 * The dates are counted back from the day the demo is built (issue 18 item 10), so that the demo
 * opens with nothing overdue whatever the year: the investigation started 320 days ago (its first
 * progress report falls due in about six weeks), the recommendation was made 30 days ago (its
 * response is due within 56 days). The chat itself has fixed dates (2022-23): a count is proposed
 * only for a message still within its s127(5) time limit, as an investigator would, so once the
 * chat is over three years old the demo proposes none rather than show a count out of time.
 */
import { DateTime } from 'luxon';

import { decideIdentity } from '../analysis/conduct-case.js';
import { countLimitation } from '../cases/deadlines.js';
import { PeopleService } from '../cases/people-service.js';
import { todayInEngland } from '../cases/periods.js';
import { RecordService } from '../cases/record-service.js';
import type { Store } from '../store/open-store.js';

const day = (from: string, days: number): string => DateTime.fromISO(from).plus({ days }).toISODate()!;

export async function buildDemoRecord(
  store: Store,
  caseId: number,
  actor: string,
  /** The clock the demo is dated back from. */
  now: () => Date = () => new Date(),
): Promise<void> {
  const today = todayInEngland(now());
  const run = await store.flags.run(caseId);
  if (!run) return;
  const flagged = await store.flags.list(run.id, { onlyFlagged: true });
  const bySender = new Map<number, { name: string; ids: number[] }>();
  for (const f of flagged) {
    const m = await store.messages.get(f.messageId);
    if (!m || m.participantId === null || m.sender === null) continue;
    const s = bySender.get(m.participantId) ?? { name: m.sender, ids: [] };
    s.ids.push(m.id);
    bySender.set(m.participantId, s);
  }
  const last = (await store.messages.stats(caseId)).last?.slice(0, 10) ?? '';
  const top = [...bySender.entries()].sort((a, b) => b[1].ids.length - a[1].ids.length)[0];
  if (!top || !last) return;
  const [participantId, { name, ids }] = top;

  const person = await new PeopleService(store, caseId, actor, now).add({
    name,
    role: 'subject',
    force: 'Fictional Constabulary',
    status: 'serving',
    barredListApplies: true,
  });
  await decideIdentity(store, caseId, participantId, person.id, 'confirmed', actor, {
    note: 'demo: the sender as displayed is the subject',
  });

  const record = new RecordService(store, caseId, actor, { now });
  await record.setCase({
    reference: 'DEMO/2023/001',
    operation: 'Operation Lantern',
    investigatingBody: 'Fictional Conduct Authority',
    mode: 'independent',
    forces: ['Fictional Constabulary'],
    status: 'open',
    referralDate: day(today, -330),
    startDate: day(today, -320),
    publishable: true,
  });
  await record.assess({
    personId: person.id,
    severity: 'gross_misconduct',
    on: day(today, -310),
    rationale: 'Discriminatory messages in a group of serving officers (demo).',
  });
  await record.notice({
    personId: person.id,
    kind: 'reg17',
    on: day(today, -300),
    conduct: 'Sent discriminatory and derogatory messages to a WhatsApp group of colleagues.',
    standards: ['Equality and Diversity', 'Discreditable Conduct'],
  });
  await record.allegation({
    personId: person.id,
    standard: 'Equality and Diversity',
    description: 'Sent messages that were discriminatory on grounds of protected characteristics.',
    messageIds: ids.slice(0, 3),
  });
  const inTime: number[] = [];
  for (const id of ids) {
    const m = await store.messages.get(id);
    if (m && countLimitation([m.utc], null).limitationDate >= today) inTime.push(id);
  }
  if (inTime.length > 0)
    await record.count({
      personId: person.id,
      messageIds: inTime.slice(0, 1),
      description: 'Grossly offensive message sent by a public electronic communications network.',
    });
  await record.recommendation({
    reference: 'LR-DEMO-1',
    recipients: ['Fictional Constabulary'],
    text: 'Give officers clear guidance on challenging and reporting discriminatory messages in private groups.',
    on: day(today, -30),
    publishable: true,
  });
}
