// Which names a request may address the collector by (the Host header, ALLOWED_HOSTS). A DNS
// rebinding page reaches a collector on 127.0.0.1 under its own name (`Host: evil.example`);
// refusing names the collector does not answer to keeps it from reading anything. Loopback names
// and addresses are always allowed: a browser sends them only when someone typed them.
import { isLoopbackAddress } from './read-access.mjs';

export const ANY_HOST = '*';

/** `"feedback.example, Earshot.example"` → `['feedback.example', 'earshot.example']`; `*` allows any. */
export function parseAllowedHosts(text = '') {
  return text
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      if (entry === ANY_HOST) return entry;
      const name = hostnameOf(entry);
      if (name === null || name !== entry) throw new Error(`ALLOWED_HOSTS: "${entry}" is not a host name like feedback.example (no scheme, port or path)`);
      return name;
    });
}

/** The host name of a Host header value (`[::1]:5178` → `[::1]`), lower-case, or null when it is not one. */
export function hostnameOf(host) {
  if (typeof host !== 'string' || host === '' || /[/\\@?#\s]/.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

const isLoopbackName = (name) => name === 'localhost' || name.endsWith('.localhost') || isLoopbackAddress(name.replace(/^\[|\]$/g, ''));

/** `allows(req)`: whether the request's Host is one of `allowedHosts` or a loopback name. */
export function createHostPolicy(allowedHosts = []) {
  const anyHost = allowedHosts.includes(ANY_HOST);
  const listed = new Set(allowedHosts.map((name) => name.toLowerCase()));
  return {
    allowedHosts,
    allows(req) {
      if (anyHost) return true;
      const name = hostnameOf(req.headers.host ?? '');
      return name !== null && (listed.has(name) || isLoopbackName(name));
    },
  };
}
