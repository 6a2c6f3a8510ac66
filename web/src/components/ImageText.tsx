import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { imageText } from '../api/messages';

/**
 * The text read from a stored image (OCR), fetched only when the reader opens it: derived text,
 * shown with its engine and confidence, never in place of the message's own text.
 */
export function ImageText({ messageId }: { messageId: number }) {
  const [open, setOpen] = useState(false);
  const q = useQuery({
    queryKey: ['image-text', messageId],
    queryFn: () => imageText(messageId),
    enabled: open,
  });
  const reading = q.data?.texts.find((t) => t.error === null) ?? null;
  return (
    <details className="image-text" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Text in image</summary>
      {q.isLoading && <span className="muted">Reading…</span>}
      {q.isError && <span className="muted">No text has been read from this image.</span>}
      {q.data && !reading && <span className="muted">No text has been read from this image yet.</span>}
      {reading && (
        <>
          <p className="image-text-body">{reading.text || '(no words found)'}</p>
          <span className="muted">
            {reading.engine} {reading.engineVersion}, {reading.language}, confidence{' '}
            {Math.round(reading.confidence)}%
          </span>
        </>
      )}
    </details>
  );
}
