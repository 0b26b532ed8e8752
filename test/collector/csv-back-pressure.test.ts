// The CSV export reads the store only as fast as its client takes the file: a client that stops
// reading stops the reads (back-pressure from the socket through csv-stringify to the row pages),
// so a slow download never makes the collector hold the table in memory.
import http from 'node:http';
import { describe, expect, it } from 'vitest';
import { makeResponse } from '../support/responses';
import { batchOf, useDemo } from './demo';

const demo = useDemo();

/** 3,000 responses with a 5,000-character comment each: 15 MB of CSV, far past what a loopback connection buffers. */
const RESPONSES = 3000;
const COMMENT = 'The delivery was late and nobody answered the phone. '.repeat(100).slice(0, 5000);

/** Responses per POST, under the collector's 256 KB body limit. */
const PER_BATCH = 40;

async function storeMany() {
  for (let start = 0; start < RESPONSES; start += PER_BATCH) {
    const responses = Array.from({ length: PER_BATCH }, (_, i) =>
      makeResponse({ id: `r-${start + i}`, answers: { score: (start + i) % 11, reason: COMMENT }, questions: [{ id: 'reason', type: 'text', text: 'Why?' }] }),
    );
    expect((await demo.post(batchOf(...responses))).status).toBe(200);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('GET /api/earshot/export.csv read slowly', () => {
  it('stops reading rows from the store while the client is not reading, then sends every row', async () => {
    await storeMany();
    const { store } = demo.server.collector;
    const rowsAfter = store.rowsAfter;
    let rowsRead = 0;
    store.rowsAfter = async (options) => {
      const rows = await rowsAfter(options);
      rowsRead += rows.length;
      return rows;
    };
    try {
      const res = await new Promise<http.IncomingMessage>((resolve, reject) => http.get(demo.url('/api/earshot/export.csv'), resolve).on('error', reject));
      expect(res.statusCode).toBe(200);
      let received = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (received += chunk));
      await new Promise((resolve) => res.once('data', resolve));
      res.pause();
      // Wait until the collector has read all it is going to while the client does not read.
      let before = -1;
      while (rowsRead !== before) {
        before = rowsRead;
        await sleep(300);
      }
      const readWhilePaused = rowsRead;
      expect(readWhilePaused).toBeGreaterThan(0);
      // What the socket buffers and one page in hand: well short of the file.
      expect(readWhilePaused).toBeLessThan(RESPONSES / 2);

      res.resume();
      await new Promise((resolve) => res.once('end', resolve));
      expect(rowsRead).toBe(RESPONSES);
      const lines = received.split('\r\n').filter((line) => line !== '');
      expect(lines.length).toBe(RESPONSES + 1);
    } finally {
      store.rowsAfter = rowsAfter;
    }
  }, 60_000);
});
