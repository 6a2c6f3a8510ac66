import { ROLES } from '@contract/roles';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { caseMembers } from '../api/batches';
import { listCases } from '../api/cases';
import { addMember, createUser, disableUser, listUsers, removeMember } from '../api/workspace';
import { QueryState } from '../components/QueryState';
import { useSession } from '../hooks/session';

const USERS_KEY = ['admin', 'users'] as const;

/**
 * The admin's page (issue 18.4): logins and case membership without the CLI. The server refuses
 * everyone else; the page says so instead of showing empty tables.
 */
export function AdminPage() {
  const role = useSession().session?.user.role;
  if (role !== 'admin')
    return (
      <section aria-labelledby="admin-title">
        <h1 id="admin-title">Admin</h1>
        <p role="alert">Only an admin can manage users and case membership.</p>
      </section>
    );
  return (
    <section aria-labelledby="admin-title" className="admin-page">
      <h1 id="admin-title">Admin</h1>
      <UsersPanel />
      <MembershipPanel />
    </section>
  );
}

function UsersPanel() {
  const qc = useQueryClient();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: listUsers });
  const [form, setForm] = useState({ username: '', password: '', role: 'reviewer' });
  const refresh = () => void qc.invalidateQueries({ queryKey: ['admin'] });
  const create = useMutation({
    mutationFn: () => createUser(form),
    onSuccess: () => {
      setForm({ username: '', password: '', role: 'reviewer' });
      refresh();
    },
  });
  const disable = useMutation({ mutationFn: disableUser, onSuccess: refresh });

  function submit(e: FormEvent) {
    e.preventDefault();
    create.mutate();
  }

  return (
    <section className="panel" aria-labelledby="users-title">
      <h2 id="users-title">Users</h2>
      <QueryState query={users} />
      {users.data && (
        <table className="table" aria-label="Users">
          <thead>
            <tr>
              <th scope="col">Username</th>
              <th scope="col">Role</th>
              <th scope="col">Cases</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.data.map((u) => (
              <tr key={u.id}>
                <td>{u.username}</td>
                <td>{u.role}</td>
                <td>{u.role === 'admin' ? 'all' : u.cases.length}</td>
                <td>
                  {u.disabled ? (
                    'disabled'
                  ) : (
                    <button
                      type="button"
                      onClick={() => disable.mutate(u.id)}
                      aria-label={`Disable ${u.username}`}
                    >
                      Disable
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="inline-form" onSubmit={submit} aria-label="Add a user">
        <label>
          New username
          <input
            value={form.username}
            onChange={(e) => setForm({ ...form, username: e.target.value })}
            required
            autoComplete="off"
          />
        </label>
        <label>
          Initial password
          <input
            type="password"
            value={form.password}
            onChange={(e) => setForm({ ...form, password: e.target.value })}
            required
            autoComplete="new-password"
          />
        </label>
        <label>
          Role
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={create.isPending}>
          Add user
        </button>
      </form>
      {(create.error ?? disable.error) && (
        <p role="alert" className="error">
          {(create.error ?? disable.error)!.message}
        </p>
      )}
    </section>
  );
}

function MembershipPanel() {
  const qc = useQueryClient();
  const cases = useQuery({ queryKey: ['cases'], queryFn: listCases });
  const users = useQuery({ queryKey: USERS_KEY, queryFn: listUsers });
  const [picked, setPicked] = useState<number | null>(null);
  const caseId = picked ?? cases.data?.[0]?.id ?? null;
  const membersKey = ['admin', 'members', caseId] as const;
  const members = useQuery({
    queryKey: membersKey,
    queryFn: () => caseMembers(caseId!),
    enabled: caseId !== null,
  });
  const [username, setUsername] = useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: ['admin'] });
  const add = useMutation({ mutationFn: (u: string) => addMember(caseId!, u), onSuccess: refresh });
  const remove = useMutation({ mutationFn: (u: string) => removeMember(caseId!, u), onSuccess: refresh });
  const memberNames = new Set((members.data ?? []).map((m) => m.username));
  const addable = (users.data ?? []).filter(
    (u) => !u.disabled && u.role !== 'admin' && !memberNames.has(u.username),
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (username) add.mutate(username, { onSuccess: () => setUsername('') });
  }

  return (
    <section className="panel" aria-labelledby="membership-title">
      <h2 id="membership-title">Case membership</h2>
      <QueryState query={cases} />
      <label htmlFor="membership-case">Case</label>{' '}
      <select id="membership-case" value={caseId ?? ''} onChange={(e) => setPicked(Number(e.target.value))}>
        {(cases.data ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      {members.data && (
        <ul className="members" aria-label="Members of the case">
          {members.data.map((m) => (
            <li key={m.username}>
              {m.username} <span className="muted">({m.role})</span>{' '}
              <button
                type="button"
                onClick={() => remove.mutate(m.username)}
                aria-label={`Remove ${m.username} from the case`}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={submit} aria-label="Add a member">
        <label>
          User to add
          <select value={username} onChange={(e) => setUsername(e.target.value)}>
            <option value="">choose…</option>
            {addable.map((u) => (
              <option key={u.id}>{u.username}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!username || add.isPending}>
          Add to case
        </button>
      </form>
      {(add.error ?? remove.error) && (
        <p role="alert" className="error">
          {(add.error ?? remove.error)!.message}
        </p>
      )}
    </section>
  );
}
