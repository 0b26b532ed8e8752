// Earshot demo server: serves the example pages, the built SDK and the reference collector.
//   node examples/server.mjs
// Environment:
//   PORT             default 5173; 0 picks a free one
//   EARSHOT_DB       the SQLite file, default examples/collector/data/earshot.sqlite (`:memory:` keeps nothing)
//   ALLOWED_ORIGINS  comma-separated origins (or *) whose pages may send answers; the server's own always may
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
      // Relative links in the folder's index.html need the trailing slash.
      res.writeHead(301, { Location: pathname + '/', 'Content-Length': '0' });
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

/** PORT from the environment (0 included), else 5173. */
function defaultPort() {
  const fromEnv = process.env.PORT?.trim();
  return fromEnv && Number.isInteger(Number(fromEnv)) ? Number(fromEnv) : 5173;
}

/**
 * Starts the demo server. Resolves to `{ url, port, close(), collector, server }` once it
 * listens; `url` is the origin, e.g. `http://127.0.0.1:5173`. Port 0 picks a free port.
 * Without a `collector`, one with an in-memory database is made (and closed by `close()`).
 */
export async function createServer({ port = defaultPort(), host = '127.0.0.1', collector } = {}) {
  const ownCollector = collector === undefined;
  if (ownCollector) collector = createCollector({ demoPath: DEMO_PATH });
  const databaseFile = collector.database && collector.database !== ':memory:' ? path.resolve(collector.database) : null;
  const server = http.createServer((req, res) => {
    try {
      if (collector.handle(req, res)) return;
      serveStatic(req, res, databaseFile).catch((err) => {
        if (!res.headersSent) sendText(res, 500, `Server error: ${err?.message ?? err}\n`);
        else res.destroy();
      });
    } catch (err) {
      if (!res.headersSent) sendText(res, 500, `Server error: ${err?.message ?? err}\n`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });

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

/** ALLOWED_ORIGINS, or the process ends with the reason: a typo must not silently refuse answers. */
function allowedOriginsFromEnv() {
  try {
    return parseAllowedOrigins(process.env.ALLOWED_ORIGINS);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

if (runDirectly) {
  const fromEnv = process.env.EARSHOT_DB?.trim() || DEFAULT_DATABASE;
  const database = fromEnv === ':memory:' ? fromEnv : path.resolve(fromEnv);
  const collector = createCollector({
    database,
    allowedOrigins: allowedOriginsFromEnv(),
    demoPath: DEMO_PATH,
    onBatch(batch, { stored, kept }) {
      const summary = batch.responses
        .map((r) => `${r.surveyId} ${r.id} ${r.completed ? 'completed' : 'partial'} ${JSON.stringify(r.answers)}`)
        .join('\n  ');
      console.log(`batch: ${batch.responses.length} response(s), ${stored} stored, ${kept} kept older\n  ${summary}`);
    },
  });
  const demo = await createServer({ collector });
  const origins = collector.allowedOrigins.length > 0 ? collector.allowedOrigins.join(', ') : 'this server only (set ALLOWED_ORIGINS)';
  console.log(`Earshot demo: ${demo.url}${DEMO_PATH}`);
  console.log(`Results:      ${demo.url}${RESULTS_PATH}`);
  console.log(`Collector:    POST ${demo.url}${COLLECTOR_PATH}   (origins: ${origins})`);
  console.log(`Responses:    GET  ${demo.url}${RESPONSES_PATH}`);
  console.log(`CSV export:   GET  ${demo.url}${EXPORT_PATH}`);
  console.log(`Scores:       GET  ${demo.url}${SCORES_PATH}?survey=ID`);
  console.log(`Database:     ${database}`);
  const stop = () =>
    demo.close().then(() => {
      collector.close();
      process.exit(0);
    });
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
