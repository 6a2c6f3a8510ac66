/** The words of coding a message: a reviewer's decision and the flagger's categories. */

export const DECISIONS = ['offensive', 'not_offensive', 'unsure'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The flagger's categories (its term lists and model name these; src/analysis/flagger). */
export const FLAG_CATEGORIES = [
  'race_ethnicity',
  'religion',
  'sex_women',
  'sexual_orientation',
  'gender_identity',
  'disability',
  'age',
  'victims_of_crime',
  'violence_threat',
  'sexual_content',
  'profanity',
  'other_derogatory',
] as const;
export type FlagCategory = (typeof FLAG_CATEGORIES)[number];

export function isFlagCategory(s: string): s is FlagCategory {
  return (FLAG_CATEGORIES as readonly string[]).includes(s);
}
