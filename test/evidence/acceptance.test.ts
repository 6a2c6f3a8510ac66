/**
 * Regressions found by the outside-in acceptance pass on evidence intake (docs/acceptance-intake.md):
 * each drives the CLI as a user would, against a real SQLite workspace.
 */
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-acceptance-'));
function file(name: string, content: string | Uint8Array): string {
  const p = path.join(scratch, name);
  writeFileSync(p, content);
  return p;
}

/** Every path under the workspace's evidence folder, folders included. */
function evidenceTree(ws: Workspace): string[] {
  const root = path.join(ws.dir, 'evidence');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).sort();
}

describe('evidence intake acceptance (sqlite)', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace('sqlite');
    expect((await ws.cli(['case', 'create', 'Acc'])).code).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  it('refuses a --date-order the file contradicts, naming the file and line, and writes nothing', async () => {
    const p = file(
      'contradicted.txt',
      '03/06/2018, 09:00 - Dan: a\n13/06/2018, 09:00 - Kate: b\n14/06/2018, 09:00 - Dan: c\n',
    );
    const r = await ws.cli(['exhibit', 'add', 'Acc', p, '--ref', 'C/1', '--date-order', 'mdy']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/contradicted\.txt:2: --date-order mdy contradicts the file/);
    expect(await ws.json<unknown[]>(['exhibit', 'list', 'Acc'])).toEqual([]);
    expect(evidenceTree(ws)).toEqual([]);
    // The order the file shows is taken.
    const ok = await ws.json<{ messages: number }>(['exhibit', 'add', 'Acc', p, '--ref', 'C/1']);
    expect(ok.messages).toBe(3);
  });

  it('leaves no evidence folders behind after a failed first import into a workspace', async () => {
    const fresh = await makeWorkspace('sqlite');
    try {
      await fresh.cli(['case', 'create', 'Fresh']);
      const before = evidenceTree(fresh);
      const prose = file('letter.txt', 'Dear Sir,\nPlease find attached the statement.\n');
      const bomb = file(
        'bomb2.zip',
        makeZip({ '_chat.txt': '13/03/2021, 09:10 - A: x', 'big.bin': new Uint8Array(200_000) }),
      );
      expect((await fresh.cli(['exhibit', 'add', 'Fresh', prose, '--ref', 'P/1'])).code).toBe(1);
      expect(
        (
          await fresh.cli(['exhibit', 'add', 'Fresh', bomb, '--ref', 'B/1'], {
            SCRUTINEER_MAX_ZIP_BYTES: '100000',
          })
        ).code,
      ).toBe(1);
      expect(evidenceTree(fresh)).toEqual(before);
    } finally {
      await fresh.cleanup();
    }
  });

  it('keeps the store of an earlier exhibit when a later import fails', async () => {
    const kept = evidenceTree(ws).filter((p) => p.startsWith('sha256/') && p.split('/').length === 3);
    expect(kept.length).toBeGreaterThan(0);
    const r = await ws.cli(['exhibit', 'add', 'Acc', file('prose2.txt', 'nothing here\n'), '--ref', 'P/2']);
    expect(r.code).toBe(1);
    expect(evidenceTree(ws).filter((p) => p.startsWith('sha256/') && p.split('/').length === 3)).toEqual(
      kept,
    );
  });

  it('refuses a --conversation that is not one of the case’s conversations instead of listing nothing', async () => {
    for (const bad of ['abc', '0', '1.5']) {
      const r = await ws.cli(['messages', 'Acc', '--jsonl', '--conversation', bad]);
      expect(r.code).toBe(2); // a usage error
      expect(r.err).toContain('--conversation');
    }
    const missing = await ws.cli(['messages', 'Acc', '--jsonl', '--conversation', '9999']);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('no conversation 9999');
    const stats = await ws.json<{ conversations: { id: number }[] }>(['stats', 'Acc']);
    const id = stats.conversations[0]?.id ?? 0;
    const ok = await ws.cli(['messages', 'Acc', '--jsonl', '--conversation', String(id)]);
    expect(ok.code).toBe(0);
    expect(ok.out.trim().split('\n')).toHaveLength(3);
    expect((await ws.cli(['messages', 'Acc', '--limit', '1.5'])).code).toBe(2);
  });

  it('does not count macOS resource forks in a zip as media', async () => {
    const zip = file(
      'WhatsApp Chat - Mac.zip',
      makeZip({
        '_chat.txt': '[13/03/2021, 09:00:01] Sgt A: \u200E<attached: 00000042-PHOTO-2021-03-13-09-00-01.jpg>',
        '00000042-PHOTO-2021-03-13-09-00-01.jpg': 'jpeg',
        '__MACOSX/._00000042-PHOTO-2021-03-13-09-00-01.jpg': 'resource fork',
      }),
    );
    const r = await ws.json<{ mediaFiles: number }>(['exhibit', 'add', 'Acc', zip, '--ref', 'M/1']);
    expect(r.mediaFiles).toBe(1);
    const show = await ws.json<{ files: { pathInArchive: string; role: string }[] }>([
      'exhibit',
      'show',
      'Acc',
      'M/1',
    ]);
    expect(show.files.find((f) => f.pathInArchive.startsWith('__MACOSX/'))?.role).toBe('other');
  });

  it('never makes an iOS group a participant, even for system lines it does not know', async () => {
    const p = file(
      'lappers.txt',
      [
        '[12/10/2025, 01:00:00] Lappers: \u200EMessages and calls are end-to-end encrypted.',
        '[19/10/2025, 01:02:19] Lappers: \u200ERudi Anderson added you',
        '[19/10/2025, 01:03:00] Rudi Anderson: hello',
        '[19/10/2025, 01:04:00] Lappers: \u200ERudi Anderson pinned a message',
      ].join('\n'),
    );
    await ws.json(['exhibit', 'add', 'Acc', p, '--ref', 'L/1']);
    const stats = await ws.json<{ conversations: { id: number; name: string; participants: number }[] }>([
      'stats',
      'Acc',
    ]);
    const lappers = stats.conversations.find((c) => c.name === 'Lappers');
    // Rudi, and the phone's owner ("You" in "added you"): never the group (issue 13.7).
    expect(lappers?.participants).toBe(2);
    const out = (await ws.cli(['messages', 'Acc', '--jsonl', '--conversation', String(lappers?.id)])).out;
    const kinds = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { sender: string | null; displayedAuthor: string | null; kind: string })
      .map((m) => `${m.sender ?? `(system, under ${m.displayedAuthor})`}:${m.kind}`);
    // System lines have no sender; the name iOS wrote them under is kept apart (issue 13.5).
    expect(kinds).toEqual([
      '(system, under Lappers):system',
      '(system, under Lappers):system',
      'Rudi Anderson:text',
      '(system, under Lappers):system',
    ]);
  });

  it('says which text files made the chat in a zip impossible to pick', async () => {
    const zip = file(
      'two.zip',
      makeZip({ 'a.txt': '13/03/2021, 09:10 - A: x', 'b.txt': '13/03/2021, 09:10 - B: y' }),
    );
    const r = await ws.cli(['exhibit', 'add', 'Acc', zip, '--ref', 'T/1']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/two\.zip: the zip holds 2 text files \(a\.txt, b\.txt\)/);
  });
});
