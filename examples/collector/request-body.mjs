// Reads a request body with a size limit, without holding more than the limit in memory.

/**
 * Resolves to the body as UTF-8 text, or to null when it is larger than `limit` bytes. An
 * oversized body is still read to its end (and dropped) so the client receives the answer
 * instead of a reset connection. Rejects if the client goes away before the body ends.
 */
export function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    const tooLarge = Number.isFinite(declared) && declared > limit;
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (!tooLarge && size <= limit) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => resolve(tooLarge || size > limit ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
    req.on('close', () => {
      if (!req.complete) reject(new Error('request: the client went away before the body ended'));
    });
  });
}
