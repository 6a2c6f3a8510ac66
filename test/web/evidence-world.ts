/**
 * The demo plus small cases made for the thread's browser tests (issue 18, issue 21.9): an export
 * with a removed officer, a daylight-saving night and an edited message; an export whose senders
 * have hostile names; an export with 50 senders; an Android msgstore.db with system events, polls,
 * locations, replies and reactions. The demo users are members of each; `outsider` only of the
 * 50-sender case.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD } from '../../src/review/demo-users.js';
import { addCaseMember, addUser } from '../../src/review/users.js';
import { buildMsgstoreCurrent, buildWaDb } from '../support/fixtures/device/android.js';
import { buildModel } from '../support/fixtures/device/model.js';
import type { Page } from 'playwright-core';
import { openDemoInBrowser, signIn, type DemoInBrowser } from './browser.js';

export const KESTREL = 'Op Kestrel (test)';
export const HOSTILE = 'Op Hostile (test)';
export const FIFTY = 'Op Fifty (test)';
export const DEVICE = 'Op Device (test)';
export const OUTSIDER = 'outsider';

export const HOSTILE_LINK = '<a href=https://evil.example/login>login again</a>';
export const HOSTILE_IMG = '<img src=x onerror=window.__pwned=1>';

/** Europe/London. 26 March 2023 is the spring-forward night: 00:30 BST on the 27th is 23:30 UTC on the 26th. */
export const KESTREL_CHAT = [
  '01/03/2023, 09:00 - Sgt Grant created group "Team 3"',
  '01/03/2023, 09:01 - Sgt Grant added PC Reid',
  '01/03/2023, 09:02 - Sgt Grant added PC Cole',
  '01/03/2023, 09:05 - PC Reid: morning all',
  '01/03/2023, 09:06 - PC Cole: morning',
  '02/03/2023, 10:00 - Sgt Grant removed PC Reid',
  '26/03/2023, 23:30 - PC Cole: late one tonight',
  '27/03/2023, 00:30 - Sgt Grant: after midnight',
  '15/06/2023, 08:00 - PC Cole: fixed that typo <This message was edited>',
  '15/06/2023, 08:01 - Sgt Grant: the last message',
  '',
].join('\n');

const HOSTILE_CHAT = [
  `14/04/2023, 10:00 - ${HOSTILE_LINK}: hello`,
  `14/04/2023, 10:01 - ${HOSTILE_IMG}: hi there`,
  `20/04/2023, 10:02 - ${HOSTILE_LINK}: bye`,
  '',
].join('\n');

export const FIFTY_SENDERS = Array.from(
  { length: 50 },
  (_, i) => `Officer ${String(i + 1).padStart(2, '0')}`,
);
const FIFTY_CHAT = `${FIFTY_SENDERS.map(
  (s, i) =>
    `13/05/2023, ${String(10 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} - ${s}: message ${i + 1}`,
).join('\n')}\n`;

export const DEVICE_MODEL = buildModel(7);

export interface EvidenceWorld extends DemoInBrowser {
  readonly cases: { kestrel: number; hostile: number; fifty: number; device: number };
}

export async function openEvidenceWorld(): Promise<EvidenceWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'scrutineer-web-evidence-'));
  const file = (name: string, text: string) => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const msgstore = join(dir, 'msgstore.db');
  buildMsgstoreCurrent(DEVICE_MODEL, msgstore);
  const contacts = join(dir, 'wa.db');
  buildWaDb(DEVICE_MODEL, contacts);
  const add = (name: string, path: string, ref: string, ...more: string[]) => [
    ['case', 'create', name],
    ['exhibit', 'add', name, path, '--ref', ref, '--timezone', 'Europe/London', ...more],
  ];
  const cases = { kestrel: 0, hostile: 0, fifty: 0, device: 0 };
  const demo = await openDemoInBrowser({
    cli: [
      ...add(KESTREL, file('WhatsApp Chat with Team 3.txt', KESTREL_CHAT), 'K/1'),
      ...add(HOSTILE, file('WhatsApp Chat with Hostile.txt', HOSTILE_CHAT), 'H/1'),
      ...add(FIFTY, file('WhatsApp Chat with Fifty.txt', FIFTY_CHAT), 'F/1'),
      ...add(
        DEVICE,
        msgstore,
        'D/1',
        '--owner',
        DEVICE_MODEL.owner.phone,
        '--owner-name',
        DEVICE_MODEL.ownerName,
        '--contacts',
        contacts,
      ),
    ],
    prepare: async (store) => {
      await addUser(store, { username: OUTSIDER, password: DEMO_PASSWORD, role: 'reviewer', actor: 'test' });
      for (const [key, name] of [
        ['kestrel', KESTREL],
        ['hostile', HOSTILE],
        ['fifty', FIFTY],
        ['device', DEVICE],
      ] as const) {
        const id = (await store.cases.findByName(name))!.id;
        cases[key] = id;
        for (const username of ['demo-lead', 'demo-reviewer'])
          await addCaseMember(store, { caseId: id, username, actor: 'test' });
      }
      await addCaseMember(store, { caseId: cases.fifty, username: OUTSIDER, actor: 'test' });
    },
  });
  return {
    ...demo,
    cases,
    async close() {
      await demo.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in as `username` (signing out whoever is signed in) and opens the case's dashboard. */
export async function signInToCase(page: Page, url: string, username: string, caseId: number): Promise<void> {
  await signIn(page, url, username);
  await page.goto(`${url}/#/cases/${caseId}`);
}
