import { useEffect, useRef } from 'react';

export type ThreadKey =
  'next' | 'prev' | 'offensive' | 'not_offensive' | 'unsure' | 'reviewed' | 'flag' | 'source';

const KEYS: Record<string, ThreadKey> = {
  j: 'next',
  ArrowDown: 'next',
  k: 'prev',
  ArrowUp: 'prev',
  o: 'offensive',
  n: 'not_offensive',
  u: 'unsure',
  r: 'reviewed',
  f: 'flag',
  s: 'source',
};

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement)
    return !['checkbox', 'radio', 'button', 'submit'].includes(target.type);
  return false;
}

/** Coding by keyboard; ignored while typing in a field, with a modifier held, or when disabled. */
export function useThreadKeys(handler: (key: ThreadKey) => void, enabled: boolean): void {
  const ref = useRef(handler);
  ref.current = handler;
  useEffect(() => {
    if (!enabled) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      const k = KEYS[e.key];
      if (!k) return;
      e.preventDefault();
      ref.current(k);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
