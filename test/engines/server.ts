// The server the cross-engine flows talk to: the demo server (examples/server.mjs) with a fresh
// in-memory reference collector, wrapped at its `collector.handle(req, res)` seam so a test can
// make the collector unreachable (the connection is cut, as when the network is down: WebKitGTK
// has no offline switch), and so that the flows' own pages are served without adding files to
// examples/. Every HTML page it serves gets an error recorder as the first script in <head>.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCollector, type Batch } from '../../examples/collector/collector.mjs';
import type { StoredResponse } from '../support/stored-response';
import { createServer } from '../../examples/server.mjs';

export type { StoredResponse };

const SHOP_ROOT = fileURLToPath(new URL('../../examples/shop/', import.meta.url));
/** axe-core, served to the pages so that every engine can run it (scenario flow 5). */
export const AXE_PATH = '/__engines/axe.min.js';
const AXE_FILE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
const COLLECTOR_PREFIX = '/api/earshot';

/** Records uncaught errors and unhandled rejections from the very start of the page, in any engine. */
const ERROR_RECORDER = `<script>(function () {
  var errors = (window.__engineErrors = []);
  addEventListener('error', function (e) { errors.push('error: ' + (e.error && e.error.stack || e.message)); });
  addEventListener('unhandledrejection', function (e) { var r = e.reason; errors.push('unhandled rejection: ' + (r && r.stack || r)); });
})();</script>`;

export interface EngineServer {
  /** Absolute URL of `path` on this server. */
  url(path: string): string;
  /** Stored responses (the most complete version of each), in arrival order of their first version. */
  responses(): StoredResponse[];
  /** Every copy of every response the collector accepted, across batches, in arrival order. */
  copies(): StoredResponse[];
  /** Accepted batches so far. */
  readonly batchCount: number;
  /** Requests the collector refused (4xx/5xx it answered itself), for failure messages. */
  readonly rejected: ReadonlyArray<{ status: number; error: string }>;
  /** While unreachable, every request to the collector has its connection cut, unanswered. */
  setCollectorReachable(reachable: boolean): void;
  /** Collector requests cut while unreachable. */
  readonly droppedRequests: number;
  close(): Promise<void>;
}

/** Starts a server on a free port with `pages` served at their paths (e.g. `/__engines/branch.html`). */
export async function startEngineServer(pages: Record<string, string>): Promise<EngineServer> {
  let reachable = true;
  let dropped = 0;
  const collector = createCollector();
  const handle = collector.handle;
  collector.handle = (req: IncomingMessage, res: ServerResponse) => {
    const pathname = new URL(req.url ?? '/', 'http://engines').pathname;
    if (pathname.startsWith(COLLECTOR_PREFIX)) {
      if (reachable) return handle(req, res);
      dropped++;
      req.socket.destroy();
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (pathname in pages) {
      sendHtml(res, pages[pathname]);
      return true;
    }
    if (pathname === AXE_PATH) {
      readFile(AXE_FILE).then(
        (script) => res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8' }).end(script),
        () => res.writeHead(404).end(),
      );
      return true;
    }
    const shopPage = /^\/shop\/([a-z-]+\.html)$/.exec(pathname);
    if (shopPage) {
      // The demo shop page as it is on disk, plus the error recorder.
      readFile(SHOP_ROOT + shopPage[1], 'utf8').then(
        (html) => sendHtml(res, html),
        () => res.writeHead(404).end(),
      );
      return true;
    }
    return false;
  };
  const server = await createServer({ port: 0, collector });

  return {
    url: (path) => new URL(path, server.url).href,
    responses: () => collector.responses(),
    copies: () => collector.batches.flatMap((batch: Batch) => batch.responses),
    get batchCount() {
      return collector.batches.length;
    },
    get rejected() {
      return collector.rejected;
    },
    setCollectorReachable(value) {
      reachable = value;
    },
    get droppedRequests() {
      return dropped;
    },
    async close() {
      try {
        await server.close();
      } finally {
        collector.close();
      }
    },
  };
}

function sendHtml(res: ServerResponse, html: string): void {
  const withRecorder = html.replace(/<head>/i, (head) => `${head}\n${ERROR_RECORDER}`);
  res.writeHead(200, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(withRecorder),
    'Cache-Control': 'no-store',
  });
  res.end(withRecorder);
}
