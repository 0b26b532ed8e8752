// Who may use the routes that need the key (everything but POSTing answers): with
// EARSHOT_READ_TOKEN set, a request carrying it as `Authorization: Bearer <token>` or as the
// password of HTTP Basic (so a browser asks for it); without it, only a client on this machine
// that did not come through a proxy.
import { createHash, timingSafeEqual } from 'node:crypto';
import parseBasicAuth from 'basic-auth';

/** Headers a reverse proxy adds: such a request comes from elsewhere, even over loopback. */
const PROXY_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

/** Whether `address` (as `socket.remoteAddress` gives it) is this machine: 127.0.0.0/8 or ::1. */
export function isLoopbackAddress(address = '') {
  const ipv4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ipv4) || address === '::1';
}

/** Whether `req` comes straight from a program on this machine. */
export function isLocalRequest(req) {
  return isLoopbackAddress(req.socket.remoteAddress) && !PROXY_HEADERS.some((name) => name in req.headers);
}

/** The token a request presents: a Bearer token, or the password of Basic credentials. */
function presentedToken(req) {
  const header = req.headers.authorization ?? '';
  const bearer = /^Bearer +(.+?)\s*$/i.exec(header);
  if (bearer) return bearer[1];
  return parseBasicAuth(req)?.pass ?? null;
}

// Digests have one length, so timingSafeEqual compares them without revealing the token's length.
const digest = (text) => createHash('sha256').update(text).digest();

/**
 * `check(req)` answers null when the request may use a keyed route, else the refusal:
 * `{ status, message, headers }`. `readToken` empty or null means "this machine only".
 */
export function createReadAccess({ readToken = null } = {}) {
  const expected = readToken ? digest(readToken) : null;
  return {
    requiresToken: expected !== null,
    check(req) {
      if (expected === null) {
        if (isLocalRequest(req)) return null;
        return { status: 403, message: "authorization: without EARSHOT_READ_TOKEN set on the server, answers are readable from the server's own machine only", headers: {} };
      }
      const token = presentedToken(req);
      if (token !== null && timingSafeEqual(digest(token), expected)) return null;
      return {
        status: 401,
        message: `authorization: ${token === null ? 'this route needs' : 'wrong token; this route needs'} Authorization: Bearer <EARSHOT_READ_TOKEN>, or HTTP Basic with the token as password`,
        headers: { 'WWW-Authenticate': 'Basic realm="Earshot results", charset="UTF-8"' },
      };
    },
  };
}
