import { existsSync, readFileSync } from 'node:fs';

// From the sources (tests) package.json is one folder up; from the build (dist/src) two.
const candidates = ['../package.json', '../../package.json'].map((p) => new URL(p, import.meta.url));
const found = candidates.find((u) => existsSync(u));

/** The package version, recorded on every import, flag and report so results can be reproduced. */
export const VERSION: string = found
  ? (JSON.parse(readFileSync(found, 'utf8')) as { version: string }).version
  : '0.0.0';
