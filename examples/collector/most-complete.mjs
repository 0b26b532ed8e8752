// The de-duplication rule of DESIGN.md §3: the SDK resends a response under the same id as it
// grows (partial, then complete) and retries deliveries, so a collector keeps one row per id,
// holding the most complete version it has seen.

/**
 * Whether `incoming` should replace `existing` (same id). A completed response is never replaced
 * by a partial one and always replaces a partial one; between two of the same kind the later
 * `updatedAt` wins. An equal `updatedAt` is the same version sent again (the SDK makes every
 * version's `updatedAt` strictly later), so the stored copy stays.
 */
export function shouldReplace(existing, incoming) {
  if (existing.completed !== incoming.completed) return incoming.completed;
  return Date.parse(incoming.updatedAt) > Date.parse(existing.updatedAt);
}
