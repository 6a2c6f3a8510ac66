import { AuditRepository } from './audit.js';
import { CaseMembersRepository } from './case-members.js';
import { CasesRepository } from './cases.js';
import { CodesRepository } from './codes.js';
import type { RepoContext } from './context.js';
import { ConversationsRepository } from './conversations.js';
import { EvidenceClaimsRepository } from './evidence-claims.js';
import { ExhibitsRepository } from './exhibits.js';
import { FlagsRepository, TermListsRepository } from './flags.js';
import { ImportReportsRepository } from './import-reports.js';
import { JobsRepository } from './jobs.js';
import { MediaTextsRepository } from './media-texts.js';
import { MembershipEventsRepository } from './membership-events.js';
import { MergesRepository } from './merges.js';
import { PeopleRepository } from './people.js';
import { QcRepository } from './qc.js';
import { MessagesRepository } from './messages.js';
import { ParticipantsRepository } from './participants.js';
import { RecordRepository } from './record.js';
import { BatchesRepository } from './batches.js';
import { ReviewSearchRepository } from './review-search.js';
import { ReviewsRepository } from './reviews.js';
import { ThreadsRepository } from './threads.js';
import { RerankRunsRepository } from './rerank-runs.js';
import { SearchIndexRepository } from './search-index.js';
import { SearchTermReportsRepository } from './search-term-reports.js';
import { SessionsRepository } from './sessions.js';
import { UsersRepository } from './users.js';

export interface Repos {
  readonly cases: CasesRepository;
  readonly exhibits: ExhibitsRepository;
  readonly conversations: ConversationsRepository;
  readonly participants: ParticipantsRepository;
  readonly messages: MessagesRepository;
  readonly membershipEvents: MembershipEventsRepository;
  readonly importReports: ImportReportsRepository;
  readonly audit: AuditRepository;
  readonly termLists: TermListsRepository;
  readonly flags: FlagsRepository;
  readonly users: UsersRepository;
  readonly sessions: SessionsRepository;
  readonly caseMembers: CaseMembersRepository;
  readonly codes: CodesRepository;
  readonly reviews: ReviewsRepository;
  /** The review workspace's message reads: thread windows with annotations, jump to date, next flag. */
  readonly threads: ThreadsRepository;
  readonly reviewSearch: ReviewSearchRepository;
  readonly batches: BatchesRepository;
  readonly qc: QcRepository;
  readonly merges: MergesRepository;
  readonly people: PeopleRepository;
  readonly record: RecordRepository;
  readonly searchTermReports: SearchTermReportsRepository;
  readonly rerankRuns: RerankRunsRepository;
  readonly jobs: JobsRepository;
  readonly evidenceClaims: EvidenceClaimsRepository;
  readonly mediaTexts: MediaTextsRepository;
  readonly searchIndex: SearchIndexRepository;
}

export function createRepos(ctx: RepoContext): Repos {
  return {
    cases: new CasesRepository(ctx),
    exhibits: new ExhibitsRepository(ctx),
    conversations: new ConversationsRepository(ctx),
    participants: new ParticipantsRepository(ctx),
    messages: new MessagesRepository(ctx),
    membershipEvents: new MembershipEventsRepository(ctx),
    importReports: new ImportReportsRepository(ctx),
    audit: new AuditRepository(ctx),
    termLists: new TermListsRepository(ctx),
    flags: new FlagsRepository(ctx),
    users: new UsersRepository(ctx),
    sessions: new SessionsRepository(ctx),
    caseMembers: new CaseMembersRepository(ctx),
    codes: new CodesRepository(ctx),
    reviews: new ReviewsRepository(ctx),
    threads: new ThreadsRepository(ctx),
    reviewSearch: new ReviewSearchRepository(ctx),
    batches: new BatchesRepository(ctx),
    qc: new QcRepository(ctx),
    merges: new MergesRepository(ctx),
    people: new PeopleRepository(ctx),
    record: new RecordRepository(ctx),
    searchTermReports: new SearchTermReportsRepository(ctx),
    rerankRuns: new RerankRunsRepository(ctx),
    jobs: new JobsRepository(ctx),
    evidenceClaims: new EvidenceClaimsRepository(ctx),
    mediaTexts: new MediaTextsRepository(ctx),
    searchIndex: new SearchIndexRepository(ctx),
  };
}

export {
  AuditRepository,
  CasesRepository,
  ConversationsRepository,
  ExhibitsRepository,
  FlagsRepository,
  ImportReportsRepository,
  MembershipEventsRepository,
  MessagesRepository,
  ParticipantsRepository,
  TermListsRepository,
};
export type { ParticipantRecord } from './participants.js';
export {
  BatchesRepository,
  QcRepository,
  CaseMembersRepository,
  CodesRepository,
  JobsRepository,
  ReviewsRepository,
  SessionsRepository,
  UsersRepository,
};
export { AUDIT_GENESIS_HASH, auditHash } from './audit.js';
