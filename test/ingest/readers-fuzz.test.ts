/**
 * Fuzzing the readers (issue 21, "Also"): valid exhibits of every format (export text, export zip,
 * Android msgstore.db, iOS ChatStorage.sqlite, Cellebrite UFDR, RSMF), mutated by fast-check (bytes
 * flipped, cut, inserted, zeroed, repeated), imported through the real intake into a real store.
 * Every input must end in an exhibit or a UserError (exit 1: one line naming the file), within a time
 * limit, and a refused input must leave no exhibit, no claim and no stored file behind.
 *
 * `npm test` runs SCRUTINEER_FUZZ_RUNS (default 3) inputs per format; `npm run fuzz` runs 150.
 * A failure prints fast-check's seed and path; SCRUTINEER_FUZZ_SEED=N replays a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { strToU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/domain/errors.js';
import { EvidenceStore, findOrphans } from '../../src/evidence/evidence-store.js';
import { addExhibit } from '../../src/evidence/import-sequence.js';
import { verifyWorkspace } from '../../src/evidence/verify.js';
import { openStore, type Store } from '../../src/store/open-store.js';
import { buildMsgstoreCurrent } from '../support/fixtures/device/android.js';
import { buildChatStorage } from '../support/fixtures/device/ios.js';
import { buildModel } from '../support/fixtures/device/model.js';
import { buildUfdr } from '../support/fixtures/device/ufdr.js';
import { rsmfBytes, rsmfManifest } from '../support/rsmf.js';
import { makeZip } from '../support/zip.js';

const RUNS = Number(process.env.SCRUTINEER_FUZZ_RUNS ?? 3);
const SEED = process.env.SCRUTINEER_FUZZ_SEED ? Number(process.env.SCRUTINEER_FUZZ_SEED) : undefined;
/** Far above any fixture's import time: an input still running then is taken to hang. */
const HANG_MS = 30_000;

const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-fuzz-'));
const CHAT = [
  '06/03/2021, 00:46 - Sgt Kate Morris created group "Team 3 Response"',
  '06/03/2021, 00:47 - Sgt Kate Morris added PC Dan Hughes',
  '13/03/2021, 09:10 - PC Dan Hughes: morning all 😂',
  'second line',
  '13/03/2021, 09:11 - Sgt Kate Morris: IMG-20210313-WA0001.jpg (file attached)',
  '13/03/2021, 09:12 - +44 7700 900123: <Media omitted>',
  '14/03/2021, 10:00 - PC Dan Hughes left',
].join('\n');

/** One valid exhibit per format: [file name, bytes]. */
function seeds(): Record<string, { name: string; bytes: Uint8Array }> {
  const model = buildModel(7);
  const at = (name: string) => path.join(scratch, name);
  buildMsgstoreCurrent(model, at('msgstore.db'));
  buildChatStorage(model, at('ChatStorage.sqlite'));
  buildUfdr(model, at('phone.ufdr'), { labels: 'new' });
  const rsmf = rsmfBytes(rsmfManifest());
  return {
    text: { name: 'WhatsApp Chat with Team 3 Response.txt', bytes: strToU8(CHAT) },
    zip: {
      name: 'WhatsApp Chat with Team 3 Response.zip',
      bytes: makeZip({ '_chat.txt': CHAT, 'IMG-20210313-WA0001.jpg': 'jpeg bytes' }),
    },
    android: { name: 'msgstore.db', bytes: readFileSync(at('msgstore.db')) },
    ios: { name: 'ChatStorage.sqlite', bytes: readFileSync(at('ChatStorage.sqlite')) },
    ufdr: { name: 'phone.ufdr', bytes: readFileSync(at('phone.ufdr')) },
    rsmf: { name: 'export.rsmf', bytes: rsmf },
  };
}

type Mutation =
  | { op: 'flip'; at: number; value: number }
  | { op: 'cut'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'zero'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number };

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('flip' as const),
      at: fraction,
      value: fc.integer({ min: 0, max: 255 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('cut' as const), at: fraction }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: fraction,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('zero' as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 512 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('repeat' as const),
      at: fraction,
      length: fc.integer({ min: 1, max: 256 }),
    }),
  },
);

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let b = Buffer.from(bytes);
  for (const m of mutations) {
    const at = Math.floor(m.at * b.length);
    if (m.op === 'flip') b[at] = m.value;
    else if (m.op === 'cut') b = b.subarray(0, at);
    else if (m.op === 'insert') b = Buffer.concat([b.subarray(0, at), m.bytes, b.subarray(at)]);
    else if (m.op === 'zero') b.fill(0, at, Math.min(b.length, at + m.length));
    else b = Buffer.concat([b.subarray(0, at + m.length), b.subarray(at)]);
  }
  return b;
}

describe('fuzzing the readers through the intake', () => {
  const ws = mkdtempSync(path.join(tmpdir(), 'scrutineer-fuzz-ws-'));
  let store: Store;
  let inputs: ReturnType<typeof seeds>;
  let n = 0;
  beforeAll(async () => {
    inputs = seeds();
    store = await openStore({ workspace: ws });
    await store.cases.create({ name: 'Fuzz', createdBy: 'fuzz' });
  });
  afterAll(async () => {
    const v = await verifyWorkspace(store, ws);
    await store.close();
    rmSync(ws, { recursive: true, force: true });
    rmSync(scratch, { recursive: true, force: true });
    expect(v.ok).toBe(true);
  });

  it.each(['text', 'zip', 'android', 'ios', 'ufdr', 'rsmf'] as const)(
    '%s: every mutated input is imported or refused with a UserError, in time, leaving nothing behind',
    { timeout: 60_000 + RUNS * HANG_MS },
    async (format) => {
      const seed = inputs[format]!;
      await fc.assert(
        fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (mutations) => {
          const dir = path.join(scratch, `in-${++n}`);
          const { mkdirSync } = await import('node:fs');
          mkdirSync(dir);
          const file = path.join(dir, seed.name);
          writeFileSync(file, mutate(seed.bytes, mutations));
          const ref = `F/${n}`;
          let timer: NodeJS.Timeout | undefined;
          const hang = new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`${format} input ${n} still running after ${HANG_MS} ms`)),
              HANG_MS,
            );
          });
          let outcome: unknown = null;
          try {
            await Promise.race([
              addExhibit(store, ws, {
                caseNameOrId: 'Fuzz',
                file,
                ref,
                timezone: 'Europe/London',
                dateOrder: 'dmy',
                actor: 'fuzz',
              }),
              hang,
            ]);
          } catch (err) {
            outcome = err;
          } finally {
            clearTimeout(timer);
          }
          if (outcome !== null) {
            // A crash (exit 70) would be any other error; a UserError's message is one line.
            expect(outcome, String((outcome as Error).stack)).toBeInstanceOf(UserError);
            expect((outcome as Error).message).not.toContain('\n');
            // … and names the file (or the entry inside it) first.
            expect((outcome as Error).message.startsWith(seed.name)).toBe(true);
            const theCase = await store.cases.findByName('Fuzz');
            expect(await store.exhibits.findByRef(theCase!.id, ref)).toBeNull();
          }
          expect(await store.evidenceClaims.list()).toEqual([]);
          expect(findOrphans(new EvidenceStore(ws), await store.evidenceClaims.referencedPaths())).toEqual(
            [],
          );
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      );
    },
  );
});
