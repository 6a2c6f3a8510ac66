/**
 * Canonical JSON for hashing: object keys sorted by UTF-16 code unit order (JavaScript's default
 * sort), no whitespace, JSON.stringify's escaping. Anything JSON cannot represent exactly
 * (undefined inside arrays, functions, non-finite numbers, bigint) is refused rather than dropped.
 * Object properties that are undefined are omitted, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonicalise(value, '$'));
}

function canonicalise(value: unknown, path: string): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`${path}: ${value} cannot be written as JSON`);
    return value;
  }
  if (Array.isArray(value)) {
    return value.map((v, i) => {
      if (v === undefined) throw new TypeError(`${path}[${i}]: undefined cannot be written as JSON`);
      return canonicalise(v, `${path}[${i}]`);
    });
  }
  if (typeof value === 'object') {
    if (value instanceof Date) return value.toISOString();
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = canonicalise(v, `${path}.${key}`);
    }
    return out;
  }
  throw new TypeError(`${path}: a ${typeof value} cannot be written as JSON`);
}
