/** A random version-4 UUID; `crypto.randomUUID` exists only in secure contexts, `getRandomValues` everywhere. */
export function createId(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  return [...bytes].map((byte, index) => ([4, 6, 8, 10].includes(index) ? '-' : '') + (byte + 256).toString(16).slice(1)).join('');
}
