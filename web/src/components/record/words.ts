/** The record's words (src/cases/types.ts): the fixed lists the forms offer, and how codes read. */

export { STANDARDS } from '../../api/types';
export const SEVERITIES = ['misconduct', 'gross_misconduct', 'practice_requiring_improvement'] as const;
export const MODES = ['independent', 'directed', 'supervised', 'local'] as const;
export const CASE_STATUSES = ['open', 'suspended', 'proceedings', 'closed'] as const;
export const NOTICE_KINDS = ['reg17', 'criminal_letter'] as const;
export const INTERVIEW_KINDS = ['misconduct', 'criminal', 'both'] as const;
export const CHARGING_DECISIONS = ['charge', 'no_charge'] as const;
export const VERDICTS = ['convicted', 'acquitted', 'withdrawn'] as const;
export const APPEAL_OUTCOMES = ['allowed', 'dismissed', 'abandoned', 'varied'] as const;
export const CASE_TO_ANSWER = ['misconduct', 'gross_misconduct', 'no_case'] as const;
export const PROCEEDING_KINDS = ['hearing', 'meeting'] as const;
export const PROCEEDING_LEVELS = ['gross_misconduct', 'misconduct'] as const;
export const FINDINGS = ['proven', 'not_proven'] as const;
export const OUTCOMES = [
  'written_warning',
  'final_written_warning',
  'reduction_in_rank',
  'dismissal_without_notice',
  'would_have_been_dismissed',
  'no_further_action',
  'reflective_practice',
] as const;
export const BARRED_LISTS = ['barred', 'advisory', 'not_applicable'] as const;
export const RESPONSES = ['accepted', 'not_accepted', 'partly'] as const;
export const PERSON_STATUSES = ['serving', 'former', 'special', 'staff'] as const;

const LABELS: Record<string, string> = {
  gross_misconduct: 'gross misconduct',
  practice_requiring_improvement: 'practice requiring improvement',
  reg17: 'Regulation 17 notice',
  criminal_letter: 'criminal letter',
  no_charge: 'no charge',
  written_warning: 'written warning',
  final_written_warning: 'final written warning',
  reduction_in_rank: 'reduction in rank',
  dismissal_without_notice: 'dismissal without notice',
  would_have_been_dismissed: 'would have been dismissed',
  no_further_action: 'no further action',
  reflective_practice: 'reflective practice review',
  not_proven: 'not proven',
  no_case: 'no case to answer',
  not_accepted: 'not accepted',
  partly: 'partly accepted',
  not_applicable: 'list does not apply',
  s127_limitation: 's127 limitation',
  progress_report: 'progress report',
  barred_list_report: 'barred list report',
  recommendation_response: 'recommendation response',
  response_publication: 'publication of response',
  met_late: 'met late',
};

export const word = (code: string | null | undefined): string =>
  code ? (LABELS[code] ?? code.replace(/_/g, ' ')) : '';

/** "2024-06-05" as "5 Jun 2024" (dates of events are calendar dates: no time zone). */
export function day(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${d} ${months[m - 1]} ${y}`;
}
