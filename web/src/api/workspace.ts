/** The workspace tools of issue 18.4: term list edits, analysis jobs, sender names, users and membership. */
import type { AdminUserT, JobT, SendersT, TermListT } from '@contract/workspace-schemas';
import type { TermSeverity } from '@contract/workspace-words';
import { query, request } from './client';

export async function addTerm(
  caseId: number,
  t: { term: string; category: string; severity: TermSeverity },
): Promise<TermListT> {
  return (await request<{ list: TermListT }>('POST', `/api/cases/${caseId}/search-terms`, t)).list;
}

export async function removeTerm(caseId: number, term: string): Promise<TermListT> {
  return (await request<{ list: TermListT }>('POST', `/api/cases/${caseId}/search-terms/remove`, { term }))
    .list;
}

export async function startAnalysis(caseId: number): Promise<JobT> {
  return (await request<{ job: JobT }>('POST', `/api/cases/${caseId}/analyse`)).job;
}

export async function listAnalyses(caseId: number): Promise<readonly JobT[]> {
  return (await request<{ jobs: JobT[] }>('GET', `/api/cases/${caseId}/analyses`)).jobs;
}

export function matchSender(caseId: number, name: string): Promise<SendersT> {
  return request<SendersT>('GET', `/api/cases/${caseId}/senders${query({ name })}`);
}

export async function listUsers(): Promise<readonly AdminUserT[]> {
  return (await request<{ users: AdminUserT[] }>('GET', '/api/admin/users')).users;
}

export async function createUser(u: {
  username: string;
  password: string;
  role: string;
}): Promise<AdminUserT> {
  return (await request<{ user: AdminUserT }>('POST', '/api/admin/users', u)).user;
}

export async function disableUser(userId: number): Promise<AdminUserT> {
  return (await request<{ user: AdminUserT }>('POST', `/api/admin/users/${userId}/disable`)).user;
}

export async function addMember(caseId: number, username: string): Promise<boolean> {
  return (await request<{ changed: boolean }>('POST', `/api/cases/${caseId}/members`, { username })).changed;
}

export async function removeMember(caseId: number, username: string): Promise<boolean> {
  return (
    await request<{ changed: boolean }>(
      'DELETE',
      `/api/cases/${caseId}/members/${encodeURIComponent(username)}`,
    )
  ).changed;
}
