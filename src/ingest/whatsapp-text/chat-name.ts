import { basename } from 'node:path';

/**
 * The chat's name where WhatsApp put it in the file name: "WhatsApp Chat with X.txt", "WhatsApp
 * Chat - X.zip", and the localised Android names (whatsapp-strings.md: "WhatsApp Chat mit X",
 * "Chat de WhatsApp con X", "X ile WhatsApp Sohbeti", "XとのWhatsAppチャット" …). `_` may stand for
 * spaces (and for characters a file system refuses, such as ":").
 */
const PREFIXES = [
  'WhatsApp Chat with ',
  'WhatsApp Chat - ',
  'WhatsApp Chat mit ',
  'Chat de WhatsApp con ',
  'Discussion WhatsApp avec ',
  'Conversa do WhatsApp com ',
  'Conversa no WhatsApp com ',
  'Chat di WhatsApp con ',
  'WhatsApp-chat met ',
  'Chat WhatsApp dengan ',
  'Чат WhatsApp с ',
  'Czat WhatsApp z ',
  'Conversație WhatsApp cu ',
];
const SUFFIXES = [' ile WhatsApp Sohbeti', 'とのWhatsAppチャット'];

export function chatNameFromFileName(fileName: string): string | null {
  const base = basename(fileName).replace(/\.(txt|zip)$/i, '');
  // Underscores for spaces only where the name has no spaces at all (WhatsApp_Chat_with_X).
  const spaced = /^WhatsApp_/i.test(base) && !base.includes(' ') ? base.replace(/_/g, ' ') : base;
  const lower = spaced.toLowerCase();
  for (const p of PREFIXES) {
    if (lower.startsWith(p.toLowerCase())) return spaced.slice(p.length).trim() || null;
  }
  for (const s of SUFFIXES) {
    if (lower.endsWith(s.toLowerCase())) return spaced.slice(0, -s.length).trim() || null;
  }
  return null;
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
