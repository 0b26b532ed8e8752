// Earshot demo server: serves the example pages, the built SDK and the reference collector.
//   node examples/server.mjs
// Environment (docs/deployment.md has the full table):
//   PORT                    default 5178 (Vite keeps 5173); 0 picks a free one
//   HOST                    the address to listen on, default 127.0.0.1; any other needs EARSHOT_READ_TOKEN
//   EARSHOT_DB              the SQLite file, default examples/collector/data/earshot.sqlite (`:memory:` keeps nothing)
//   DATABASE_URL            postgres://… keeps responses in PostgreSQL instead (EARSHOT_DB is then not used)
//   EARSHOT_DB_POOL_SIZE    PostgreSQL connections this process may open, default 10
//   EARSHOT_READ_TOKEN      the key for results, exports and deletions; unset: readable from this machine only
//   ALLOWED_ORIGINS         comma-separated origins (or *) whose pages may send answers; the server's own always may
//   ALLOWED_HOSTS           names clients may reach the server by (besides loopback names and HOST)
//   EARSHOT_RATE_LIMIT      POSTs per minute per client, default 600; 0 turns the limit off
//   EARSHOT_RETENTION_DAYS  responses older than this are removed daily; unset keeps them
//   EARSHOT_TRUST_PROXY     1 behind a reverse proxy: rate limits count the address it forwards
//   EARSHOT_LOG_ANSWERS     1 puts answers in the log lines (never by default)
// Routes: /api/earshot* and /results from the collector, /dist/* from the repo's dist/ folder,
// /builder/ (the survey builder) from dist/builder/, /node_modules/* as a page with an import map
// sees it after `npm install earshot`, everything else from examples/ (a folder serves its index.html).
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCollector, COLLECTOR_PATH, EXPORT_PATH, RESPONSES_PATH, RESULTS_PATH, SCORES_PATH } from './collector/collector.mjs';
import { parseAllowedOrigins } from './collector/cors.mjs';
import { createHostPolicy, parseAllowedHosts } from './collector/host-policy.mjs';
import { isLoopbackAddress } from './collector/read-access.mjs';
import { createJsonLog } from './collector/request-log.mjs';
import { redactedUrl } from './collector/postgres-store.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES_ROOT = here;
const DIST_ROOT = path.resolve(here, '..', 'dist');
const BUILDER_ROOT = path.join(DIST_ROOT, 'builder');
const COLLECTOR_ROOT = path.join(here, 'collector');
export const DEFAULT_DATABASE = path.join(here, 'collector', 'data', 'earshot.sqlite');
const DEMO_PATH = '/shop/';
const NODE_MODULES = path.resolve(here, '..', 'node_modules');
/** The packages dist/earshot.js imports in a browser, directly or through Lit. */
const RUNTIME_PACKAGES = ['lit', 'lit-html', 'lit-element', '@lit/reactive-element', 'idb-keyval'];

/** Vite's dev server takes 5173; the demo keeps clear of it. */
export const DEFAULT_PORT = 5178;
export const DEFAULT_HOST = '127.0.0.1';
/** How long a client may take to send its headers, its whole request, and how long an idle connection stays open. */
export const DEFAULT_HEADERS_TIMEOUT_MS = 10_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
export const DEFAULT_KEEP_ALIVE_TIMEOUT_MS = 5_000;
/** How often Node checks those timeouts (its default, 30 s, would let a slow client stay a minute). */
const TIMEOUT_CHECK_INTERVAL_MS = 1_000;
/** Ports tried after a busy default one, before giving up. */
const PORTS_TRIED = 10;

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
};

function sendText(res, status, text, headers = {}) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

/**
 * Maps a URL path to a file inside `root`, or null when it would leave the root or touches a
 * dot-file. `rel` is the already-decoded path below the root.
 */
function resolveInside(root, rel) {
  if (rel.includes('\0')) return null;
  const parts = rel.split(/[/\\]+/).filter(Boolean);
  if (parts.some((p) => p.startsWith('.'))) return null; // also rejects '..'
  const file = path.resolve(root, ...parts);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  return file;
}

/**
 * Whether a file must never be served: the collector's code and data live under examples/, and
 * its database (wherever EARSHOT_DB puts it, with SQLite's -wal and -shm files) holds every answer.
 */
function isPrivate(file, databaseFile) {
  if (file === COLLECTOR_ROOT || file.startsWith(COLLECTOR_ROOT + path.sep)) return true;
  return databaseFile !== null && file.startsWith(databaseFile);
}

/**
 * The folder a URL path is served from, and the path below it. `/node_modules/` holds what a page
 * with an import map loads after `npm install earshot`: this repo's build and its runtime packages.
 */
function staticRoot(decoded) {
  const below = (prefix) => (decoded === prefix.slice(0, -1) || decoded.startsWith(prefix) ? decoded.slice(prefix.length - 1) : null);
  const dist = below('/dist/') ?? below('/node_modules/earshot/dist/');
  if (dist !== null) return [DIST_ROOT, dist];
  const builder = below('/builder/');
  if (builder !== null) return [BUILDER_ROOT, builder];
  for (const name of RUNTIME_PACKAGES) {
    const rel = below(`/node_modules/${name}/`);
    if (rel !== null) return [path.join(NODE_MODULES, ...name.split('/')), rel];
  }
  return [EXAMPLES_ROOT, decoded];
}

async function serveStatic(req, res, databaseFile) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  const { pathname } = new URL(req.url ?? '/', 'http://demo');
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    sendText(res, 400, 'Bad request\n');
    return;
  }
  const [root, rel] = staticRoot(decoded);
  let file = resolveInside(root, rel);
  if (!file || isPrivate(file, databaseFile)) {
    sendText(res, 404, 'Not found\n');
    return;
  }
  let info = await stat(file).catch(() => null);
  if (info?.isDirectory()) {
    if (!pathname.endsWith('/')) {
      // Relative links in the folder's index.html need the trailing slash. Empty segments are
      // dropped: a Location of `//shop/` would send the browser to a host called "shop".
      const location = `/${pathname.split('/').filter(Boolean).join('/')}/`;
      res.writeHead(301, { Location: location, 'Content-Length': '0' });
      res.end();
      return;
    }
    file = path.join(file, 'index.html');
    info = await stat(file).catch(() => null);
  }
  if (!info?.isFile()) {
    sendText(res, 404, 'Not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': info.size,
    'Cache-Control': 'no-store', // a demo: always serve the latest build
    'X-Content-Type-Options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** PORT from the environment (0 included), else DEFAULT_PORT. */
function defaultPort() {
  const fromEnv = process.env.PORT?.trim();
  return fromEnv && Number.isInteger(Number(fromEnv)) ? Number(fromEnv) : DEFAULT_PORT;
}

/** Whether `host` (a HOST value) can be reached from this machine only. */
export function isLoopbackHost(host) {
  return host === 'localhost' || isLoopbackAddress(host.replace(/^\[|\]$/g, ''));
}

/**
 * Starts the demo server. Resolves to `{ url, port, close(), collector, server }` once it
 * listens; `url` is the origin, e.g. `http://127.0.0.1:5178`. Port 0 picks a free port.
 * Without a `collector`, one with an in-memory database is made (and closed by `close()`).
 * Rejects, before listening, on a non-loopback `host` when the collector has no read token.
 */
export async function createServer({
  port = defaultPort(),
  host = DEFAULT_HOST,
  collector,
  headersTimeoutMs = DEFAULT_HEADERS_TIMEOUT_MS,
  requestTimeoutMs = DEFAULT_REQUEST_TIMEOUT_MS,
  keepAliveTimeoutMs = DEFAULT_KEEP_ALIVE_TIMEOUT_MS,
} = {}) {
  const ownCollector = collector === undefined;
  if (ownCollector) collector = createCollector({ demoPath: DEMO_PATH });
  if (!isLoopbackHost(host) && !collector.requiresToken) {
    if (ownCollector) collector.close();
    throw new Error(
      `HOST: ${host} can be reached from other machines, and without EARSHOT_READ_TOKEN anyone there could read the answers; set EARSHOT_READ_TOKEN, or HOST=127.0.0.1`,
    );
  }
  const databaseFile = collector.database && collector.database !== ':memory:' ? path.resolve(collector.database) : null;
  const hosts = createHostPolicy(collector.allowedHosts ?? []);
  const server = http.createServer(
    { headersTimeout: headersTimeoutMs, requestTimeout: requestTimeoutMs, keepAliveTimeout: keepAliveTimeoutMs, connectionsCheckingInterval: TIMEOUT_CHECK_INTERVAL_MS },
    (req, res) => {
      try {
        if (collector.handle(req, res)) return;
        if (!hosts.allows(req)) {
          sendText(res, 421, 'Misdirected request: this server does not answer to that name (ALLOWED_HOSTS)\n');
          return;
        }
        serveStatic(req, res, databaseFile).catch((err) => {
          if (!res.headersSent) sendText(res, 500, `Server error: ${err?.message ?? err}\n`);
          else res.destroy();
        });
      } catch (err) {
        if (!res.headersSent) sendText(res, 500, `Server error: ${err?.message ?? err}\n`);
      }
    },
  );

  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    if (ownCollector) collector.close();
    throw error;
  }

  const address = server.address();
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${shownHost}:${address.port}`;

  return {
    url,
    port: address.port,
    server,
    collector,
    close() {
      return new Promise((resolve) => {
        server.close(() => {
          if (ownCollector) collector.close();
          resolve();
        });
        server.closeAllConnections();
      });
    },
  };
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

/** A setting read from the environment, or the process ends with one line naming it: a typo must not silently change what is exposed. */
function fromEnv(name, parse) {
  try {
    return parse(process.env[name]?.trim() || undefined);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

const wholeNumber = (name) => (text) => {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`${name}: must be a whole number (got ${JSON.stringify(text)})`);
  return Number(text);
};

/**
 * Listens on `port`, or when it is busy and was not asked for explicitly, on the next free one.
 * A busy port ends the process with one line saying what to do, never a stack trace.
 */
async function listenForDemo(options, { explicitPort }) {
  for (let port = options.port; ; port++) {
    try {
      const demo = await createServer({ ...options, port });
      if (port !== options.port) console.log(`Port ${options.port} is in use, so the demo listens on ${port} (PORT=… chooses another).`);
      return demo;
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
      if (explicitPort || port >= options.port + PORTS_TRIED - 1) {
        console.error(`Port ${port} is in use by another program: stop it, or start the demo on a free port, e.g. PORT=${port + 1} npm start`);
        process.exit(1);
      }
    }
  }
}

if (runDirectly) {
  const dbSetting = process.env.EARSHOT_DB?.trim() || DEFAULT_DATABASE;
  const database = dbSetting === ':memory:' ? dbSetting : path.resolve(dbSetting);
  const host = process.env.HOST?.trim() || DEFAULT_HOST;
  const allowedHosts = fromEnv('ALLOWED_HOSTS', (text) => parseAllowedHosts(text));
  if (!isLoopbackHost(host) && !['0.0.0.0', '::', '[::]'].includes(host)) allowedHosts.push(host.toLowerCase());
  const readToken = process.env.EARSHOT_READ_TOKEN?.trim() || null;
  const databaseUrl = process.env.DATABASE_URL?.trim() || null;
  const collector = createCollector({
    database,
    databaseUrl,
    poolSize: fromEnv('EARSHOT_DB_POOL_SIZE', wholeNumber('EARSHOT_DB_POOL_SIZE')),
    allowedOrigins: fromEnv('ALLOWED_ORIGINS', (text) => parseAllowedOrigins(text)),
    allowedHosts,
    readToken,
    postsPerMinute: fromEnv('EARSHOT_RATE_LIMIT', wholeNumber('EARSHOT_RATE_LIMIT')),
    retentionDays: fromEnv('EARSHOT_RETENTION_DAYS', wholeNumber('EARSHOT_RETENTION_DAYS')) ?? null,
    trustProxy: process.env.EARSHOT_TRUST_PROXY === '1',
    log: createJsonLog({ answers: process.env.EARSHOT_LOG_ANSWERS === '1' }),
    demoPath: DEMO_PATH,
  });
  try {
    await collector.ready;
  } catch (error) {
    console.error(`Cannot open the database: ${error.message}`);
    await collector.close().catch(() => {});
    process.exit(1);
  }
  let demo;
  try {
    demo = await listenForDemo({ port: defaultPort(), host, collector }, { explicitPort: Boolean(process.env.PORT?.trim()) });
  } catch (error) {
    console.error(error.code ? `Cannot listen on ${host}: ${error.code} (${error.message})` : error.message);
    collector.close();
    process.exit(1);
  }
  const origins = collector.allowedOrigins.length > 0 ? collector.allowedOrigins.join(', ') : 'this server only';
  const reads = readToken ? 'with EARSHOT_READ_TOKEN (Bearer, or Basic with the token as password)' : 'from this machine only (set EARSHOT_READ_TOKEN to read from elsewhere)';
  console.log(`Earshot demo: ${demo.url}${DEMO_PATH}`);
  console.log(`Results:      ${demo.url}${RESULTS_PATH}`);
  console.log(`Collector:    POST ${demo.url}${COLLECTOR_PATH}   (origins: ${origins})`);
  console.log(`Responses:    GET  ${demo.url}${RESPONSES_PATH}`);
  console.log(`CSV export:   GET  ${demo.url}${EXPORT_PATH}`);
  console.log(`Scores:       GET  ${demo.url}${SCORES_PATH}?survey=ID`);
  console.log(`Reading:      ${reads}`);
  console.log(`Database:     ${collector.engine === 'postgres' ? `PostgreSQL ${redactedUrl(databaseUrl)}` : database}`);
  console.log(`Pages from a dev server (Vite on http://localhost:5173, say) may send answers once allowed: ALLOWED_ORIGINS=http://localhost:5173 npm start`);
  console.log('Log lines below are JSON; a refused origin is named in them.');
  const stop = () =>
    demo
      .close()
      .then(() => collector.close())
      .finally(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
