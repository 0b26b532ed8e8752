// One version of a response as the store keeps it: the response as delivered (its locale made
// canonical), with the collector's own times and the fields the store queries on.
import { collectorTimes, parseDateTime } from './client-time.mjs';
import { canonicalLocale } from './locale.mjs';

/**
 * The versions of a checked batch (batch-validation.mjs, batch-limits.mjs) ready to store, in batch
 * order. `receivedMs` is the collector's clock when the batch arrived.
 */
export function toStoredVersions(batch, receivedMs) {
  const sentMs = parseDateTime(batch.sentAt);
  return batch.responses.map((response) => {
    const body = { ...response, locale: canonicalLocale(response.locale) };
    return {
      id: response.id,
      surveyId: response.surveyId,
      completed: response.completed,
      preview: response.preview === true,
      userId: typeof response.user?.id === 'string' ? response.user.id : null,
      receivedMs,
      ...collectorTimes({ createdMs: parseDateTime(response.createdAt), updatedMs: parseDateTime(response.updatedAt), sentMs, receivedMs }),
      body: JSON.stringify(body),
    };
  });
}
