// Times sent by the visitor's device: a wrong clock still gets the answer stored and dated right,
// but no client time can pin a row, outrank a later resend by more than a plausible skew, or move
// the results into another year. The collector's clock is set by the test.
import { describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS, MAX_RESPONSE_AGE_MS, parseDateTime } from '../../examples/collector/client-time.mjs';
import { makeResponse } from '../support/responses';
import { useDemo } from './demo';

let clock = Date.parse('2026-11-27T10:00:00.000Z');
const demo = useDemo({ now: () => clock });
const stored = () => demo.server.collector.storedResponses();
const iso = (ms: number) => new Date(ms).toISOString();
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Posts `responses` as a device whose clock reads `deviceNow` sends them. */
const postFromDevice = (deviceNow: number, ...responses: unknown[]) => demo.post({ sentAt: iso(deviceNow), responses });

async function csvRow(id: string) {
  const [header, ...rows] = (await (await fetch(demo.url('/api/earshot/export.csv'))).text())
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .map((line) => line.split(','));
  const row = rows.find((cells) => cells[0] === id);
  return Object.fromEntries(header.map((name, i) => [name, row?.[i]]));
}

describe('a forged updatedAt', () => {
  it('far in the future outranks a later resend for MAX_CLOCK_SKEW_MS at most', async () => {
    const start = clock;
    const honest = (answer: number, at: number) => makeResponse({ id: 'target', completed: false, answers: { score: answer }, createdAt: iso(start), updatedAt: iso(at) });
    await postFromDevice(clock, honest(8, clock));
    // Someone who learned the id sends a version dated in the year 2100.
    await demo.post({
      sentAt: '2100-01-01T00:00:00.000Z',
      responses: [makeResponse({ id: 'target', completed: false, answers: { score: 0 }, createdAt: iso(start), updatedAt: '2100-01-01T00:00:00.000Z' })],
    });
    expect((await stored())[0].answers.score).toBe(0);

    clock += MAX_CLOCK_SKEW_MS - MINUTE;
    await postFromDevice(clock, honest(9, clock));
    expect((await stored())[0].answers.score).toBe(0);

    clock += 2 * MINUTE; // past the skew the forged time was capped at
    await postFromDevice(clock, honest(10, clock));
    expect((await stored())[0].answers.score).toBe(10);
  });

  it('cannot move the trend into another year', async () => {
    await postFromDevice(clock, makeResponse({ id: 'today', answers: { score: 9 }, createdAt: iso(clock), updatedAt: iso(clock) }));
    await demo.post({
      sentAt: '2031-05-05T00:00:00.000Z',
      responses: [makeResponse({ id: 'future', createdAt: '2031-05-05T00:00:00.000Z', updatedAt: '2031-05-05T00:00:00.000Z' })],
    });
    await demo.post({
      sentAt: '2026-11-27T09:00:00.000Z',
      responses: [makeResponse({ id: 'ancient', createdAt: '1970-01-01T00:00:00.000Z', updatedAt: '1970-01-01T00:00:00.000Z' })],
    });
    const page = await (await fetch(demo.url('/results'))).text();
    expect(page).toContain('27 Nov 2026');
    expect(page).not.toMatch(/2031|1970/);
    // No time is later than the collector's clock, nor earlier than the oldest an SDK could keep.
    expect((await csvRow('future')).createdAt).toBe(iso(clock));
    expect(Date.parse((await csvRow('ancient')).createdAt ?? '')).toBe(clock - MAX_RESPONSE_AGE_MS);
  });
});

describe('a device whose clock is wrong', () => {
  it('a year behind: the answer is stored and dated by its age, not by the device clock', async () => {
    const deviceNow = clock - 365 * DAY;
    const response = makeResponse({ id: 'slow-clock', createdAt: iso(deviceNow - 5 * MINUTE), updatedAt: iso(deviceNow - MINUTE) });
    expect((await postFromDevice(deviceNow, response)).status).toBe(200);
    expect(await stored()).toEqual([response]);
    const row = await csvRow('slow-clock');
    expect(row).toMatchObject({ createdAt: iso(clock - 5 * MINUTE), updatedAt: iso(clock - MINUTE), receivedAt: iso(clock) });
  });

  it('two hours ahead: its versions still replace one another in order, also two in one batch', async () => {
    const deviceNow = clock + 2 * 60 * MINUTE;
    const version = (answer: number, offset: number) =>
      makeResponse({ id: 'fast-clock', completed: false, answers: { score: answer }, createdAt: iso(deviceNow), updatedAt: iso(deviceNow + offset) });
    await postFromDevice(deviceNow, version(1, 0), version(2, 1));
    expect((await stored())[0].answers.score).toBe(2);
    clock += MINUTE;
    await postFromDevice(deviceNow + MINUTE, version(3, MINUTE));
    expect((await stored())[0].answers.score).toBe(3);
  });

  it('an offline response delivered days later keeps its day', async () => {
    const answeredAt = clock - 3 * DAY;
    await postFromDevice(clock, makeResponse({ id: 'offline', createdAt: iso(answeredAt), updatedAt: iso(answeredAt) }));
    expect((await csvRow('offline')).createdAt).toBe(iso(answeredAt));
  });
});

describe('parseDateTime', () => {
  it.each([
    ['2026-11-27T10:00:00.000Z', Date.parse('2026-11-27T10:00:00.000Z')],
    ['2026-06-30T23:59:60Z', Date.parse('2026-06-30T23:59:59.999Z')],
    ['2026-07-01T01:59:60+02:00', Date.parse('2026-06-30T23:59:59.999Z')],
    ['2026-11-27T10:00:00+01', Date.parse('2026-11-27T09:00:00Z')],
    ['2026-11-27 10:00:00.123456789z', Date.parse('2026-11-27T10:00:00.123Z')],
    ['0001-01-01T00:00:00Z', Date.parse('0001-01-01T00:00:00Z')],
  ])('reads %s', (text, ms) => {
    expect(parseDateTime(text)).toBe(ms);
  });

  it.each(['2026-02-29T00:00:00Z', '2026-13-01T00:00:00Z', '2026-11-27T10:00:00', '2026-11-27T10:00:00+25:00', 'yesterday'])('refuses %s', (text) => {
    expect(parseDateTime(text)).toBeNull();
  });
});
