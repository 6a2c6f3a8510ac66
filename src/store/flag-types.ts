/** Records of the flagger's runs, results and case term lists (see migrations/0002_flags.ts). */

export interface CaseTermEntry {
  readonly term: string;
  readonly category: string;
  readonly severity: 'low' | 'medium' | 'high';
}

export interface TermListRecord {
  readonly id: number;
  readonly caseId: number;
  readonly version: number;
  readonly terms: readonly CaseTermEntry[];
  readonly note: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
}

export interface AnalysisRunRecord {
  readonly id: number;
  readonly caseId: number;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly actor: string;
  /** Engine, model, term-list and case term-list versions, as the flagger reported them. */
  readonly version: Record<string, string>;
  readonly termListId: number | null;
  readonly messages: number;
  readonly flagged: number;
}

export interface FlagSpanRecord {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly category: string;
  readonly reason: string;
}

export interface NewFlag {
  readonly runId: number;
  readonly caseId: number;
  readonly messageId: number;
  readonly score: number;
  readonly flagged: boolean;
  readonly categories: readonly { readonly name: string; readonly score: number }[];
  readonly spans: readonly FlagSpanRecord[];
}

export interface FlagRecord extends NewFlag {
  readonly id: number;
}
