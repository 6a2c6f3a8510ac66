import { useCallback, useRef, useState } from 'react';

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
