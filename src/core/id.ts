/** A random UUID. `crypto.randomUUID` exists only in secure contexts; a blob URL ends in one everywhere. */
export function createId(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const url = URL.createObjectURL(new Blob());
  URL.revokeObjectURL(url);
  return url.slice(-36);
}
