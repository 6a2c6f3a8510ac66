/**
 * The demo workspace's logins. The demo is the only place with a default password: it is printed
 * by the demo and `serve` so that whoever runs the demo can log in. Never used for real cases.
 */
import type { Store } from '../store/open-store.js';
import type { Role } from '../contract/roles.js';
import { addCaseMember, addUser } from './users.js';

export const DEMO_PASSWORD = 'demo-password';
export const DEMO_USERS: readonly { readonly username: string; readonly role: Role }[] = [
  { username: 'demo-lead', role: 'lead' },
  { username: 'demo-reviewer', role: 'reviewer' },
];

/** Creates the demo users (if missing) and makes them members of the demo case only. */
export async function ensureDemoUsers(
  store: Store,
  caseId: number,
): Promise<{ username: string; role: Role; password: string }[]> {
  for (const u of DEMO_USERS) {
    if (!(await store.users.findByUsername(u.username))) {
      await addUser(store, { username: u.username, password: DEMO_PASSWORD, role: u.role, actor: 'demo' });
    }
    await addCaseMember(store, { caseId, username: u.username, actor: 'demo' });
  }
  return DEMO_USERS.map((u) => ({ ...u, password: DEMO_PASSWORD }));
}
