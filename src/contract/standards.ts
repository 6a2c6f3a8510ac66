/**
 * The Standards of Professional Behaviour (Police (Conduct) Regulations 2020, Schedule 2): exactly
 * ten, in this order. A code, a notice and an allegation cite them by these exact words.
 */
export const STANDARDS = [
  'Honesty and Integrity',
  'Authority, Respect and Courtesy',
  'Equality and Diversity',
  'Use of Force',
  'Orders and Instructions',
  'Duties and Responsibilities',
  'Confidentiality',
  'Fitness for Duty',
  'Discreditable Conduct',
  'Challenging and Reporting Improper Conduct',
] as const;
export type Standard = (typeof STANDARDS)[number];
