import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';

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
 * The marker of a move whose target the server decides (f, a date jump): `landed` is where it went
 * once known, `null` if it failed, found nothing or was overtaken by another move.
 */
export class PendingMove {
  landed: number | null | undefined = undefined;
}

/** Where the cursor is heading: a position, or a move still waiting on the server. */
export type Heading = number | PendingMove;

/**
 * Moves that wait on the server, marked as under way so that a key acting at the cursor meanwhile
 * ("f o") is held for where the move lands rather than applied to the message it leaves (see
 * useActAtCursor). `pending` is the move under way (the page's `heading` returns it while set);
 * `run` makes one: `find` asks the server, `go` moves there; it resolves to where it went, or `null`
 * if nowhere, or `undefined` if another move overtook it (`cancel`, or a later `run`): every other
 * move a page makes (a click, j/k, the address) must `cancel` it, or the answer moves the cursor away
 * from the message the reviewer has just chosen. It re-renders the page when the move ends, so that
 * held keys are applied or dropped even if the cursor stays put.
 * The one way both pages wait on the server for a move.
 */
export function usePendingMove(): {
  pending: RefObject<PendingMove | null>;
  run: (find: () => Promise<number | null>, go: (to: number) => void) => Promise<number | null | undefined>;
  cancel: () => void;
} {
  const pending = useRef<PendingMove | null>(null);
  const [, setEnded] = useState(0);
  // Overtaken by a move the reviewer chose meanwhile (a click, j/k, the address): the latest choice
  // wins. Keys held for this move are dropped (landed = null), not applied where the cursor now is:
  // they were pressed before that choice, for the message this move would have landed on.
  const cancel = useCallback(() => {
    const p = pending.current;
    if (!p) return;
    p.landed = null;
    pending.current = null;
  }, []);
  const run = useCallback(
    async (find: () => Promise<number | null>, go: (to: number) => void) => {
      cancel();
      const p = new PendingMove();
      pending.current = p;
      let to: number | null = null;
      let current = false;
      try {
        to = await find();
      } finally {
        current = pending.current === p;
        if (current) {
          pending.current = null;
          p.landed = to;
          if (to !== null) go(to);
        }
        setEnded((n) => n + 1);
      }
      return current ? to : undefined;
    },
    [cancel],
  );
  return { pending, run, cancel };
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
 * or a move still waiting for a page to load), or the marker of a move waiting on the server for its
 * target (usePendingMove): actions are held for it and follow it where it lands, or are dropped if
 * it lands nowhere.
 */
export function useActAtCursor<A>(
  at: number,
  heading: () => Heading,
  ready: boolean,
  apply: (action: A) => void,
): (action: A) => void {
  const held = useRef<{ at: Heading; actions: A[] } | null>(null);
  const applyLatest = useRef(apply);
  applyLatest.current = apply;
  const headingLatest = useRef(heading);
  headingLatest.current = heading;

  // A layout effect: applied as the render commits, before another key press can be handled.
  useLayoutEffect(() => {
    const h = held.current;
    if (!h) return;
    if (h.at instanceof PendingMove && h.at.landed !== undefined) {
      if (h.at.landed === null) {
        held.current = null;
        return;
      }
      h.at = h.at.landed;
    }
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
