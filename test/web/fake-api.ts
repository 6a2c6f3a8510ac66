/**
 * A synthetic review API (docs/api.md) that fabricates messages by seq, so the web app can be driven
 * in a browser against a conversation of any size (a million messages) without importing one. It
 * also serves the built app from web/dist. Used by the browser tests and bench/web-thread.ts; the
 * real server is src/server/.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

import { CodeBody, type CodeT, type MessageT } from '../../src/contract/schemas.js';

export interface FakeApiOptions {
  /** Messages in the one conversation. */
  readonly total: number;
  readonly distDir?: string;
}

export interface FakeApi {
  readonly url: string;
  readonly server: Server;
  /** Counts of message-window requests (by `from`), to check only visible windows are fetched. */
  readonly windowRequests: number[];
  readonly codes: Map<number, FakeCode>;
  readonly reviewed: Set<number>;
  /** Makes the next PUT on this message answer 409 (someone else saved first). */
  conflictNext(messageId: number): void;
  close(): Promise<void>;
}

type FakeCode = CodeT;

const SENDERS = [
  'PC Ashdown',
  'PS Brennan',
  'PC Carver',
  'DC Dunmore',
  'PC Ellery',
  'PC Fenwick',
  'Insp Garside',
];
const WORDS =
  'shift briefing van custody handover report radio overtime canteen patrol response paperwork station sarge'.split(
    ' ',
  );
const CSRF = 'fake-csrf-token';
const BASE_UTC = Date.UTC(2021, 0, 4, 8, 0, 0);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The message at `seq`: deterministic, with every feature the thread view shows somewhere. */
export function fakeMessage(seq: number, codes: Map<number, FakeCode>, reviewed: Set<number>): MessageT {
  const id = seq + 1;
  const utcMs = BASE_UTC + seq * 97_000;
  const d = new Date(utcMs);
  const local = `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}, ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  const system = seq % 50 === 7;
  const media = !system && seq % 37 === 5;
  const flagged = !system && seq % 13 === 4;
  const sender = system ? null : (SENDERS[(seq * 7 + (seq >> 3)) % SENDERS.length] ?? null);
  const words = Array.from({ length: 4 + (seq % 17) }, (_, i) => WORDS[(seq + i * 5) % WORDS.length]).join(
    ' ',
  );
  let text = system ? `${SENDERS[seq % SENDERS.length]} added PC Newman` : `Message ${seq + 1}: ${words}`;
  const spans: Array<{ start: number; end: number; text: string; category: string; reason: string }> = [];
  if (flagged) {
    const term = 'vermin';
    text = `${text} they are ${term}`;
    const start = text.length - term.length;
    spans.push({
      start,
      end: text.length,
      text: term,
      category: 'other_derogatory',
      reason: 'dehumanising term',
    });
  }
  return {
    id,
    seq,
    conversationId: 1,
    sender,
    kind: system ? 'system' : media ? 'media' : 'text',
    text: media ? '' : text,
    localTime: local,
    zone: 'Europe/London',
    utc: d.toISOString(),
    timeResolution: 'exact',
    edited: seq % 19 === 3,
    media: media
      ? {
          fileName: `IMG-2021${pad(seq % 12)}-WA00${seq % 100}.jpg`,
          omitted: true,
          caption: null,
          stored: false,
        }
      : null,
    exhibit: 'DEMO/1',
    lineStart: seq + 2,
    lineEnd: seq + 2,
    keyId: `K${seq}`,
    replyTo:
      seq % 23 === 9 && seq >= 3
        ? { keyId: `K${seq - 3}`, text: `Message ${seq - 2}: …`, senderJid: null }
        : null,
    reactions:
      seq % 11 === 2
        ? [
            { sender: 'PC Carver', senderJid: null, emoji: '😂', utc: null },
            { sender: 'PC Ellery', senderJid: null, emoji: '😂', utc: null },
          ]
        : [],
    deleted: false,
    deletedBy: null,
    editedAt: null,
    fromOwner: false,
    displayedAuthor: null,
    poll: null,
    location: null,
    system: null,
    flag: flagged
      ? { score: 0.91, flagged: true, categories: [{ name: 'other_derogatory', score: 0.91 }], spans }
      : { score: 0.02, flagged: false, categories: [], spans: [] },
    code: codes.get(id) ?? null,
    reviewed: reviewed.has(seq) || codes.has(id),
    blind: false,
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const s = Buffer.concat(chunks).toString('utf8');
  return s ? (JSON.parse(s) as Record<string, unknown>) : {};
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
};

export async function startFakeApi(opts: FakeApiOptions): Promise<FakeApi> {
  const dist = resolve(opts.distDir ?? 'web/dist');
  const total = opts.total;
  const codes = new Map<number, FakeCode>();
  const reviewed = new Set<number>();
  const windowRequests: number[] = [];
  const conflicts = new Set<number>();
  let loggedIn = false;
  const user = { id: 1, username: 'demo-reviewer', role: 'reviewer' };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const p = url.pathname;
      if (!p.startsWith('/api/')) {
        const file = normalize(join(dist, p === '/' ? 'index.html' : p));
        if (!file.startsWith(dist) || !existsSync(file) || !statSync(file).isFile())
          return send(res, 404, {});
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        createReadStream(file).pipe(res);
        return;
      }
      if (req.method !== 'GET' && req.headers['x-csrf-token'] !== CSRF && p !== '/api/login')
        return send(res, 403, { error: { code: 'csrf', message: 'missing CSRF token' } });
      if (p === '/api/login' && req.method === 'POST') {
        const b = await readJson(req);
        if (b.password !== 'demo-password')
          return send(res, 401, { error: { code: 'login', message: 'no' } });
        loggedIn = true;
        res.setHeader('set-cookie', 'scrutineer_session=fake; HttpOnly; SameSite=Strict; Path=/');
        return send(res, 200, { user, csrfToken: CSRF });
      }
      if (!loggedIn) return send(res, 401, { error: { code: 'session', message: 'sign in' } });
      if (p === '/api/me') return send(res, 200, { user, csrfToken: CSRF });
      if (p === '/api/logout') {
        loggedIn = false;
        return send(res, 200, { ok: true });
      }
      const coverage = () =>
        (reviewed.size + [...codes.keys()].filter((id) => !reviewed.has(id - 1)).length) / total;
      if (p === '/api/cases')
        return send(res, 200, {
          cases: [
            {
              id: 1,
              name: 'Operation Synthetic',
              messages: total,
              exhibits: 1,
              reviewed: Math.round(coverage() * total),
              coverage: coverage(),
            },
          ],
        });
      if (p === '/api/cases/1')
        return send(res, 200, {
          case: { id: 1, name: 'Operation Synthetic' },
          messages: total,
          reviewed: Math.round(coverage() * total),
          coverage: coverage(),
          flagsByCategory: { other_derogatory: Math.ceil(total / 13) },
          activity: SENDERS.flatMap((s, i) =>
            ['2021-01', '2021-02'].map((month) => ({ sender: s, month, messages: 40 + i * 9 })),
          ),
          conversations: [{ id: 1, name: 'Team 3 Response', messages: total, participants: SENDERS.length }],
          exhibits: [
            {
              id: 1,
              ref: 'DEMO/1',
              originalName: 'WhatsApp Chat with Team 3 Response.txt',
              sha256: 'ab'.repeat(32),
            },
          ],
        });
      let m = /^\/api\/conversations\/1\/(messages|seq|next-flag|reviewed)$/.exec(p);
      if (m?.[1] === 'messages') {
        const from = Number(url.searchParams.get('from') ?? 0);
        const limit = Math.min(500, Number(url.searchParams.get('limit') ?? 200));
        windowRequests.push(from);
        const messages = [];
        for (let s = from; s < Math.min(total, from + limit); s++)
          messages.push(fakeMessage(s, codes, reviewed));
        return send(res, 200, { total, messages });
      }
      if (m?.[1] === 'seq') {
        const t = Date.parse(url.searchParams.get('utc') ?? '');
        const seq = Math.max(0, Math.ceil((t - BASE_UTC) / 97_000));
        return send(res, 200, { seq: seq < total ? seq : null });
      }
      if (m?.[1] === 'next-flag') {
        const after = Number(url.searchParams.get('after') ?? -1);
        let s = after + 1;
        while (s < total && s % 13 !== 4) s++;
        return send(res, 200, { seq: s < total ? s : null });
      }
      if (m?.[1] === 'reviewed' && req.method === 'POST') {
        const b = await readJson(req);
        let marked = 0;
        for (let s = Number(b.fromSeq); s <= Number(b.toSeq); s++) {
          if (reviewed.has(s)) continue;
          reviewed.add(s);
          marked++;
        }
        return send(res, 200, { marked });
      }
      m = /^\/api\/messages\/(\d+)\/code$/.exec(p);
      if (m && req.method === 'PUT') {
        const id = Number(m[1]);
        // Read as the real server reads it (the contract's schema), so the web app's bodies are checked.
        const parsed = CodeBody.safeParse(await readJson(req));
        if (!parsed.success)
          return send(res, 400, { error: { code: 'bad_request', message: parsed.error.message } });
        const b = parsed.data;
        const current = codes.get(id);
        if (conflicts.delete(id)) {
          const theirs: FakeCode = {
            messageId: id,
            decision: 'unsure',
            categories: [],
            standards: [],
            potentialS127: false,
            note: 'Coded meanwhile by another reviewer',
            version: (current?.version ?? 0) + 1,
            by: 'other-reviewer',
            at: new Date().toISOString(),
          };
          codes.set(id, theirs);
          return send(res, 409, {
            error: { code: 'conflict', message: 'edited meanwhile' },
            current: theirs,
            yours: b,
          });
        }
        if ((current?.version ?? 0) !== b.baseVersion)
          return send(res, 409, {
            error: { code: 'conflict', message: 'edited meanwhile' },
            current,
            yours: b,
          });
        const code: FakeCode = {
          messageId: id,
          decision: b.decision,
          categories: b.categories,
          standards: b.standards,
          potentialS127: b.potentialS127,
          note: b.note,
          version: (current?.version ?? 0) + 1,
          by: user.username,
          at: new Date().toISOString(),
        };
        codes.set(id, code);
        return send(res, 200, { code });
      }
      if (/^\/api\/cases\/1\/search$/.test(p)) {
        const q = (url.searchParams.get('q') ?? '').toLowerCase().replace(/[*"]/g, '');
        const hits = [];
        for (let s = 0; s < Math.min(total, 5000) && hits.length < 50; s++) {
          const msg = fakeMessage(s, codes, reviewed);
          if (!q || msg.text.toLowerCase().includes(q)) hits.push(msg);
        }
        return send(res, 200, { hits, next: null });
      }
      return send(res, 404, { error: { code: 'not_found', message: p } });
    })().catch((err: unknown) => send(res, 500, { error: { code: 'internal', message: String(err) } }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    windowRequests,
    codes,
    reviewed,
    conflictNext: (id) => void conflicts.add(id),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
