export interface BenchResult {
  readonly name: string;
  readonly rows: ReadonlyArray<Record<string, string | number>>;
  readonly notes?: readonly string[];
}
