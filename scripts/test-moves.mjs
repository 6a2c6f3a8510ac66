#!/usr/bin/env node
// Issue 19 item 5: test/ mirrors src/. This script made the moves (`--move`) and, because other
// branches were editing tests at the same time, it also repairs a merged tree (`--fix`, the default):
// a test file still under an old folder is moved, and any relative import that no longer resolves but
// names a moved file is pointed at its new place. Delete it once every branch of that session is in.
//
// Merging a branch that edited tests before the move: where git reports a conflict in a test file
// whose only change on `testmove` was its import paths, keep the other branch's side
// (`git checkout --ours -- FILE` while merging testmove into main), then run this script, then
// `npx prettier --write` on the files it names and `npx tsc -p tsconfig.json --noEmit`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Whole folders: [old prefix, new prefix]. Files added later under an old folder follow them. */
const FOLDERS = [
  ['test/parser/', 'test/ingest/whatsapp-text/'],
  ['test/record/', 'test/cases/'],
  ['test/flagger/', 'test/analysis/flagger/'],
  ['test/conduct/', 'test/analysis/conduct/'],
  ['test/device/fixtures/', 'test/support/fixtures/device/'],
  ['test/device/', 'test/ingest/device/'],
  ['test/intake/', 'test/evidence/'],
  ['test/helpers/', 'test/support/'],
  ['test/fixtures/', 'test/support/fixtures/'],
  ['test/fuzz/', 'test/ingest/'],
];

/** Single files, taking precedence over FOLDERS: shared set-ups and tests of another src folder. */
const FILES = {
  'test/intake/merge.test.ts': 'test/analysis/merge/merge.test.ts',
  'test/conduct/merged-view.test.ts': 'test/analysis/merge/conduct-view.test.ts',
  'test/conduct/script.ts': 'test/support/conduct-script.ts',
  'test/conduct/two-phones.ts': 'test/support/two-phones.ts',
  'test/device/helpers.ts': 'test/support/device.ts',
  'test/record/demo-record.test.ts': 'test/demo/demo-record.test.ts',
  'test/flagger/cli.test.ts': 'test/cli/classify.test.ts',
  'test/fuzz/readers.test.ts': 'test/ingest/readers-fuzz.test.ts',
  'test/reports/helpers.ts': 'test/support/demo-case.ts',
  'test/store/backends.ts': 'test/support/backends.ts',
  'test/store/fixtures.ts': 'test/support/store-fixtures.ts',
  'test/server/world.ts': 'test/support/world.ts',
  'test/server/each-backend.ts': 'test/support/each-backend.ts',
};

function newPlace(file) {
  if (FILES[file]) return FILES[file];
  for (const [from, to] of FOLDERS) if (file.startsWith(from)) return to + file.slice(from.length);
  return null;
}
const oldPlace = new Map(); // new path -> old path, for the files this script knows

const CODE = /\.(ts|tsx|mjs|cjs|js)$/;
const SPEC = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\(\s*)(['"])(\.{1,2}\/[^'"]+)\2/g;
const EXTS = ['', '.ts', '.tsx', '.mjs', '.cjs', '.js'];

/** The file a relative specifier names, in `exists`, or null. `./x.js` names x.ts under NodeNext. */
function target(dir, spec, exists) {
  const p = path.posix.normalize(path.posix.join(dir, spec));
  const stem = p.replace(/\.(js|mjs|cjs)$/, '');
  for (const e of EXTS) {
    if (exists(p + e)) return p + e;
    if (exists(stem + e)) return stem + e;
  }
  return null;
}

/** The specifier that names `to` from folder `dir`, in the style (extension) of `spec`. */
function specFor(dir, to, spec) {
  const specExt = path.posix.extname(spec);
  const toExt = path.posix.extname(to);
  const bare = specExt
    ? to.slice(0, to.length - toExt.length) + specExt
    : to.slice(0, to.length - toExt.length);
  const rel = path.posix.relative(dir, bare);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function tracked() {
  const out = execFileSync('git', ['ls-files', '-co', '--exclude-standard', 'test', 'bench', 'scripts'], {
    encoding: 'utf8',
  });
  return out.split('\n').filter(Boolean);
}

function move(from, to) {
  mkdirSync(path.dirname(to), { recursive: true });
  execFileSync('git', ['mv', from, to]);
}

/** First pass: rewrite every import as it will read after the moves, then move. */
function moveAll() {
  const files = tracked();
  const before = new Set(files);
  const moves = files.map((f) => [f, newPlace(f) ?? f]);
  for (const [from, to] of moves) {
    if (!CODE.test(from)) continue;
    const text = readFileSync(from, 'utf8');
    const next = text.replace(SPEC, (all, head, q, spec) => {
      const t = target(path.posix.dirname(from), spec, (p) => before.has(p) || existsSync(p));
      if (!t) return all;
      const moved = newPlace(t) ?? t;
      return `${head}${q}${specFor(path.posix.dirname(to), moved, spec)}${q}`;
    });
    if (next !== text) writeFileSync(from, next);
  }
  for (const [from, to] of moves) if (from !== to) move(from, to);
}

/** After a merge: move stragglers, then repair imports that no longer resolve. */
function fixAll() {
  const fixed = [];
  for (const f of tracked()) {
    const n = newPlace(f);
    if (n && !existsSync(n)) {
      move(f, n);
      console.log(`moved ${f} -> ${n}`);
    }
  }
  const files = tracked();
  for (const [from, to] of Object.entries(FILES)) oldPlace.set(to, from);
  // The deepest new folder wins: test/ingest/whatsapp-text/x was test/parser/x, not test/fuzz/whatsapp-text/x.
  const deepestFirst = [...FOLDERS].sort((a, b) => b[1].length - a[1].length);
  for (const f of files) {
    const hit = deepestFirst.find(([, to]) => f.startsWith(to));
    if (hit && !oldPlace.has(f)) oldPlace.set(f, hit[0] + f.slice(hit[1].length));
  }
  const exists = (p) => existsSync(p);
  // An old path whose file now lives at its new place.
  const wasThere = (p) => {
    const n = newPlace(p);
    return n !== null && existsSync(n);
  };
  for (const f of files) {
    if (!CODE.test(f)) continue;
    const text = readFileSync(f, 'utf8');
    const dirs = [path.posix.dirname(f), path.posix.dirname(oldPlace.get(f) ?? f)];
    const next = text.replace(SPEC, (all, head, q, spec) => {
      if (target(dirs[0], spec, exists)) return all;
      for (const d of dirs) {
        const old = target(d, spec, wasThere);
        const now = (old && newPlace(old)) ?? (d === dirs[0] ? null : target(d, spec, exists));
        if (now) return `${head}${q}${specFor(dirs[0], now, spec)}${q}`;
      }
      return all;
    });
    if (next !== text) {
      writeFileSync(f, next);
      console.log(`imports fixed in ${f}`);
      fixed.push(f);
    }
  }
  if (fixed.length) console.log(`now: npx prettier --write ${fixed.join(' ')}`);
}

if (process.argv.includes('--move')) moveAll();
else fixAll();
