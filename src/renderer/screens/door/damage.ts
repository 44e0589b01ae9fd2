import type { ConditionMark } from './types';

/** The marks a pupil can tap, in the order shown; "anders" last. */
export const conditionMarks: readonly ConditionMark[] = [
  'screen_cracked',
  'back_cracked',
  'case_damaged',
  'water_damage',
  'other',
];
