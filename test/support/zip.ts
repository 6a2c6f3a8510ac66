import { zipSync, strToU8 } from 'fflate';

/** A zip in memory from entries; names are written exactly as given (even hostile ones). */
export function makeZip(entries: Record<string, string | Uint8Array>): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  for (const [name, content] of Object.entries(entries))
    files[name] = typeof content === 'string' ? strToU8(content) : content;
  return zipSync(files, { level: 6 });
}
