import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DeviceMessage, DeviceReader } from '../../src/ingest/device/api.js';
import type { Normal } from './fixtures/device/model.js';

export function tempDir(prefix = 'scrutineer-device-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** SHA-256 of a file and of its -wal/-shm siblings, to show the originals were never changed. */
export function hashes(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(file + s))
      out[s || 'main'] = createHash('sha256')
        .update(readFileSync(file + s))
        .digest('hex');
  }
  return out;
}

export function normal(d: DeviceMessage, convKey: (key: string) => string): Normal {
  const m = d.message;
  return {
    conv: convKey(d.conversationKey),
    keyId: m.keyId ?? null,
    sender: m.sender,
    kind: m.kind,
    text: m.text,
    utc: m.time.utc,
    replyKey: m.replyTo?.keyId ?? null,
    reactions: (m.reactions ?? []).map((r) => `${r.sender}:${r.emoji}`).sort(),
    system: m.system ? { type: m.system.type, actor: m.system.actor, targets: [...m.system.targets] } : null,
    deletedBy: m.deletedBy ?? null,
    edited: m.edited,
    media: m.media?.fileName ?? null,
  };
}

export function readAll(reader: DeviceReader): DeviceMessage[] {
  try {
    return [...reader.messages()];
  } finally {
    reader.close();
  }
}
