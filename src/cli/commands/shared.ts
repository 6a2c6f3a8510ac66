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
