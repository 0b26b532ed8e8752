// Every rule a batch must pass before anything of it is stored, in the order they run: nesting
// first (a validator, like JSON.stringify, recurses and would overflow the stack on deep nesting),
// then the shape (batch-validation.mjs), then the caps and the collector's own date parsing
// (batch-limits.mjs). Each problem starts with the path of the field at fault.
import { checkBatchLimits, findTooDeep } from './batch-limits.mjs';
import { validateBatch } from './batch-validation.mjs';

/** Every problem with a parsed batch (empty when it may be stored). */
export function problemsWithBatch(batch) {
  const tooDeep = findTooDeep(batch);
  if (tooDeep) return [tooDeep];
  const problems = validateBatch(batch);
  return problems.length > 0 ? problems : checkBatchLimits(batch);
}

/** Whether one stored response would pass today's rules (for rows an older collector stored). */
export function passesIngestionRules(response) {
  return problemsWithBatch({ sentAt: new Date(0).toISOString(), responses: [response] }).length === 0;
}
