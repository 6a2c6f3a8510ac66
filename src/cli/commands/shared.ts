import { UserError } from '../../domain/errors.js';
import type { Store } from '../../store/open-store.js';
import type { CaseRecord } from '../../store/types.js';

export async function requireCase(store: Store, nameOrId: string): Promise<CaseRecord> {
  const found = await store.cases.findByNameOrId(nameOrId);
  if (!found)
    throw new UserError(`no case "${nameOrId}" in this workspace (see \`scrutineer case list\`)`, {
      code: 'no_case',
    });
  return found;
}

/** How the CLI names the sender of lines that have none (system lines): in stats, and as a --sender filter. */
export const SYSTEM_SENDER = '(system)';

/**
 * The sender as a text line shows it: a system line the export wrote under a name (an unknown
 * notice under a member's name, a group notice under the group's) says so, so no name goes unseen.
 */
export function senderLabel(sender: string | null, displayedAuthor: string | null = null): string {
  if (sender !== null) return sender;
  return displayedAuthor ? `${SYSTEM_SENDER} written under "${displayedAuthor}"` : SYSTEM_SENDER;
}
