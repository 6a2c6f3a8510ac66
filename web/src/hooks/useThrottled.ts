import { useEffect, useRef, useState } from 'react';

/** The value, updated at most every `ms` (first change at once, last change always delivered). */
export function useThrottled<T>(value: T, ms: number, equal: (a: T, b: T) => boolean = Object.is): T {
  const [out, setOut] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    if (equal(out, value)) return;
    const wait = last.current + ms - Date.now();
    if (wait <= 0) {
      last.current = Date.now();
      setOut(value);
      return;
    }
    const t = setTimeout(() => {
      last.current = Date.now();
      setOut(value);
    }, wait);
    return () => clearTimeout(t);
  }, [value, ms, out, equal]);
  return out;
}
