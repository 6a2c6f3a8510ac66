import { query, request } from './client';
import type { HistoryEntry, MessageWindow } from './types';
import type { MediaTextReading } from '../../../src/domain/media-text.js';
import type { MediaInfo } from '@contract/media';

/** Rows per window: the thread view fetches and caches windows of this many messages by seq. */
export const WINDOW_SIZE = 200;

export function getWindow(conversationId: number, from: number, limit = WINDOW_SIZE): Promise<MessageWindow> {
  return request<MessageWindow>(
    'GET',
    `/api/conversations/${conversationId}/messages${query({ from, limit })}`,
  );
}

/** First message at or after the instant (jump to date). */
export async function seqAt(conversationId: number, utc: string): Promise<number | null> {
  const r = await request<{ seq: number | null }>(
    'GET',
    `/api/conversations/${conversationId}/seq${query({ utc })}`,
  );
  return r.seq;
}

export async function nextFlag(conversationId: number, after: number): Promise<number | null> {
  const r = await request<{ seq: number | null }>(
    'GET',
    `/api/conversations/${conversationId}/next-flag${query({ after })}`,
  );
  return r.seq;
}

export async function history(messageId: number): Promise<readonly HistoryEntry[]> {
  return (await request<{ entries: HistoryEntry[] }>('GET', `/api/messages/${messageId}/history`)).entries;
}

/** Text read from the message's stored image, newest reading first (issue 17). */
export function imageText(messageId: number): Promise<{ texts: MediaTextReading[] }> {
  return request<{ texts: MediaTextReading[] }>('GET', `/api/messages/${messageId}/media/text`);
}

/** The stored attachment's name, path in the exhibit, size, SHA-256 and kind, for its tile (issue 17). */
export function mediaInfo(messageId: number): Promise<MediaInfo> {
  return request<MediaInfo>('GET', `/api/messages/${messageId}/media/info`);
}
