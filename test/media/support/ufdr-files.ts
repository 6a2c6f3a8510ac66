/**
 * A small UFDR whose attachments are tied to their files the way Cellebrite ties them: a
 * `<taggedFiles>` list (each `<file id>` with its `Local Path` inside the UFDR and its SHA256) and
 * `<jumptargets>` naming those ids, on the attachment or on its message. Two files share a name in
 * different folders, so linking by name alone would have to guess.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';

import { strToU8, zipSync } from 'fflate';

export const OWNER = '447700900001';
const PEER = '447700900002';

/** One attachment: its `Filename`, and how the report ties it to a file (or does not). */
export interface UfdrAttachment {
  readonly key: string;
  readonly filename: string;
  /** Tagged-file ids on the attachment's own `<jumptargets>`. */
  readonly targets?: readonly string[];
  /** Tagged-file ids on the message's `<jumptargets>` instead. */
  readonly messageTargets?: readonly string[];
}

export interface UfdrTaggedFile {
  readonly id: string;
  /** Cellebrite writes it with backslashes. */
  readonly localPath: string;
  /** Bytes in the zip at `localPath` (with `/`); null: listed in the report but not in the zip. */
  readonly bytes: Uint8Array | null;
  /** The SHA256 the report records; defaults to the bytes' own. */
  readonly sha256?: string;
}

const cdata = (s: string) => `<![CDATA[${s}]]>`;
const field = (name: string, value: string) =>
  `<field name="${name}" type="String"><value type="String">${cdata(value)}</value></field>`;
const jump = (ids: readonly string[] | undefined) =>
  ids?.length
    ? `<jumptargets>${ids.map((id) => `<targetid ismodel="false">${id}</targetid>`).join('')}</jumptargets>`
    : '';
const party = (jid: string, name: string, owner: boolean) =>
  `<model type="Party" id="p-${jid}-${name.length}">${field('Identifier', jid)}${field('Name', name)}${field('IsPhoneOwner', owner ? 'True' : 'False')}</model>`;

export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function ufdrWithFiles(
  file: string,
  attachments: readonly UfdrAttachment[],
  tagged: readonly UfdrTaggedFile[],
  extra: Record<string, Uint8Array> = {},
): void {
  const files = tagged
    .map(
      (t) =>
        `<file fs="Data" fsid="fs-1" path="/private/var/mobile/${t.localPath.replace(/\\/g, '/')}" size="${t.bytes?.length ?? 0}" id="${t.id}" extractionId="0" deleted="Intact"><metadata section="File"><item name="Local Path">${cdata(t.localPath)}</item><item name="SHA256">${cdata(t.sha256 ?? sha256Hex(t.bytes ?? new Uint8Array()))}</item><item name="Tags">${cdata('Image')}</item></metadata></file>`,
    )
    .join('\n');
  const messages = attachments
    .map(
      (a, i) =>
        `<model type="InstantMessage" id="im-${a.key}"><modelField name="From" type="Party">${party(`${PEER}@s.whatsapp.net`, 'PC Peer', false)}</modelField>${field('Identifier', a.key)}${field('TimeStamp', `2024-01-01T10:${String(i).padStart(2, '0')}:00+00:00`)}<multiModelField name="Attachments" type="Attachment"><model type="Attachment" id="att-${a.key}">${field('Filename', a.filename)}${field('ContentType', 'image/jpeg')}${jump(a.targets)}</model></multiModelField>${jump(a.messageTargets)}</model>`,
    )
    .join('\n');
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<project id="p1" name="Exhibit" reportVersion="7.60.0.0" xmlns="http://pa.cellebrite.com/report/2.0">
<decodedData><modelType type="Chat">
<model type="Chat" id="chat-0">${field('Source', 'WhatsApp')}${field('Id', '120363000000000001@g.us')}${field('Name', 'Team 3')}${field('ChatType', 'Group')}
<multiModelField name="Participants" type="Party">${party(`${OWNER}@s.whatsapp.net`, 'PC Owner', true)}${party(`${PEER}@s.whatsapp.net`, 'PC Peer', false)}</multiModelField>
<multiModelField name="Messages" type="InstantMessage">
${messages}
</multiModelField></model>
</modelType></decodedData>
<taggedFiles>
${files}
</taggedFiles>
</project>
`;
  const entries: Record<string, Uint8Array> = { 'report.xml': strToU8(xml), ...extra };
  for (const t of tagged) if (t.bytes) entries[t.localPath.replace(/\\/g, '/')] = t.bytes;
  writeFileSync(file, zipSync(entries));
}
