import type { Message } from '../api/types';

/** Where the message came from: exhibit and line(s) in the original file. */
export function SourceLine({ message }: { message: Message }) {
  const lines =
    message.lineStart === null
      ? null
      : message.lineEnd !== null && message.lineEnd !== message.lineStart
        ? `lines ${message.lineStart}–${message.lineEnd}`
        : `line ${message.lineStart}`;
  return (
    <div className="source">
      Exhibit {message.exhibit}
      {lines && `, ${lines}`}
      {message.keyId && `, key ${message.keyId}`}, message #{message.seq + 1}
    </div>
  );
}
