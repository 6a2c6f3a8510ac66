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

/**
 * The categories that are protected characteristics (Equality Act 2010, s.4; "women" standing for
 * sex): the conduct picture's Equality and Diversity standard, the corpus's target groups.
 */
export const PROTECTED_CATEGORIES = [
  'race_ethnicity',
  'religion',
  'sex_women',
  'sexual_orientation',
  'gender_identity',
  'disability',
  'age',
] as const satisfies readonly FlagCategory[];

/** Groups of people a message can derogate: the protected ones, victims of crime, other groups. */
export const GROUP_CATEGORIES = [
  ...PROTECTED_CATEGORIES,
  'victims_of_crime',
  'other_derogatory',
] as const satisfies readonly FlagCategory[];

export function isFlagCategory(s: string): s is FlagCategory {
  return (FLAG_CATEGORIES as readonly string[]).includes(s);
}
