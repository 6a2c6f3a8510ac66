/**
 * Who a lead's action from the CLI is recorded as. The CLI has direct workspace access (it can read
 * the database file anyway), so it does not check web roles; it names the operator as every other
 * command does (`actor`: SCRUTINEER_USER, else the OS user). Finishing a batch takes a user record
 * (the server checks the assignee with it): the login of that name when there is one, else a record
 * standing for the operator, with no id of its own.
 */
import type { Store } from '../../store/open-store.js';
import type { UserRecord } from '../../store/repositories/users.js';
import { actor, type CliContext } from '../context.js';

export async function operator(store: Store, ctx: CliContext): Promise<UserRecord> {
  const name = actor(ctx);
  const login = await store.users.findByUsername(name);
  if (login) return login;
  return { id: 0, username: name, role: 'admin', createdAt: '', createdBy: 'cli', disabled: false };
}
