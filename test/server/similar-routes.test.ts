/** "More like this" through the API (issue 14.3): case members only, most alike first. */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { eachBackend } from '../support/each-backend.js';
import { makeWorld, type Session, type World } from '../support/world.js';
import type { Backend } from '../support/backends.js';
import type { SimilarResponseT } from '../../src/contract/similar-schemas.js';

type Similar = SimilarResponseT;

eachBackend('More like this (API)', (backend: Backend) => {
  let w: World;
  let ro: Session;
  beforeAll(async () => {
    w = await makeWorld(backend);
    ro = await w.login('readonly1');
  });
  afterAll(async () => {
    await w.app.close();
    await backend.cleanup();
  });

  const get = (s: Session, caseId: number, id: number, q = '') =>
    w.app.inject({
      method: 'GET',
      url: `/api/cases/${caseId}/messages/${id}/similar${q}`,
      headers: { cookie: s.cookie },
    });

  it('lists messages like the one asked about, first the ones that share its words', async () => {
    // Message 14 reads "banana split number 14": the other "banana split" messages are most alike.
    const res = await get(ro, w.a.caseId, w.a.messageIds[14]!, '?limit=10');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Similar;
    expect(body.messageId).toBe(w.a.messageIds[14]);
    expect(body.similar).toHaveLength(10);
    const seqOf = new Map(w.a.messageIds.map((id, seq) => [id, seq]));
    for (const s of body.similar) expect(seqOf.get(s.messageId)! % 7).toBe(0);
    expect(body.similar.map((s) => s.messageId)).not.toContain(w.a.messageIds[14]);
    // The messages themselves come with the ranking, in its order, so the web app lists them in one call.
    expect(body.messages.map((m) => m.id)).toEqual(body.similar.map((s) => s.messageId));
    for (const m of body.messages) expect(m.text).toMatch(/banana split/);
    // A look-up, reproducible: the same question gives the same answer.
    const again = (await get(ro, w.a.caseId, w.a.messageIds[14]!, '?limit=10')).json() as Similar;
    expect(again).toEqual(body);
  });

  it('refuses people outside the case, and messages of another case', async () => {
    const outsider = await w.login('outsider');
    expect((await get(outsider, w.a.caseId, w.a.messageIds[14]!)).statusCode).toBe(403);
    const wrong = await get(ro, w.a.caseId, w.b.messageIds[0]!);
    expect(wrong.statusCode).toBe(404);
    expect((await get(ro, w.a.caseId, w.a.messageIds[14]!, '?limit=0')).statusCode).toBe(400);
  });
});
