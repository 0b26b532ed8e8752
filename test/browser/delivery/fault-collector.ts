// A collector whose faults the test controls. It wraps the reference collector's
// `handle(req, res)` seam (as test/browser/harness.ts does) and decides, request by request,
// whether to let the collector answer, answer a scripted status itself, cut the connection, or
// let the collector store the batch and then cut the connection so the answer is lost. Every
// request is recorded (arrival and finish time, headers, body size, the response versions it
// carried) together with the largest number of deliveries in flight at once.
//
// It also serves the delivery test pages under /__delivery/ so that no file is added to examples/.
import { PassThrough } from 'node:stream';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createCollector } from '../../../examples/collector/collector.mjs';
import { createServer } from '../../../examples/server.mjs';
import { BLANK_PAGE, PAGE_PATH, BLANK_PATH, renderTestPage } from './pages';
import type { StoredResponse } from '../../support/stored-response';

export type { StoredResponse };

export const COLLECTOR_PATH = '/api/earshot';

/** What happens to one delivery request. */
export type Fault =
  /** The collector answers as it would. */
  | { kind: 'pass' }
  /** The wrapper answers this status itself; the collector never sees the batch. */
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** The connection is cut before the collector sees the batch. */
  | { kind: 'reset' }
  /** The collector stores the batch, then the connection is cut instead of the answer. */
  | { kind: 'store-then-reset' };

/** One version of a response as carried by a request. */
export interface CarriedVersion {
  id: string;
  completed: boolean;
  updatedAt?: string;
}

/** One request to the collector path, as the server saw it. */
export interface DeliveryRequest {
  seq: number;
  /** `Date.now()` when the request head arrived. */
  receivedAt: number;
  /**
   * `Date.now()` just before the answer's head was written: the client cannot have it earlier.
   * (The `finish` event can come several ms after the client already read the answer.)
   */
  answeredAt?: number;
  /** `Date.now()` when the answer was written out or the connection cut. */
  finishedAt?: number;
  method: string;
  contentType: string;
  /** `Sec-Fetch-Mode`: `cors` for fetch, `no-cors` for a text/plain `sendBeacon`. */
  fetchMode: string;
  /** `beacon` for a `navigator.sendBeacon` (text/plain, no-cors); `fetch` otherwise. Keepalive fetches look like fetches. */
  transport: 'fetch' | 'beacon';
  bodyBytes: number;
  /** The response versions in the batch (empty when the body was not a batch). */
  versions: CarriedVersion[];
  /** The ids of the `shown`/`dismissed` events the batch carried. */
  eventIds: string[];
  /** What the wrapper did: a fault kind, `offline` (cut while unreachable) or `too-large` (413). */
  handling: Fault['kind'] | 'offline' | 'too-large';
  /** Status the client received; absent when the connection was cut. */
  status?: number;
  /** Status the collector produced, also when the client never received it (store-then-reset). */
  collectorStatus?: number;
}

export interface FaultCollector {
  /** Origin of the server, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** While true, every delivery request has its connection cut without an answer. */
  offline: boolean;
  /** Answer 413 (without the collector seeing it) to bodies larger than this many bytes. */
  maxBodyBytes: number | null;
  /** Hold every delivery request this long before handling it, to widen overlap windows. */
  delayMs: number;
  /** Faults applied to the next delivery requests, in order, before `policy`. */
  script(...faults: Fault[]): void;
  /** Decides the fault for a request once the script is used up; null lets everything pass. */
  policy: ((request: DeliveryRequest) => Fault) | null;
  /** Every request to the collector path, in arrival order. */
  readonly requests: readonly DeliveryRequest[];
  /** POSTs to the collector path (the deliveries), in arrival order. */
  posts(): DeliveryRequest[];
  /** Deliveries in flight right now, and the most there ever were at once. */
  readonly inFlight: number;
  readonly maxInFlight: number;
  /** What the collector stored, one entry per row. */
  stored(): Promise<StoredResponse[]>;
  close(): Promise<void>;
}

/** A small seeded PRNG (mulberry32) so a "random" fault sequence replays identically. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A policy failing `rate` of the requests at random (seeded), with a fault picked from `faults`. */
export function randomFaults({ seed, rate, faults }: { seed: number; rate: number; faults: Fault[] }): (request: DeliveryRequest) => Fault {
  const random = seededRandom(seed);
  return () => {
    const roll = random();
    const pick = random();
    return roll < rate ? faults[Math.floor(pick * faults.length)] : { kind: 'pass' };
  };
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** A stand-in request that replays an already-read body to the collector. */
function replay(req: IncomingMessage, body: Buffer): IncomingMessage {
  const copy = new PassThrough();
  copy.end(body);
  return Object.assign(copy, {
    headers: req.headers,
    rawHeaders: req.rawHeaders,
    method: req.method,
    url: req.url,
    httpVersion: req.httpVersion,
    socket: req.socket,
    connection: req.socket,
    complete: true,
  }) as unknown as IncomingMessage;
}

function versionsOf(body: Buffer): CarriedVersion[] {
  try {
    const batch = JSON.parse(body.toString('utf8')) as { responses?: Array<Record<string, unknown>> };
    if (!Array.isArray(batch?.responses)) return [];
    return batch.responses.map((r) => ({ id: String(r.id), completed: r.completed === true, updatedAt: r.updatedAt as string | undefined }));
  } catch {
    return [];
  }
}

function eventIdsOf(body: Buffer): string[] {
  try {
    const batch = JSON.parse(body.toString('utf8')) as { events?: Array<Record<string, unknown>> };
    return Array.isArray(batch?.events) ? batch.events.map((event) => String(event.id)) : [];
  } catch {
    return [];
  }
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(', ') : (value ?? '');
}

/** Starts the demo server with a fault-injecting wrapper around a fresh reference collector. */
export async function startFaultCollector(): Promise<FaultCollector> {
  const collector = createCollector();
  const handle = collector.handle.bind(collector);
  const requests: DeliveryRequest[] = [];
  const scripted: Fault[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  const control = {
    offline: false,
    maxBodyBytes: null as number | null,
    delayMs: 0,
    policy: null as FaultCollector['policy'],
  };

  function nextFault(record: DeliveryRequest): Fault {
    return scripted.shift() ?? control.policy?.(record) ?? { kind: 'pass' };
  }

  async function deliver(req: IncomingMessage, res: ServerResponse, record: DeliveryRequest): Promise<void> {
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      record.finishedAt = Date.now();
      inFlight--;
    };
    res.on('finish', finish);
    res.on('close', finish);
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse['writeHead']>) {
      record.answeredAt ??= Date.now();
      return writeHead.apply(this, args);
    } as ServerResponse['writeHead'];
    const cut = () => {
      finish();
      req.socket.destroy();
    };

    const body = await readAll(req);
    record.bodyBytes = body.length;
    record.versions = versionsOf(body);
    record.eventIds = eventIdsOf(body);
    if (control.delayMs > 0) await new Promise((r) => setTimeout(r, control.delayMs));

    if (control.offline) {
      record.handling = 'offline';
      return cut();
    }
    if (control.maxBodyBytes !== null && body.length > control.maxBodyBytes) {
      record.handling = 'too-large';
      record.status = 413;
      res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
      res.end(JSON.stringify({ error: `body: larger than ${control.maxBodyBytes} bytes` }));
      return;
    }
    const fault = nextFault(record);
    record.handling = fault.kind;
    if (fault.kind === 'reset') return cut();
    if (fault.kind === 'status') {
      record.status = fault.status;
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers });
      res.end(JSON.stringify({ error: `injected ${fault.status}` }));
      return;
    }
    if (fault.kind === 'store-then-reset') {
      // The collector processes the batch; whatever it answers is swallowed and the socket cut.
      const swallow = res as unknown as Record<string, unknown>;
      swallow.writeHead = (status: number) => {
        record.collectorStatus = status;
        return res;
      };
      swallow.setHeader = () => res;
      swallow.write = () => true;
      swallow.end = () => {
        record.collectorStatus ??= res.statusCode;
        cut();
        return res;
      };
    } else {
      res.on('finish', () => {
        record.status = res.statusCode;
        record.collectorStatus = res.statusCode;
      });
    }
    if (!handle(replay(req, body), res)) cut();
  }

  collector.handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://collector').pathname;
    if (req.method === 'GET' && (path === PAGE_PATH || path === BLANK_PATH)) {
      const html = path === PAGE_PATH ? renderTestPage() : BLANK_PAGE;
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(html) });
      res.end(html);
      return true;
    }
    if (path !== COLLECTOR_PATH) return handle(req, res);
    const fetchMode = header(req, 'sec-fetch-mode');
    const contentType = header(req, 'content-type');
    const record: DeliveryRequest = {
      seq: requests.length + 1,
      receivedAt: Date.now(),
      method: req.method ?? '',
      contentType,
      fetchMode,
      transport: fetchMode === 'no-cors' || contentType.startsWith('text/plain') ? 'beacon' : 'fetch',
      bodyBytes: Number(req.headers['content-length'] ?? 0),
      versions: [],
      eventIds: [],
      handling: 'pass',
    };
    requests.push(record);
    if (req.method !== 'POST') return handle(req, res);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    deliver(req, res, record).catch(() => {
      if (!res.headersSent) res.destroy();
    });
    return true;
  };

  const server = await createServer({ port: 0, host: '127.0.0.1', collector });

  return {
    url: server.url,
    get offline() {
      return control.offline;
    },
    set offline(value: boolean) {
      control.offline = value;
    },
    get maxBodyBytes() {
      return control.maxBodyBytes;
    },
    set maxBodyBytes(value: number | null) {
      control.maxBodyBytes = value;
    },
    get delayMs() {
      return control.delayMs;
    },
    set delayMs(value: number) {
      control.delayMs = value;
    },
    get policy() {
      return control.policy;
    },
    set policy(value: FaultCollector['policy']) {
      control.policy = value;
    },
    script(...faults: Fault[]) {
      scripted.push(...faults);
    },
    requests,
    posts: () => requests.filter((r) => r.method === 'POST'),
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
    // `await` also covers a collector whose store answers asynchronously.
    stored: async () => (await collector.responses()) as StoredResponse[],
    async close() {
      await server.close();
      // A collector handed to createServer is the caller's to close (the SQLite one holds a database).
      (collector as { close?: () => void }).close?.();
    },
  };
}
