import { basename } from 'node:path';

/** The chat's name where WhatsApp put it in the file name ("WhatsApp Chat with X.txt", "WhatsApp Chat - X.zip"). */
export function chatNameFromFileName(fileName: string): string | null {
  const base = basename(fileName).replace(/\.(txt|zip)$/i, '');
  const m = /^WhatsApp Chat (?:with |- )(.+)$/i.exec(base);
  return m?.[1]?.trim() || null;
}

/** Which entry of an export zip is the chat text: `_chat.txt`, else a WhatsApp-named .txt, else the only .txt. */
export function pickChatEntry(paths: readonly string[]): string | null {
  const txt = paths.filter((p) => /\.txt$/i.test(p) && !p.startsWith('__MACOSX/'));
  return (
    txt.find((p) => basename(p) === '_chat.txt') ??
    txt.find((p) => chatNameFromFileName(p) !== null) ??
    (txt.length === 1 ? (txt[0] ?? null) : null)
  );
}
