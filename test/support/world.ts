/** A small review world on a real store: two cases, users of every role, flagged messages, a server. */
import { createHash } from 'node:crypto';

import type { FastifyInstance } from 'fastify';

import { addCaseMember, addUser } from '../../src/review/users.js';
import { buildServer } from '../../src/server/index.js';
import type { Store } from '../../src/store/open-store.js';
import type { Role } from '../../src/contract/roles.js';
import type { Backend } from './backends.js';
import { parsed, rows, seed, type Seeded } from './store-fixtures.js';

export const PASSWORD = 'correct horse battery staple';

export interface World {
  readonly store: Store;
  readonly app: FastifyInstance;
  readonly a: Seeded & { messageIds: number[] };
  readonly b: Seeded & { messageIds: number[] };
  login(username: string): Promise<Session>;
}

export interface Session {
  readonly cookie: string;
  readonly csrf: string;
  readonly token: string;
}

export const A_MESSAGES = 200;
export const B_MESSAGES = 20;
export const USERS: readonly { username: string; role: Role; cases: ('a' | 'b')[] }[] = [
  { username: 'admin1', role: 'admin', cases: [] },
  { username: 'lead1', role: 'lead', cases: ['a'] },
  { username: 'reviewer1', role: 'reviewer', cases: ['a'] },
  { username: 'reviewer2', role: 'reviewer', cases: ['a'] },
  { username: 'readonly1', role: 'readonly', cases: ['a'] },
  { username: 'outsider', role: 'reviewer', cases: ['b'] },
];

const SENDERS = ['Alice', 'Bob', 'Carol'];
export const utcOf = (i: number): string => new Date(Date.UTC(2023, 3, 1) + i * 3_600_000).toISOString();
/** Messages whose seq % 10 === 3 are flagged; "race" when seq % 20 === 3, else "misogyny". */
export const isFlagged = (seq: number): boolean => seq % 10 === 3;

async function fill(store: Store, s: Seeded, n: number): Promise<number[]> {
  const ids = await store.transaction((repos) =>
    repos.messages.insertMany(
      rows(
        s,
        Array.from({ length: n }, (_, i) =>
          parsed({
            seq: i,
            sender: SENDERS[i % 3]!,
            text: i % 7 === 0 ? `banana split number ${i}` : `message number ${i}`,
            utc: utcOf(i),
          }),
        ),
      ),
    ),
  );
  const run = await store.flags.startRun({ caseId: s.caseId, actor: 'test', version: {}, termListId: null });
  await store.flags.insertMany(
    ids.map((messageId, seq) => ({
      runId: run.id,
      caseId: s.caseId,
      messageId,
      score: isFlagged(seq) ? 0.9 : 0.1,
      flagged: isFlagged(seq),
      categories: isFlagged(seq) ? [{ name: seq % 20 === 3 ? 'race' : 'misogyny', score: 0.9 }] : [],
      spans: isFlagged(seq) ? [{ start: 0, end: 7, text: 'message', category: 'race', reason: 'test' }] : [],
    })),
  );
  await store.flags.finishRun(run.id, { messages: n, flagged: ids.filter((_, i) => isFlagged(i)).length });
  return ids;
}

export async function makeWorld(
  backend: Backend,
  opts: { webRoot?: string | null; logger?: boolean | Record<string, unknown> } = {},
): Promise<World> {
  const { store } = await backend.open();
  const a = await seed(store, 'Op Alpha');
  const b = await seed(store, 'Op Beta');
  const aIds = await fill(store, a, A_MESSAGES);
  const bIds = await fill(store, b, B_MESSAGES);
  for (const u of USERS) {
    await addUser(store, { username: u.username, password: PASSWORD, role: u.role, actor: 'test' });
    for (const c of u.cases) {
      await addCaseMember(store, { caseId: (c === 'a' ? a : b).caseId, username: u.username, actor: 'test' });
    }
  }
  const app = await buildServer({
    store,
    workspace: '/nonexistent',
    webRoot: opts.webRoot ?? null,
    ...(opts.logger === undefined ? {} : { logger: opts.logger }),
  });
  const sessions = new Map<string, Session>();
  return {
    store,
    app,
    a: { ...a, messageIds: aIds },
    b: { ...b, messageIds: bIds },
    async login(username) {
      const cached = sessions.get(username);
      if (cached) return cached;
      const res = await app.inject({
        method: 'POST',
        url: '/api/login',
        payload: { username, password: PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const cookie = res.cookies.find((c) => c.name === 'scrutineer_session')!;
      const session = {
        cookie: `scrutineer_session=${cookie.value}`,
        csrf: (res.json() as { csrfToken: string }).csrfToken,
        token: cookie.value,
      };
      sessions.set(username, session);
      return session;
    },
  };
}

export const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
