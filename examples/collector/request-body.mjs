// Reads a request body with a size limit (raw-body): a declared Content-Length over the limit is
// refused before a byte of the body is read, and a streamed body is cut as soon as it passes the
// limit, so a client can never make the collector read or hold more than `limit` bytes.
import getRawBody from 'raw-body';

/** Why a body could not be read: `too-large`, `aborted` (the client went away) or `invalid` (length mismatch, bad encoding). */
export class BodyError extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

const REASONS = { 'entity.too.large': 'too-large', 'request.aborted': 'aborted' };

/** Resolves to the body as UTF-8 text; rejects with a BodyError. */
export async function readBody(req, limit) {
  try {
    return await getRawBody(req, { length: req.headers['content-length'], limit, encoding: 'utf8' });
  } catch (error) {
    throw new BodyError(REASONS[error.type] ?? 'invalid', error.message);
  }
}
