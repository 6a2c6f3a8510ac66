/**
 * A UFDR does not label a message deleted for everyone: its body reads "This message was deleted",
 * as the same message does in an export. Both sources must call it deleted, so that one group read
 * from a phone's export and from its extraction gives the same counts.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { openDeviceReader } from '../../../src/ingest/device/api.js';
import { buildModel } from '../../support/fixtures/device/model.js';
import { buildUfdr, ufdrXml } from '../../support/fixtures/device/ufdr.js';
import { readAll, tempDir } from '../../support/device.js';

const dir = tempDir();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a UFDR message deleted for everyone', () => {
  it('is read as deleted (by the sender or an admin), its body kept verbatim', () => {
    const model = buildModel(7);
    // Texts unique in the report, so that replacing one body changes that message only.
    const all = model.chats.flatMap((c) => c.messages);
    const texts = all.filter(
      (m) =>
        m.kind === 'text' &&
        !m.system &&
        m.text.length > 0 &&
        all.filter((o) => o.text === m.text).length === 1,
    );
    const [mine, admins] = [texts[0]!, texts[1]!];
    const body = (t: string) =>
      `<field name="Body" type="String"><value type="String"><![CDATA[${t}]]></value></field>`;
    const report = ufdrXml(model, { labels: 'new' });
    expect(report).toContain(body(mine.text));
    const xml = report
      .replace(body(mine.text), body('This message was deleted'))
      .replace(body(admins.text), body('This message was deleted by admin Sgt Kate Morris'));
    const file = path.join(dir, 'deleted.ufdr');
    buildUfdr(model, file, { labels: 'new', xml });
    const reader = openDeviceReader(file, { fileName: 'deleted.ufdr', zone: 'Europe/London' });
    try {
      const byKey = new Map(readAll(reader).map((d) => [d.message.keyId, d.message]));
      expect(byKey.get(mine.keyId)).toMatchObject({
        kind: 'deleted',
        text: 'This message was deleted',
        deletedBy: 'sender',
      });
      expect(byKey.get(admins.keyId)).toMatchObject({ kind: 'deleted', deletedBy: 'admin' });
      const other = texts.find((m) => m.text !== 'This message was deleted' && m !== mine && m !== admins)!;
      expect(byKey.get(other.keyId)?.kind).toBe('text');
    } finally {
      reader.close();
    }
  });
});
