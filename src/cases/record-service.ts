/**
 * The case record service: the list of what the record can hold, one line per action. Every change
 * runs in one transaction that loads the record, checks the rules, writes, and appends an audit
 * entry (`record.<action>`): see record-writer.ts. The actions live by concern: record-case.ts,
 * record-misconduct.ts, record-prosecution.ts, record-learning.ts, record-drafts.ts. Column names
 * belong to the repository; the clock is injected (`options.now`).
 */
import type { Store } from '../store/open-store.js';
import { caseDeadlines, type Deadline } from './deadlines.js';
import * as kase from './record-case.js';
import * as drafts from './record-drafts.js';
import * as learning from './record-learning.js';
import * as misconduct from './record-misconduct.js';
import * as prosecution from './record-prosecution.js';
import { RecordWriter, citedMessageTimes, loadRecord, type RecordServiceOptions } from './record-writer.js';
import * as rules from './rules.js';
import type { CaseRecordData, CaseToAnswer, RecommendationResponse, Verdict } from '../contract/record.js';

export { MARKABLE, type CaseDetailsInput } from './record-case.js';
export { citedMessageTimes, loadRecord, type RecordServiceOptions } from './record-writer.js';

export class RecordService {
  private readonly w: RecordWriter;

  constructor(store: Store, caseId: number, actor: string, options: RecordServiceOptions);
  constructor(writer: RecordWriter);
  constructor(first: Store | RecordWriter, caseId?: number, actor?: string, options?: RecordServiceOptions) {
    this.w = first instanceof RecordWriter ? first : new RecordWriter(first, caseId!, actor!, options!);
  }

  get caseId(): number {
    return this.w.caseId;
  }

  /** Runs several changes in one transaction: all of them are recorded, or none. */
  async batch<T>(fn: (service: RecordService) => Promise<T>): Promise<T> {
    if (this.w.tx) return fn(this);
    return this.w.store.transaction((repos) => fn(new RecordService(this.w.within(repos))));
  }

  load(): Promise<CaseRecordData> {
    return loadRecord(this.w.store, this.w.caseId);
  }

  async deadlines(today: string): Promise<Deadline[]> {
    rules.checkDate(today, '--today');
    const record = await this.load();
    return caseDeadlines(record, await citedMessageTimes(this.w.store, record), today);
  }

  // The case as a whole
  setCase = (i: kase.CaseDetailsInput) => kase.setCase(this.w, i);
  setSubject = (personId: number, i: { namePublic?: boolean; label?: string | null }) =>
    kase.setSubject(this.w, personId, i);
  progressReport = (on: string, note?: string) => kase.progressReport(this.w, on, note);
  mark = (kind: string, id: number, publishable: boolean) => kase.mark(this.w, kind, id, publishable);

  // Misconduct
  assess = (i: misconduct.AssessInput) => misconduct.assess(this.w, i);
  notice = (i: misconduct.NoticeInput) => misconduct.notice(this.w, i);
  interview = (i: misconduct.InterviewInput) => misconduct.interview(this.w, i);
  allegation = (i: misconduct.AllegationInput) => misconduct.allegation(this.w, i);
  caseToAnswer = (allegationId: number, decision: CaseToAnswer, on: string) =>
    misconduct.caseToAnswer(this.w, allegationId, decision, on);
  proceeding = (i: misconduct.ProceedingInput) => misconduct.proceeding(this.w, i);
  finding = (i: misconduct.FindingInput) => misconduct.finding(this.w, i);
  outcome = (i: misconduct.OutcomeInput) => misconduct.outcome(this.w, i);
  barred = (i: misconduct.BarredInput) => misconduct.barred(this.w, i);

  // Prosecution
  refer = (i: prosecution.ReferInput) => prosecution.refer(this.w, i);
  chargingDecision = (i: prosecution.ChargingInput) => prosecution.chargingDecision(this.w, i);
  count = (i: prosecution.CountInput) => prosecution.count(this.w, i);
  chargeCount = (countId: number, on: string) => prosecution.chargeCount(this.w, countId, on);
  appearance = (i: prosecution.AppearanceInput) => prosecution.appearance(this.w, i);
  verdict = (countId: number, verdict: Verdict, on: string) =>
    prosecution.verdict(this.w, countId, verdict, on);
  sentence = (i: prosecution.SentenceInput) => prosecution.sentence(this.w, i);
  appeal = (i: prosecution.AppealInput) => prosecution.appeal(this.w, i);

  // Learning recommendations
  recommendation = (i: learning.RecommendationInput) => learning.recommendation(this.w, i);
  extend = (ref: string, i: { days: number; reason: string; on: string }) => learning.extend(this.w, ref, i);
  response = (ref: string, i: { on: string; text: string; response: RecommendationResponse }) =>
    learning.response(this.w, ref, i);
  publishResponse = (ref: string, on: string, url?: string) => learning.publishResponse(this.w, ref, on, url);

  // The public summary's drafts
  drafts = () => drafts.drafts(this.w);
  saveDraft = (markdown: string, source: 'generated' | 'edited') =>
    drafts.saveDraft(this.w, markdown, source);
  finalise = () => drafts.finalise(this.w);
}
