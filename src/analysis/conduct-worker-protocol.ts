/** Messages between the review server and its conduct worker (plain data: structured clone). */
import type { ConductViews } from './conduct-case.js';

export interface ConductWorkerData {
  readonly workspace: string;
  readonly databaseUrl: string | null;
}

export interface ConductRequest {
  readonly id: number;
  readonly caseId: number;
  readonly withholdCodes: readonly number[];
}

export type ConductResponse =
  | { readonly id: number; readonly ok: true; readonly views: ConductViews }
  | {
      readonly id: number;
      readonly ok: false;
      readonly name: string;
      readonly message: string;
      readonly stack: string | undefined;
    };
