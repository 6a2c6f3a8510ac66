// `npm start`: build only if a source changed since the last build, then `scrutineer demo` (which
// builds the demo workspace once and reuses it after; `npm start -- --fresh` builds it again), then
// `scrutineer serve` (other arguments go to serve, e.g. `npm start -- --port 8080`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/src/cli/main.js', 'web/dist/index.html'].map((f) => path.join(root, f));
const sources = ['src', 'web', 'tsconfig.json', 'package.json', 'package-lock.json'];
const skip = new Set(['node_modules', 'dist']);

/** The newest modification time under `p` (skipping build outputs and node_modules). */
function newest(p) {
  const st = statSync(p, { throwIfNoEntry: false });
  if (!st) return 0;
  if (!st.isDirectory()) return st.mtimeMs;
  let t = 0;
  for (const e of readdirSync(p)) if (!skip.has(e)) t = Math.max(t, newest(path.join(p, e)));
  return t;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const args = process.argv.slice(2);
const fresh = args.includes('--fresh');
const serveArgs = args.filter((a) => a !== '--fresh');

const built = outputs.every((f) => existsSync(f)) ? Math.min(...outputs.map((f) => statSync(f).mtimeMs)) : 0;
const changed = Math.max(...sources.map((s) => newest(path.join(root, s))));
if (built > changed) {
  console.log('Build is up to date (dist/ and web/dist/ are newer than the sources): not rebuilding.');
} else {
  console.log(built ? 'Sources changed since the last build: building…' : 'Building…');
  run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '--silent']);
}
const cli = path.join(root, 'dist/src/cli/main.js');
run(process.execPath, [cli, 'demo', ...(fresh ? ['--fresh'] : [])]);
run(process.execPath, [cli, 'serve', ...serveArgs]);
