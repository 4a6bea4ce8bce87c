import { parseInput } from '../common/parse-input';
import { caseNumberSchema } from './cases.dto';

/** Malformed case numbers are refused here, naming params.caseNumber (400), before any lookup. */
export const caseNumberOf = (value: string): string =>
  parseInput(caseNumberSchema, value, 'params.caseNumber');
