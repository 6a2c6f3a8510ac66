/**
 * The API shapes of what a browser-only investigator needs besides reading and coding (issue 18.4):
 * the case's term list, starting an analysis on the job queue, sender suggestions, and the admin's
 * users and case membership. Server, CLI and web import them from here.
 */
import { z } from 'zod/v4';

import { FLAG_CATEGORIES } from './coding.js';
import { ROLES } from './roles.js';
import { JOB_STATUSES, MAX_TERM_LENGTH, TERM_SEVERITIES } from './workspace-words.js';

export const CaseTerm = z.object({ term: z.string(), category: z.string(), severity: z.string() });
export const TermBody = z.object({
  term: z.string().trim().min(1).max(MAX_TERM_LENGTH),
  category: z.enum(FLAG_CATEGORIES),
  severity: z.enum(TERM_SEVERITIES).default('medium'),
  note: z.string().trim().max(2000).optional(),
});
export const TermRemoveBody = z.object({
  term: z.string().trim().min(1).max(MAX_TERM_LENGTH),
  note: z.string().trim().max(2000).optional(),
});
export type CaseTermT = z.infer<typeof CaseTerm>;
export type TermListT = z.infer<typeof TermListResponse>['list'];
export const TermListResponse = z.object({
  list: z.object({
    version: z.number().int(),
    terms: z.array(CaseTerm),
    createdAt: z.string(),
    createdBy: z.string(),
  }),
});

export const Job = z.object({
  id: z.number().int(),
  kind: z.string(),
  caseId: z.number().int().nullable(),
  status: z.enum(JOB_STATUSES),
  attempts: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
});
export type JobT = z.infer<typeof Job>;
export const JobParams = z.object({ jobId: z.coerce.number().int().positive().max(2_147_483_647) });
export const JobResponse = z.object({ job: Job });
export const JobsResponse = z.object({ jobs: z.array(Job) });

export const SendersQuery = z.object({ name: z.string().min(1).max(500) });
/** `matched`: the stored senders the typed name means; else `candidates`, close names to pick from. */
export const SendersResponse = z.object({
  matched: z.array(z.string()),
  candidates: z.array(z.string()),
});

export const AdminUser = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.enum(ROLES),
  disabled: z.boolean(),
  createdAt: z.string(),
  /** The cases the user is a member of (an admin sees every case whatever this says). */
  cases: z.array(z.number().int()),
});
export type AdminUserT = z.infer<typeof AdminUser>;
export const UsersResponse = z.object({ users: z.array(AdminUser) });
export const UserResponse = z.object({ user: AdminUser });
export const NewUserBody = z.object({
  // Its form is checked where every new user is (UsersRepository.create), as for the CLI.
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
  role: z.enum(ROLES),
});
export const UserParams = z.object({ userId: z.coerce.number().int().positive().max(2_147_483_647) });
export const MemberBody = z.object({ username: z.string().trim().min(1).max(64) });
export const MemberParams = z.object({
  caseId: z.coerce.number().int().positive().max(2_147_483_647),
  username: z.string().min(1).max(64),
});
export type SendersT = z.infer<typeof SendersResponse>;
export const MemberChangeResponse = z.object({ changed: z.boolean() });
