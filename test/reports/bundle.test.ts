import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open-store.js';
import { PdfReport } from '../../src/reports/pdf.js';
import { textRuns } from '../../src/reports/fonts.js';
import { BACKENDS, PG_SKIPPED } from '../support/cli.js';
import {
  demoCase,
  pdfPages,
  pdfText,
  POPPLER_SKIPPED,
  renderPages,
  ARTIFACTS,
  type DemoCase,
} from '../support/demo-case.js';
import { writeFileSync, mkdirSync } from 'node:fs';

interface Person {
  person: string;
  name: string;
  sentOffensive: number;
  receivedOffensiveWhileMember: number;
}
interface Msg {
  id: number;
  text: string;
  sender: string | null;
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** pdftotext wraps long lines: compare text with all whitespace removed. */
const squash = (s: string) => s.replace(/\s+/gu, '');

describe('fonts: every script drawn, every emoji drawn or named', () => {
  it('splits text into runs by the font that has the glyphs', () => {
    const runs = textRuns('Hi 😂 Ελληνικά Кириллица مرحبا 🥲 🇬🇧 👨‍👩‍👧\u200E');
    const joined = runs.map((r) => r.text).join('');
    expect(runs.some((r) => r.font === 'emoji' && r.text.includes('😂'))).toBe(true);
    expect(runs.some((r) => r.font === 'emoji' && r.text.includes('🥲'))).toBe(true);
    expect(joined).toContain('Ελληνικά Кириллица');
    expect(joined).toContain('[flag United Kingdom]');
    expect(joined).toContain('[family man, woman, girl]');
    expect(joined).toContain('مرحبا');
    expect(joined).not.toContain('\u200E');
  });

  it.skipIf(POPPLER_SKIPPED)(
    'writes Greek, Cyrillic, Arabic and emoji into a PDF that reads back',
    async () => {
      const pdf = new PdfReport({
        title: 't',
        subject: 's',
        author: 'a',
        date: new Date('2021-03-01T00:00:00Z'),
        footer: 'scripts',
      });
      pdf.paragraph('Ελληνικά Кириллица مرحبا café 😂 👍 🥲 🇬🇧');
      const bytes = await pdf.finish();
      mkdirSync(ARTIFACTS, { recursive: true });
      const file = path.join(ARTIFACTS, 'scripts.pdf');
      writeFileSync(file, bytes);
      const text = pdfText(file);
      expect(text).toContain('Ελληνικά');
      expect(text).toContain('Кириллица');
      expect(text).toMatch(/\p{Script=Arabic}/u);
      expect(text).toContain('😂');
      expect(text).toContain('🥲');
      expect(text).toContain('[flag United Kingdom]');
      renderPages(file, 'scripts', 1, 1);
    },
  );
});

if (PG_SKIPPED) describe.skip(`bundle on PostgreSQL (${PG_SKIPPED})`, () => undefined);
if (POPPLER_SKIPPED) describe.skip(`bundle PDFs (${POPPLER_SKIPPED})`, () => undefined);

describe.each(POPPLER_SKIPPED ? [] : BACKENDS)('evidence bundle on %s', (backend) => {
  let d: DemoCase;
  let people: Person[];
  beforeAll(async () => {
    d = await demoCase(backend);
    people = (await d.ws.json<{ people: Person[] }>(['conduct', 'Lantern'])).people;
  }, 120_000);
  afterAll(async () => d.ws.cleanup());

  it('writes the bundle: cover, exhibits with hash, relevant messages verbatim with context, manifest, page numbers, sidecar hash and audit entry', async () => {
    const subject = people.find((p) => p.name === 'Lee Barker')!;
    expect(subject.sentOffensive).toBeGreaterThan(0);
    const offensive = await d.ws.json<{ offensiveMessages: { messageId: number; sender: string }[] }>([
      'conduct',
      'Lantern',
    ]);
    const sent = offensive.offensiveMessages
      .filter((o) => o.sender === subject.person)
      .map((o) => o.messageId);

    // A reviewer decision on one of them, where this store has coding.
    const store = await openStore({ workspace: d.ws.dir, databaseUrl: d.ws.databaseUrl });
    const codes = (store as unknown as { codes?: { write(i: unknown): Promise<unknown> } }).codes;
    if (codes)
      await codes.write({
        messageId: sent[0],
        caseId: 1,
        baseVersion: 0,
        values: {
          decision: 'offensive',
          categories: ['disability'],
          standards: [],
          potentialS127: true,
          note: 'checked',
        },
        by: 'reviewer1',
      });

    const file = path.join(d.dir, `bundle-${backend}.pdf`);
    const r = await d.ws.cli(['report', 'bundle', 'Lantern', '--person', 'Lee Barker', '-o', file, '--json']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out) as { sha256: string; pages: number; relevant: number };
    const bytes = readFileSync(file);
    expect(out.sha256).toBe(sha(bytes));
    expect(readFileSync(`${file}.sha256`, 'utf8')).toBe(`${out.sha256}  bundle-${backend}.pdf\n`);
    expect(pdfPages(file)).toBe(out.pages);
    expect(out.pages).toBeGreaterThan(3);

    const text = pdfText(file);
    const flat = squash(text);
    const exhibit = (await d.ws.json<{ sha256: string }[]>(['exhibit', 'list', 'Lantern']))[0]!;
    expect(flat).toContain(exhibit.sha256);
    expect(text).toContain('Evidence bundle: Lee Barker');
    expect(text).toContain('Manifest');
    expect(text).toContain(`page ${out.pages} of ${out.pages}`);
    const msgs = (await d.ws.cli(['messages', 'Lantern', '--jsonl'])).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Msg);
    const byId = new Map(msgs.map((m) => [m.id, m]));
    for (const id of sent) {
      expect(flat).toContain(squash(`#${id} · Lee Barker`));
      expect(flat).toContain(squash(byId.get(id)!.text));
    }
    // Context: the message before the first relevant one is there too.
    const before = msgs[msgs.findIndex((m) => m.id === sent[0]) - 1]!;
    expect(flat).toContain(squash(`#${before.id} ·`));
    // Emoji in names and text survive (drawn in Noto Emoji, extracted as the character).
    expect(text).toContain('🚔');
    expect(text).toContain(
      codes ? 'Reviewer decision: offensive (disability)' : 'Reviewer decision: not coded',
    );
    expect(text).toMatch(/Flagged \(score \d\.\d\d/u);

    renderPages(file, `bundle-${backend}`, 1, 5);
    expect(
      existsSync(path.join(ARTIFACTS, `bundle-${backend}-01.png`)) ||
        existsSync(path.join(ARTIFACTS, `bundle-${backend}-1.png`)),
    ).toBe(true);

    const audit = await store.audit.list({ caseId: 1, limit: 1000 });
    const entry = audit.filter((e) => e.action === 'report.bundle').pop()!;
    expect(JSON.parse(entry.detailJson)).toMatchObject({ sha256: out.sha256, pages: out.pages });
    await store.close();
  });

  it('is reproducible: the same inputs give the same bytes', async () => {
    const a = path.join(d.dir, 'a.pdf');
    const b = path.join(d.dir, 'b.pdf');
    expect((await d.ws.cli(['report', 'bundle', 'Lantern', '--person', 'Tom Reid 🚔', '-o', a])).code).toBe(
      0,
    );
    expect((await d.ws.cli(['report', 'bundle', 'Lantern', '--person', 'Tom Reid 🚔', '-o', b])).code).toBe(
      0,
    );
    expect(sha(readFileSync(a))).toBe(sha(readFileSync(b)));
    const c = path.join(d.dir, 'c.pdf');
    expect(
      (await d.ws.cli(['report', 'bundle', 'Lantern', '--person', 'Tom Reid 🚔', '--context', '1', '-o', c]))
        .code,
    ).toBe(0);
    expect(sha(readFileSync(c))).not.toBe(sha(readFileSync(a)));
  });

  it('names the subject by person id or name once identified, and refuses an unknown one', async () => {
    const add = await d.ws.json<{ id: number }>([
      'person',
      'add',
      'Lantern',
      '--name',
      'PC Ryan Clarke',
      '--role',
      'subject',
    ]);
    const ident = await d.ws.json<{ participants: { participant: number; name: string }[] }>([
      'identify',
      'Lantern',
    ]);
    const p = ident.participants.find((x) => x.name === 'Ryan Clarke')!;
    expect(
      (
        await d.ws.cli([
          'identify',
          'Lantern',
          '--confirm',
          String(p.participant),
          '--person',
          String(add.id),
        ])
      ).code,
    ).toBe(0);
    const file = path.join(d.dir, 'ryan.pdf');
    const r = await d.ws.cli(['report', 'bundle', 'Lantern', '--person', String(add.id), '-o', file]);
    expect(r.code).toBe(0);
    expect(pdfText(file)).toContain('Evidence bundle: PC Ryan Clarke');
    const bad = await d.ws.cli(['report', 'bundle', 'Lantern', '--person', 'Nobody', '-o', file]);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/no person or participant "Nobody"/u);
    const ext = await d.ws.cli([
      'report',
      'bundle',
      'Lantern',
      '--person',
      'Lee Barker',
      '-o',
      path.join(d.dir, 'x.doc'),
    ]);
    expect(ext.code).toBe(1);
  });
});
