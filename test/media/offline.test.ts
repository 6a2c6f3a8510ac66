/**
 * OCR runs from npm packages on this machine and touches no network (issue 17): the files it uses
 * are local, and a real OCR run (and a video's first frame) succeeds in a process (and its worker
 * threads) where every network call throws and is logged.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

import { createCanvas } from '@napi-rs/canvas';
import { afterAll, describe, expect, it } from 'vitest';

import { OCR_LANGUAGES, ocrResources } from '../../src/media/ocr/resources.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('OCR is offline', () => {
  it('uses the language data and worker script from node_modules, never a URL', () => {
    expect(Object.keys(OCR_LANGUAGES)).toEqual(['eng', 'fra']);
    for (const language of Object.keys(OCR_LANGUAGES)) {
      const r = ocrResources(language);
      for (const p of [r.langPath, r.dataFile, r.workerPath]) {
        expect(path.isAbsolute(p), p).toBe(true);
        expect(p.startsWith(path.join(root, 'node_modules')), p).toBe(true);
        expect(existsSync(p), p).toBe(true);
      }
      expect(r.dataFile.endsWith(`${language}.traineddata.gz`)).toBe(true);
      expect(r.dataVersion).toBe('1.0.0/4.0.0_best_int');
    }
    expect(() => ocrResources('xx')).toThrow(/no OCR data for language "xx"/);
  });

  it('reads an image in each language and a video frame in a process where the network is blocked, and writes no cache file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scrutineer-offline-'));
    dirs.push(dir);
    const log = path.join(dir, 'network.log');
    // The video is made outside the blocked process and its folder (which must stay empty).
    const made = mkdtempSync(path.join(tmpdir(), 'scrutineer-offline-video-'));
    dirs.push(made);
    const canvas = createCanvas(160, 120);
    canvas.getContext('2d').fillRect(0, 0, 80, 120);
    writeFileSync(path.join(made, 'in.png'), await canvas.encode('png'));
    const video = path.join(made, 'v.mp4');
    await promisify(execFile)(
      process.execPath,
      [path.join(here, 'support/make-video.cjs'), path.join(made, 'in.png'), video, '1'],
      { timeout: 120_000 },
    );
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--require',
        path.join(here, 'support/block-network.cjs'),
        '--import',
        // The child runs in an empty folder, so tsx is named by where it is, not resolved from there.
        pathToFileURL(path.join(root, 'node_modules/tsx/dist/loader.mjs')).href,
        path.join(here, 'support/ocr-offline-child.ts'),
      ],
      {
        cwd: dir,
        env: { ...process.env, SCRUTINEER_NETWORK_LOG: log, SCRUTINEER_VIDEO: video },
        timeout: 180_000,
      },
    );
    const out = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      blocked: { main: string; worker: string };
      texts: Record<string, string>;
      frame: number | string;
    };
    // The block is real on both kinds of thread (else this test could not fail)...
    expect(out.blocked.main).toMatch(/network blocked: fetch/);
    expect(out.blocked.worker).toMatch(/network blocked: net.connect/);
    // ...and OCR made no attempt of its own: only the two probes are logged.
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'main fetch http://127.0.0.1:9/',
      'worker net.connect',
    ]);
    expect(out.texts).toEqual({ eng: 'Nothing leaves this machine', fra: 'Les données restent ici' });
    expect(out.frame).toBe(160);
    // tesseract.js caches eng.traineddata in the working directory unless told not to.
    expect(readdirSync(dir).sort()).toEqual(['network.log']);
  }, 150_000);
});
