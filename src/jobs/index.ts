/** The job queue's service: kinds and their handlers, queueing, and the worker. */
export {
  ANALYSE,
  EXHIBIT_ADD,
  JOB_HANDLERS,
  JOB_KINDS,
  exhibitAddPayloadFor,
  type AnalysePayload,
  type ExhibitAddPayload,
  type JobContext,
  type JobHandler,
} from './kinds.js';
export {
  completeJob,
  enqueueJob,
  failJob,
  isAliveHere,
  queueAnalysis,
  queueExhibitAdd,
  requeueStaleJobs,
  retryJob,
  type EnqueueRequest,
} from './queue.js';
export {
  DEFAULT_HEARTBEAT_MS,
  DEFAULT_POLL_MS,
  DEFAULT_STALE_AFTER_SECONDS,
  newWorkerId,
  runWorker,
  type WorkerJobOutcome,
  type WorkerOptions,
  type WorkerSummary,
} from './worker.js';
