import { CANONICAL_FIELDS } from '../fields/vocabulary.js';

/** Whether `--by` names a canonical field rather than one of the summary's own pivots. */
export const isFieldPivot = (by: string): boolean => Object.hasOwn(CANONICAL_FIELDS, by);
