import { useCallback, useLayoutEffect, useRef, useState } from 'react';

/**
 * A keyboard cursor: the selected position the page shows (`at`) and the position as of the last
 * move (`latest`), ahead of the render, which relative moves (j, k, f) must go from. Two key presses
 * handled before React re-renders (and re-binds the key listener) both see the position of the same
 * render, so a move from `at` lost the first ("j j" moved one message under load).
 */
export function useCursor(initial: number) {
  const [at, setAt] = useState(initial);
  const latest = useRef(initial);
  const moveTo = useCallback((i: number) => {
    latest.current = i;
    setAt(i);
  }, []);
  return { at, latest, moveTo };
}

/**
 * Acting on the selected message (coding it, showing its source) from a key press, aimed at where
 * the cursor is heading rather than at the rendered selection: "j o" pressed before React re-renders
 * would otherwise code the message j moved from. While the render lags (`at` is not yet `heading()`,
 * or the message there is not yet `ready`), the actions are held for that position and applied, in
 * order and through the latest render's `apply`, once it is rendered; if the cursor moves on before
 * then they are dropped. A key press is lost rather than applied to another message.
 *
 * `heading`: the position the cursor is at, or going to, as of the last move (useCursor's `latest`,
 * or a move still waiting for a page to load).
 */
export function useActAtCursor<A>(
  at: number,
  heading: () => number,
  ready: boolean,
  apply: (action: A) => void,
): (action: A) => void {
  const held = useRef<{ at: number; actions: A[] } | null>(null);
  const applyLatest = useRef(apply);
  applyLatest.current = apply;
  const headingLatest = useRef(heading);
  headingLatest.current = heading;

  // A layout effect: applied as the render commits, before another key press can be handled.
  useLayoutEffect(() => {
    const h = held.current;
    if (!h) return;
    if (headingLatest.current() !== h.at) held.current = null;
    else if (h.at === at && ready) {
      held.current = null;
      for (const a of h.actions) applyLatest.current(a);
    }
  });

  return (action: A) => {
    const target = heading();
    const before = held.current?.at === target ? held.current.actions : [];
    if (target === at && ready) {
      held.current = null;
      for (const a of [...before, action]) apply(a);
    } else held.current = { at: target, actions: [...before, action] };
  };
}
