/**
 * A shape read-only all the way down. The contract's zod schemas are the one description of a shape;
 * `z.infer` gives it with mutable arrays, as the web app uses it. Server-side services hand out the
 * same shape as `ReadonlyDeep<…>` (the case record, the conduct picture), so nothing changes what
 * another part holds, and a field added to the schema is in both.
 */
export type ReadonlyDeep<T> = T extends readonly (infer U)[]
  ? readonly ReadonlyDeep<U>[]
  : T extends object
    ? { readonly [K in keyof T]: ReadonlyDeep<T[K]> }
    : T;
