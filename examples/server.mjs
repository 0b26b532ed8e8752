// Earshot demo server: serves the example pages, the built SDK and the demo collector.
//   node examples/server.mjs          (PORT=8080 to change the port; 0 picks a free one)
// Routes: /dist/* from the repo's dist/ folder, /api/earshot* from the collector, everything
// else from examples/ (a folder serves its index.html).
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createCollector, COLLECTOR_PATH, RESPONSES_PATH } from './collector/collector.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES_ROOT = here;
const DIST_ROOT = path.resolve(here, '..', 'dist');

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

async function serveStatic(req, res) {
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
  const inDist = decoded === '/dist' || decoded.startsWith('/dist/');
  const root = inDist ? DIST_ROOT : EXAMPLES_ROOT;
  let file = resolveInside(root, inDist ? decoded.slice('/dist'.length) : decoded);
  if (!file) {
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
 */
export async function createServer({
  port = defaultPort(),
  host = '127.0.0.1',
  collector = createCollector(),
} = {}) {
  const server = http.createServer((req, res) => {
    try {
      if (collector.handle(req, res)) return;
      serveStatic(req, res).catch((err) => {
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
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;

if (runDirectly) {
  const collector = createCollector({
    onBatch(batch, { stored, kept }) {
      const summary = batch.responses
        .map((r) => `${r.surveyId} ${r.id} ${r.completed ? 'completed' : 'partial'} ${JSON.stringify(r.answers)}`)
        .join('\n  ');
      console.log(`batch: ${batch.responses.length} response(s), ${stored} stored, ${kept} kept older\n  ${summary}`);
    },
  });
  const demo = await createServer({ collector });
  console.log(`Earshot demo: ${demo.url}/shop/`);
  console.log(`Collector:    POST ${demo.url}${COLLECTOR_PATH}`);
  console.log(`Responses:    GET  ${demo.url}${RESPONSES_PATH}`);
  const stop = () => demo.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
