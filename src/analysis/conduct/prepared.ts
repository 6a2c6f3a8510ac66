/**
 * The messages read once for all the analyses: each sender's participant key, each time in
 * milliseconds, and per conversation the senders' messages in time order (ties by id).
 */
import { ParticipantDirectory } from './directory.js';
import { toMs, type ConductMessage } from './types.js';

export interface PreparedMessages {
  readonly messages: readonly ConductMessage[];
  readonly directory: ParticipantDirectory;
  /** Per input index: the sender's participant key (null for system lines). */
  readonly keys: readonly (string | null)[];
  /** Per input index: the time in ms. */
  readonly ms: Float64Array;
  /** Conversation id → input indexes of messages with a sender, in time order. */
  readonly byConversation: ReadonlyMap<number, readonly number[]>;
}

export function prepareMessages(
  messages: readonly ConductMessage[],
  directory: ParticipantDirectory,
): PreparedMessages {
  const n = messages.length;
  const keys: (string | null)[] = new Array(n);
  const ms = new Float64Array(n);
  const byConversation = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const m = messages[i]!;
    ms[i] = toMs(m.utc);
    const key = directory.senderOf(m);
    keys[i] = key;
    if (key === null) continue;
    const list = byConversation.get(m.conversationId);
    if (list) list.push(i);
    else byConversation.set(m.conversationId, [i]);
  }
  for (const list of byConversation.values()) {
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++) {
      const a = list[k - 1]!;
      const b = list[k]!;
      if (ms[a]! > ms[b]! || (ms[a] === ms[b] && messages[a]!.id > messages[b]!.id)) sorted = false;
    }
    if (!sorted) list.sort((a, b) => ms[a]! - ms[b]! || messages[a]!.id - messages[b]!.id);
  }
  return { messages, directory, keys, ms, byConversation };
}
