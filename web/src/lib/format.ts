/** Small display helpers. */

export function percent(x: number): string {
  return `${(Math.max(0, Math.min(1, x)) * 100).toFixed(1)}%`;
}

export function count(n: number): string {
  return n.toLocaleString('en-GB');
}

export function categoryLabel(name: string): string {
  const s = name.replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function decisionLabel(d: string): string {
  return d === 'not_offensive'
    ? 'Not offensive'
    : d === 'offensive'
      ? 'Offensive'
      : d === 'unsure'
        ? 'Unsure'
        : d;
}

/** "2023-04-12T09:15:00.000Z" as the UTC text shown on hover. */
export function utcTitle(utc: string): string {
  return `UTC ${utc.replace('T', ' ').replace(/\.\d+Z$/, 'Z')}`;
}
