/**
 * The phone's owner in an export (issue 13.7): "You" in the system lines is one participant;
 * `--owner-name` ties it to the owner's own messages, `identify` lists it (owner: true) and can
 * confirm it to a person, and conduct shows no separate "You" who received and stayed silent.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/device.js';
import { BACKENDS, makeWorkspace, type Workspace } from '../support/cli.js';

const EXPORT = [
  '18/03/2022, 14:00 - Dan Smith created group "Night Shift"',
  '18/03/2022, 14:01 - You added Kate',
  '18/03/2022, 14:02 - Kate: hello',
  '18/03/2022, 14:03 - Dan Smith: welcome',
].join('\n');

interface Identify {
  participants: { participant: number; name: string; owner: boolean; confirmedAs: string | null }[];
}
interface Conduct {
  people: { name: string; provisional: boolean; sent: number }[];
}

describe.each(BACKENDS)('the phone owner of an export, on %s', (backend) => {
  let ws: Workspace;
  let file: string;
  beforeEach(async () => {
    ws = await makeWorkspace(backend);
    file = path.join(tempDir(), 'WhatsApp Chat with Night Shift.txt');
    writeFileSync(file, `${EXPORT}\n`);
    await ws.cli(['case', 'create', 'Owner']);
  });
  afterEach(async () => ws.cleanup());

  it('--owner-name links "You" to the owner’s own messages: one participant, one person', async () => {
    const add = [
      'exhibit',
      'add',
      'Owner',
      file,
      '--ref',
      'O/1',
      '--date-order',
      'dmy',
      '--owner-name',
      'dan smith',
    ];
    expect((await ws.cli(add)).code).toBe(0);
    const id = await ws.json<Identify>(['identify', 'Owner']);
    expect(id.participants.map((p) => [p.name, p.owner])).toEqual([
      ['Kate', false],
      ['Dan Smith', true],
    ]);
    const conduct = await ws.json<Conduct>(['conduct', 'Owner']);
    expect(conduct.people.map((p) => p.name).sort()).toEqual(['Dan Smith', 'Kate']);
  });

  it('without --owner-name, "You" is one participant that identify lists and can confirm', async () => {
    expect(
      (await ws.cli(['exhibit', 'add', 'Owner', file, '--ref', 'O/1', '--date-order', 'dmy'])).code,
    ).toBe(0);
    const id = await ws.json<Identify>(['identify', 'Owner']);
    const you = id.participants.filter((p) => p.owner);
    expect(you.map((p) => p.name)).toEqual(['You']);
    expect(
      (await ws.cli(['person', 'add', 'Owner', '--name', 'PC Dan Smith', '--role', 'subject'])).code,
    ).toBe(0);
    const confirm = await ws.cli([
      'identify',
      'Owner',
      '--confirm',
      String(you[0]!.participant),
      '--person',
      'PC Dan Smith',
    ]);
    expect(confirm.code).toBe(0);
    const conduct = await ws.json<Conduct>(['conduct', 'Owner']);
    const names = conduct.people.map((p) => p.name);
    expect(names).toContain('PC Dan Smith');
    expect(names).not.toContain('You');
  });
});
