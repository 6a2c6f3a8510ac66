import type { Reaction } from '../api/types';

/** Reactions grouped by emoji; who reacted is in the title and the accessible label. */
export function Reactions({ reactions }: { reactions: readonly Reaction[] }) {
  const groups = new Map<string, string[]>();
  for (const r of reactions) groups.set(r.emoji, [...(groups.get(r.emoji) ?? []), r.sender]);
  return (
    <ul className="reactions" aria-label="Reactions">
      {[...groups].map(([emoji, who]) => (
        <li key={emoji} title={who.join(', ')} aria-label={`${emoji} by ${who.join(', ')}`}>
          {emoji}
          {who.length > 1 && <span className="reaction-count">{who.length}</span>}
        </li>
      ))}
    </ul>
  );
}
