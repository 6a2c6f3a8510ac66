import type { Reaction } from '../api/types';

/** Reactions grouped by emoji, with who reacted written out (visible without hovering, as on the phone's detail view). */
export function Reactions({ reactions }: { reactions: readonly Reaction[] }) {
  const groups = new Map<string, string[]>();
  for (const r of reactions) groups.set(r.emoji, [...(groups.get(r.emoji) ?? []), r.sender]);
  return (
    <ul className="reactions" aria-label="Reactions">
      {[...groups].map(([emoji, who]) => (
        <li key={emoji} aria-label={`${emoji} by ${who.join(', ')}`}>
          <span aria-hidden="true">{emoji}</span> <span className="reaction-who">{who.join(', ')}</span>
        </li>
      ))}
    </ul>
  );
}
