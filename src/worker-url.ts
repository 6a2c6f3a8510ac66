/**
 * Where a worker thread's compiled module is: beside the calling module when it runs from dist/, or
 * at the same place under dist/ when the caller runs from the TypeScript sources (tests). Worker
 * threads load JavaScript, so from sources they need `npm run build` first.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export function builtWorkerUrl(callerUrl: string, name: string): URL {
  const here = new URL(`./${name}`, callerUrl);
  if (existsSync(fileURLToPath(here))) return here;
  const at = here.pathname.lastIndexOf('/src/');
  if (at >= 0) {
    const built = new URL(here);
    built.pathname = `${here.pathname.slice(0, at)}/dist${here.pathname.slice(at)}`;
    if (existsSync(fileURLToPath(built))) return built;
  }
  throw new Error(`the worker ${name} is not built: run \`npm run build\``);
}
