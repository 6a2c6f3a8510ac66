/**
 * Unsaved codes, kept per message until saved or discarded (issue 18, defect 3: a note and ticked
 * categories were lost without a word on j/k or on leaving the page). Kept in sessionStorage, so
 * they survive moving around the app and a reload, but not closing the tab (a prompt warns first).
 */
import { useSyncExternalStore } from 'react';
import type { Decision } from '@contract/coding';
import type { CodeInput } from '../api/types';

/** The form's state: like a code, but with no decision until the reviewer picks one. */
export type Draft = Omit<CodeInput, 'decision'> & { readonly decision: Decision | null };

export interface KeptDraft {
  readonly caseId: number;
  readonly messageId: number;
  readonly conversationId: number;
  readonly seq: number;
  /** The code version the draft was started from: saving it over a newer one is a conflict. */
  readonly baseVersion: number;
  readonly draft: Draft;
}

const STORAGE = 'scrutineer.drafts.v1';
const listeners = new Set<() => void>();
let cache: readonly KeptDraft[] | null = null;

function all(): readonly KeptDraft[] {
  if (cache) return cache;
  try {
    cache = JSON.parse(sessionStorage.getItem(STORAGE) ?? '[]') as KeptDraft[];
  } catch {
    cache = [];
  }
  return cache;
}

function write(next: readonly KeptDraft[]): void {
  cache = next;
  try {
    sessionStorage.setItem(STORAGE, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the drafts still live in memory for this page.
  }
  for (const l of listeners) l();
}

export function draftFrom(code: CodeInput | null): Draft {
  return code
    ? {
        decision: code.decision,
        categories: [...code.categories],
        standards: [...code.standards],
        potentialS127: code.potentialS127,
        note: code.note,
      }
    : { decision: null, categories: [], standards: [], potentialS127: false, note: '' };
}

function sameDraft(a: Draft, b: Draft): boolean {
  const set = (x: readonly string[]) => [...x].sort().join('\u0000');
  return (
    a.decision === b.decision &&
    a.note === b.note &&
    a.potentialS127 === b.potentialS127 &&
    set(a.categories) === set(b.categories) &&
    set(a.standards) === set(b.standards)
  );
}

export function keptDraft(caseId: number, messageId: number): KeptDraft | undefined {
  return all().find((d) => d.caseId === caseId && d.messageId === messageId);
}

/** Keeps `draft` for the message, or forgets it when it equals what is saved (`saved`). */
export function keepDraft(entry: KeptDraft, saved: Draft): void {
  const rest = all().filter((d) => !(d.caseId === entry.caseId && d.messageId === entry.messageId));
  write(sameDraft(entry.draft, saved) ? rest : [...rest, entry]);
}

export function discardDraft(caseId: number, messageId: number): void {
  const rest = all().filter((d) => !(d.caseId === caseId && d.messageId === messageId));
  if (rest.length !== all().length) write(rest);
}

function subscribe(cb: () => void): () => void {
  listeners.add(cb);
  return () => listeners.delete(cb);
}

/** The case's unsaved drafts, re-rendering when they change. */
export function useKeptDrafts(caseId: number): readonly KeptDraft[] {
  const list = useSyncExternalStore(subscribe, all);
  return list.filter((d) => d.caseId === caseId);
}
