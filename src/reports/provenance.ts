/**
 * What every report records so that it can be reproduced: the software version, the analysis run
 * (flagger and term-list versions), the hashes of its inputs, and the time the inputs stood at.
 *
 * The time printed in a report is "inputs as at": the time of the case's latest audit entry that
 * is not itself a report or export. It changes when the evidence, the analysis, the people or the
 * reviewers' decisions change, and not otherwise, so the same inputs give the same file. When a
 * report was actually written is in its audit-trail entry.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { analyseConduct, mergeOffensiveMarks } from '../analysis/conduct/index.js';
import type { ConductReport } from '../analysis/conduct/index.js';
import { loadConductInput, type CaseConductInput } from '../analysis/conduct-case.js';
import { termListVersion } from '../analysis/analyse-case.js';
import { canonicalJson } from '../store/canonical-json.js';
import type { AnalysisRunRecord, FlagRecord } from '../store/flag-types.js';
import type { Store } from '../store/open-store.js';
import type { CaseRecord, ExhibitRecord } from '../store/types.js';
import { VERSION } from '../version.js';

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');
export const digest = (value: unknown): string => sha256(canonicalJson(value));

/** A reviewer's coding decision, where the store has the codes table (src/store/repositories/codes.ts). */
export interface ReviewCode {
  readonly messageId: number;
  readonly decision: string;
  readonly categories: readonly string[];
  readonly standards: readonly string[];
  readonly potentialS127: boolean;
  readonly note: string;
  readonly version: number;
  readonly by: string;
  readonly at: string;
}

interface CodesLike {
  getMany(ids: readonly number[]): Promise<Map<number, ReviewCode>>;
}

/** Codes for these messages; null when this store has no codes repository (then: "not coded"). */
export async function loadCodes(
  store: Store,
  ids: readonly number[],
): Promise<Map<number, ReviewCode> | null> {
  const codes = (store as unknown as { codes?: CodesLike }).codes;
  if (!codes || typeof codes.getMany !== 'function') return null;
  return codes.getMany(ids);
}

export interface InputHash {
  readonly name: string;
  readonly sha256: string;
  readonly detail: string;
}

export interface Provenance {
  readonly software: string;
  readonly analysisRun: {
    readonly id: number;
    readonly finishedAt: string | null;
    readonly version: Readonly<Record<string, string>>;
    readonly termList: string | null;
  } | null;
  /** ISO UTC: when the inputs last changed (see above). */
  readonly inputsAsAt: string;
  readonly inputs: readonly InputHash[];
}

/** The time of the case's latest audit entry that is not a report or export. */
export async function inputsAsAt(store: Store, theCase: CaseRecord): Promise<string> {
  let latest = theCase.createdAt;
  let afterId: number | undefined;
  for (;;) {
    const page = await store.audit.list({ caseId: theCase.id, limit: 1000, ...(afterId ? { afterId } : {}) });
    if (page.length === 0) break;
    for (const e of page) {
      if (e.action.startsWith('report.') || e.action.startsWith('export.')) continue;
      if (e.at > latest) latest = e.at;
    }
    afterId = page[page.length - 1]!.id;
  }
  return latest;
}

export function exhibitInputs(exhibits: readonly ExhibitRecord[]): InputHash[] {
  return exhibits.map((e) => ({
    name: `Exhibit ${e.ref}`,
    sha256: e.sha256,
    detail:
      `${e.originalName} (${e.format}, ${e.size} bytes), parsed by ${e.parser ?? '?'} ${e.parserVersion ?? ''}`.trim(),
  }));
}

export function runProvenance(run: AnalysisRunRecord | null, caseId: number, termVersion: number | null) {
  if (!run) return null;
  return {
    id: run.id,
    finishedAt: run.finishedAt,
    version: run.version,
    termList: termVersion === null ? null : termListVersion(caseId, termVersion),
  };
}

/** The conduct analysis with reviewer codes where a message is coded, else the latest flagger run. */
export interface ReportConduct {
  readonly input: CaseConductInput;
  readonly report: ConductReport;
  readonly run: AnalysisRunRecord | null;
  /** The run's flagged results by message id. */
  readonly flags: ReadonlyMap<number, FlagRecord>;
  /** Null where the store has no codes. */
  readonly codes: ReadonlyMap<number, ReviewCode> | null;
  readonly termListVersion: number | null;
}

export async function reportConduct(store: Store, caseId: number): Promise<ReportConduct> {
  const input = await loadConductInput(store, caseId);
  const run = await store.flags.run(caseId);
  const flagged = run ? await store.flags.list(run.id, { onlyFlagged: true }) : [];
  const flags = new Map(flagged.map((f) => [f.messageId, f]));
  const codes = await loadCodes(
    store,
    input.messages.map((m) => m.id),
  );
  const coded = [...(codes?.values() ?? [])]
    .filter((c) => c.decision === 'offensive' || c.decision === 'not_offensive')
    .map((c) => ({
      messageId: c.messageId,
      categories: c.categories,
      offensive: c.decision === 'offensive',
    }));
  const offensive = mergeOffensiveMarks(
    coded,
    input.offensive.map((o) => ({
      messageId: o.messageId,
      categories: o.categories,
      ...(o.score === undefined ? {} : { score: o.score }),
    })),
  );
  const merged: CaseConductInput = { ...input, offensive, basis: { ...input.basis, coded: coded.length } };
  const report = analyseConduct(merged);
  let termVersion: number | null = null;
  if (run?.termListId != null) termVersion = (await store.termLists.get(run.termListId))?.version ?? null;
  return { input: merged, report, run, flags, codes, termListVersion: termVersion };
}

/** Writes FILE and FILE.sha256 (`<hash>  <name>`, as sha256sum prints it); returns the hash. */
export function writeWithSidecar(file: string, bytes: Buffer): string {
  const hash = sha256(bytes);
  writeFileSync(file, bytes);
  writeFileSync(`${file}.sha256`, `${hash}  ${basename(file)}\n`);
  return hash;
}

export function provenanceRows(p: Provenance): [string, string][] {
  return [
    ['Software', `Scrutineer ${p.software}`],
    [
      'Analysis run',
      p.analysisRun
        ? `run ${p.analysisRun.id} (finished ${p.analysisRun.finishedAt ?? '?'}); ${Object.entries(
            p.analysisRun.version,
          )
            .map(([k, v]) => `${k} ${v}`)
            .join('; ')}${p.analysisRun.termList ? `; case term list ${p.analysisRun.termList}` : ''}`
        : 'none (no flagger run in this case)',
    ],
    [
      'Inputs as at',
      `${p.inputsAsAt} (latest change to the case before this report; the time the report was written is in the audit trail)`,
    ],
  ];
}

export const softwareVersion = (): string => VERSION;
