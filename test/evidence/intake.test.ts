import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, makeWorkspace, PG_SKIPPED, type Workspace } from '../support/cli.js';
import { makeZip } from '../support/zip.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'scrutineer-intake-'));
function file(name: string, content: string | Uint8Array): string {
  const p = path.join(scratch, name);
  writeFileSync(p, content);
  return p;
}

const CHAT = [
  '\uFEFFThis export was made on a seized phone.',
  '06/03/2021, 00:45 - Messages and calls are end-to-end encrypted. No one outside of this chat can read them.',
  '06/03/2021, 00:46 - Sgt Kate Morris created group "Team 3 Response"',
  '06/03/2021, 00:47 - Sgt Kate Morris added PC Dan Hughes',
  '13/03/2021, 09:10 - PC Dan Hughes: morning all 😂',
  'second line of the same message',
  '',
  '13/03/2021, 09:11 - Sgt Kate Morris: IMG-20210313-WA0001.jpg (file attached)',
  'the van after last night',
  '13/03/2021, 09:12 - +44 7700 900123: <Media omitted>',
  '13/03/2021, 09:13 - PC Dan Hughes: This message was deleted',
  '14/03/2021, 10:00 - PC Dan Hughes left',
].join('\n');

interface Jsonl {
  id: number;
  conversation: string;
  sender: string | null;
  kind: string;
  text: string;
  localTime: string;
  zone: string;
  utc: string;
  exhibit: string;
  lineStart: number;
  lineEnd: number;
}

function jsonl(out: string): Jsonl[] {
  return out
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Jsonl);
}

/** Every file under the evidence store except the (empty) temp folder. */
function storedFiles(ws: Workspace): string[] {
  const root = path.join(ws.dir, 'evidence', 'sha256');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => d.name);
}

if (PG_SKIPPED) describe.skip(`intake on PostgreSQL (${PG_SKIPPED})`, () => undefined);

describe.each(BACKENDS)('evidence intake on %s', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    expect((await ws.cli(['case', 'create', 'Op Test'])).code).toBe(0);
  });
  afterAll(async () => ws.cleanup());

  it('imports an export, keeps every line, and reads it back through the published interface', async () => {
    const p = file('WhatsApp Chat with Team 3 Response.txt', CHAT);
    const add = await ws.cli([
      'exhibit',
      'add',
      'Op Test',
      p,
      '--ref',
      'AB/1',
      '--officer',
      'DC Example',
      '--json',
    ]);
    expect(add.err).toBe('');
    expect(add.code).toBe(0);
    const added = JSON.parse(add.out) as {
      exhibit: { sha256: string; ref: string; storedPath: string; timezone: string; dateOrder: string };
      messages: number;
      report: { lines: number; reportedLines: { line: number; text: string }[] };
    };
    expect(added.exhibit.ref).toBe('AB/1');
    expect(added.exhibit.dateOrder).toBe('dmy');
    expect(added.exhibit.timezone).toBe('Europe/London');
    expect(added.messages).toBe(8);
    expect(added.report.lines).toBe(12);
    expect(added.report.reportedLines).toEqual([
      expect.objectContaining({ line: 1, text: 'This export was made on a seized phone.' }),
    ]);
    // The original is kept byte for byte, read-only, under its own hash.
    const stored = path.join(ws.dir, added.exhibit.storedPath);
    expect(readFileSync(stored).equals(readFileSync(p))).toBe(true);
    expect(added.exhibit.storedPath).toContain(added.exhibit.sha256);

    const listed = await ws.cli(['messages', 'Op Test', '--jsonl']);
    expect(listed.code).toBe(0);
    const msgs = jsonl(listed.out);
    expect(msgs).toHaveLength(8);
    const spans = msgs.reduce((n, m) => n + (m.lineEnd - m.lineStart + 1), 0);
    expect(spans + added.report.reportedLines.length).toBe(added.report.lines);
    const morning = msgs.find((m) => m.text.startsWith('morning all'));
    expect(morning).toMatchObject({
      conversation: 'Team 3 Response',
      sender: 'PC Dan Hughes',
      kind: 'text',
      text: 'morning all 😂\nsecond line of the same message\n',
      localTime: '13/03/2021, 09:10',
      zone: 'Europe/London',
      utc: '2021-03-13T09:10:00.000Z',
      exhibit: 'AB/1',
      lineStart: 5,
      lineEnd: 7,
    });
    expect(msgs.map((m) => m.kind)).toEqual([
      'system',
      'system',
      'system',
      'text',
      'media',
      'media',
      'deleted',
      'system',
    ]);
  });

  it('filters by sender, kind, time and full-text search (words, phrases, prefixes, NOT, emoji)', async () => {
    const bySender = jsonl(
      (await ws.cli(['messages', 'Op Test', '--jsonl', '--sender', 'PC Dan Hughes'])).out,
    );
    expect(bySender.map((m) => m.kind)).toEqual(['text', 'deleted']);
    // "(system)" is how stats names the lines with no sender; the filter takes the same name.
    const stats = JSON.parse((await ws.cli(['stats', 'Op Test', '--json'])).out) as {
      bySender: Record<string, number>;
    };
    const noSender = jsonl((await ws.cli(['messages', 'Op Test', '--jsonl', '--sender', '(system)'])).out);
    expect(noSender.length).toBe(stats.bySender['(system)']);
    expect(noSender.length).toBeGreaterThan(0);
    expect(noSender.every((m) => m.sender === null)).toBe(true);
    const media = jsonl((await ws.cli(['messages', 'Op Test', '--jsonl', '--kind', 'media'])).out);
    expect(media.map((m) => m.sender)).toEqual(['Sgt Kate Morris', '+44 7700 900123']);
    const window = jsonl(
      (
        await ws.cli([
          'messages',
          'Op Test',
          '--jsonl',
          '--from',
          '2021-03-13T09:11:00Z',
          '--to',
          '2021-03-14',
        ])
      ).out,
    );
    expect(window.map((m) => m.utc)).toEqual([
      '2021-03-13T09:11:00.000Z',
      '2021-03-13T09:12:00.000Z',
      '2021-03-13T09:13:00.000Z',
    ]);
    const search = async (q: string) =>
      jsonl((await ws.cli(['messages', 'Op Test', '--jsonl', '--search', q])).out).map((m) => m.id);
    const [morning] = await search('morning');
    expect(morning).toBeDefined();
    expect(await search('"second line"')).toEqual([morning]);
    expect(await search('sec*')).toEqual([morning]);
    expect(await search('😂')).toEqual([morning]);
    expect(await search('morning NOT van')).toEqual([morning]);
    expect(await search('van OR morning')).toHaveLength(2);
    const bad = await ws.cli(['messages', 'Op Test', '--search', '"unclosed']);
    expect(bad.code).not.toBe(0);
  });

  it('gives stats in the published shape', async () => {
    const stats = await ws.json<Record<string, unknown>>(['stats', 'Op Test']);
    expect(stats).toMatchObject({
      messages: 8,
      byKind: { system: 4, text: 1, media: 2, deleted: 1 },
      bySender: { 'PC Dan Hughes': 2, 'Sgt Kate Morris': 1, '+44 7700 900123': 1, '(system)': 4 },
      conversations: [{ name: 'Team 3 Response', messages: 8, participants: 3 }],
      first: '2021-03-06T00:45:00.000Z',
      last: '2021-03-14T10:00:00.000Z',
    });
  });

  it('refuses the same bytes twice, naming the earlier exhibit', async () => {
    const p = file('copy-of-chat.txt', CHAT);
    const again = await ws.cli(['exhibit', 'add', 'Op Test', p, '--ref', 'AB/2']);
    expect(again.code).toBe(1);
    expect(again.err).toContain('copy-of-chat.txt');
    expect(again.err).toContain('exhibit AB/1');
    const exhibits = await ws.json<unknown[]>(['exhibit', 'list', 'Op Test']);
    expect(exhibits).toHaveLength(1);
  });

  it('imports a zip with media, linking each attachment to its hashed file', async () => {
    const zip = makeZip({
      'WhatsApp Chat with Night Shift.txt': [
        '01/02/2022, 22:00 - PC Amy Cole: IMG-20220201-WA0001.jpg (file attached)',
        '13/02/2022, 22:01 - PC Amy Cole: VID-20220213-WA0002.mp4 (file attached)',
      ].join('\r\n'),
      'IMG-20220201-WA0001.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]),
    });
    const p = file('WhatsApp Chat - Night Shift.zip', zip);
    const r = await ws.cli(['exhibit', 'add', 'Op Test', p, '--ref', 'AB/3', '--json']);
    expect(r.err).toBe('');
    const out = JSON.parse(r.out) as {
      mediaFiles: number;
      conversation: { name: string };
      report: { notices: { code: string; line: number }[] };
    };
    expect(out.conversation.name).toBe('Night Shift');
    expect(out.mediaFiles).toBe(1);
    expect(out.report.notices).toContainEqual(expect.objectContaining({ code: 'media_missing', line: 2 }));
    const shown = await ws.json<{ files: { pathInArchive: string; role: string; sha256: string }[] }>([
      'exhibit',
      'show',
      'Op Test',
      'AB/3',
    ]);
    expect(shown.files.map((f) => [f.pathInArchive, f.role]).sort()).toEqual([
      ['IMG-20220201-WA0001.jpg', 'media'],
      ['WhatsApp Chat with Night Shift.txt', 'chat'],
    ]);
    const msgs = jsonl(
      (await ws.cli(['messages', 'Op Test', '--jsonl', '--sender', 'PC Amy Cole'])).out,
    ) as unknown as {
      media: { fileName: string; stored: boolean };
    }[];
    expect(msgs.map((m) => m.media)).toEqual([
      expect.objectContaining({ fileName: 'IMG-20220201-WA0001.jpg', stored: true }),
      expect.objectContaining({ fileName: 'VID-20220213-WA0002.mp4', stored: false }),
    ]);
  });

  it('names an iOS export by the group that authors its system lines, and never makes the group a member', async () => {
    await ws.cli(['case', 'create', 'Op Group']);
    const p = file(
      'group-export.txt',
      [
        '[14.08.2024, 21:00:10] My Group: Boris added you',
        '[14.08.2024, 21:01:10] Boris: welcome',
        '[14.08.2024, 21:02:10] My Group: \u200eBoris added Alice',
        '[15.08.2024, 21:02:10] Alice: hi all',
      ].join('\n'),
    );
    const add = await ws.json<{ conversation: { name: string } }>([
      'exhibit',
      'add',
      'Op Group',
      p,
      '--ref',
      'G/1',
      '--date-order',
      'dmy',
      '--json',
    ]);
    expect(add.conversation.name).toBe('My Group');
    const msgs = (await ws.cli(['messages', 'Op Group', '--jsonl'])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; sender: string | null; displayedAuthor: string | null });
    // System lines have no sender; the name they were written under is kept as written; the group
    // is not a person.
    expect(msgs.map((m) => [m.kind, m.sender, m.displayedAuthor])).toEqual([
      ['system', null, 'My Group'],
      ['text', 'Boris', null],
      ['system', null, 'My Group'],
      ['text', 'Alice', null],
    ]);
    const membership = await ws.json<{ timelines: { intervals: { participant: string }[] }[] }>([
      'membership',
      'Op Group',
      '--json',
    ]);
    const members = membership.timelines.flatMap((t) => t.intervals.map((i) => i.participant));
    expect(members).not.toContain('My Group');
    expect(members).toEqual(expect.arrayContaining(['Boris', 'Alice', 'You']));
  });

  it('verify re-hashes every original and fails on a changed one', async () => {
    const ok = await ws.cli(['verify']);
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('chain intact');
    const shown = await ws.json<{ exhibit: { storedPath: string } }>(['exhibit', 'show', 'Op Test', 'AB/1']);
    const stored = path.join(ws.dir, shown.exhibit.storedPath);
    chmodSync(stored, 0o644);
    writeFileSync(stored, `${CHAT}\n13/03/2021, 09:14 - PC Dan Hughes: inserted later`);
    const bad = await ws.cli(['verify', '--json']);
    expect(bad.code).toBe(1);
    const outcome = JSON.parse(bad.out) as { ok: boolean; files: { exhibit: string; ok: boolean }[] };
    expect(outcome.ok).toBe(false);
    expect(outcome.files.filter((f) => !f.ok).map((f) => f.exhibit)).toEqual(['AB/1']);
    writeFileSync(stored, CHAT);
    expect((await ws.cli(['verify'])).code).toBe(0);
  });
});

describe.each(BACKENDS)('bad input on %s: a clear error, a non-zero exit, nothing written', (backend) => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await makeWorkspace(backend);
    await ws.cli(['case', 'create', 'Bad']);
  });
  afterAll(async () => ws.cleanup());

  const cases: Array<[string, () => string, RegExp, NodeJS.ProcessEnv?]> = [
    ['an empty file', () => file('empty.txt', ''), /empty\.txt: the file is empty/],
    [
      'binary bytes named .txt',
      () => file('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0xff, 0xfe, 0])),
      /photo\.txt: binary data/,
    ],
    [
      'ordinary prose',
      () => file('prose.txt', 'Dear Sir,\nPlease find attached the statement.\nRegards'),
      /prose\.txt: no WhatsApp message header in 3 line/,
    ],
    [
      'a date order the file cannot decide',
      () => file('undecidable.txt', '01/02/2021, 10:00 - A: x\n01/02/2021, 10:01 - B: y'),
      /undecidable\.txt.*--date-order/,
    ],
    [
      'a zip entry escaping its folder',
      () => file('escape.zip', makeZip({ '_chat.txt': '13/03/2021, 09:10 - A: x', '../../evil.txt': 'x' })),
      /escape\.zip: zip entry "\.\.\/\.\.\/evil\.txt" (would escape its folder|escapes the archive)/,
    ],
    [
      'a zip that expands past the size limit',
      () =>
        file(
          'bomb.zip',
          makeZip({ '_chat.txt': '13/03/2021, 09:10 - A: x', 'big.bin': new Uint8Array(200_000) }),
        ),
      /bomb\.zip: zip expands past the size limit of 100000 bytes/,
      { SCRUTINEER_MAX_ZIP_BYTES: '100000' },
    ],
    [
      'a zip with no chat text',
      () => file('nochat.zip', makeZip({ 'IMG-1.jpg': 'x', 'IMG-2.jpg': 'y' })),
      /nochat\.zip: the zip holds no chat text/,
    ],
    [
      'a file that does not exist',
      () => path.join(scratch, 'missing.txt'),
      /missing\.txt: cannot be read \(ENOENT\)/,
    ],
    [
      'a corrupt zip',
      () => file('corrupt.zip', Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)])),
      /corrupt\.zip: not a readable zip archive/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, message, env) => {
    const p = make();
    const r = await ws.cli(['exhibit', 'add', 'Bad', p, '--ref', 'X/1'], env);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(message);
    expect(r.err).not.toContain('internal error');
    const stats = await ws.json<{ messages: number }>(['stats', 'Bad']);
    expect(stats.messages).toBe(0);
    expect(await ws.json<unknown[]>(['exhibit', 'list', 'Bad'])).toEqual([]);
    expect(storedFiles(ws)).toEqual([]);
  });

  it('decodes UTF-16 exports instead of refusing them', async () => {
    const text = '13/03/2021, 09:10 - PC Dan Hughes: morning ☕\r\n13/03/2021, 09:11 - Sgt Kate Morris: hi';
    const p = file('utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const r = await ws.json<{ messages: number; report: { encoding: string } }>([
      'exhibit',
      'add',
      'Bad',
      p,
      '--ref',
      'U/1',
    ]);
    expect(r.messages).toBe(2);
    expect(r.report.encoding).toBe('utf-16le');
    const msgs = jsonl((await ws.cli(['messages', 'Bad', '--jsonl'])).out);
    expect(msgs.map((m) => m.text)).toEqual(['morning ☕', 'hi']);
  });

  it('uses a declared date order where the file cannot decide', async () => {
    const p = file('declared.txt', '01/02/2021, 10:00 - A: x\n01/02/2021, 10:01 - B: y');
    const r = await ws.json<{ exhibit: { dateOrder: string } }>([
      'exhibit',
      'add',
      'Bad',
      p,
      '--ref',
      'D/1',
      '--date-order',
      'mdy',
    ]);
    expect(r.exhibit.dateOrder).toBe('mdy');
    const msgs = jsonl((await ws.cli(['messages', 'Bad', '--jsonl', '--sender', 'A'])).out);
    expect(msgs[0]?.utc).toBe('2021-01-02T10:00:00.000Z');
  });

  it('refuses an unknown case, time zone or date order', async () => {
    const p = file('ok.txt', '13/03/2021, 09:10 - A: x');
    expect((await ws.cli(['exhibit', 'add', 'Nope', p, '--ref', 'N/1'])).err).toContain('no case "Nope"');
    expect(
      (await ws.cli(['exhibit', 'add', 'Bad', p, '--ref', 'N/1', '--timezone', 'Mars/Olympus'])).err,
    ).toContain('unknown time zone');
    expect((await ws.cli(['exhibit', 'add', 'Bad', p, '--ref', 'N/1', '--date-order', 'dym'])).err).toContain(
      '--date-order',
    );
  });
});
