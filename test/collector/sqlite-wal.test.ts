// Two collectors starting at once on a new SQLite file: the one that switches the file to WAL needs
// it to itself, and SQLite may answer the other SQLITE_BUSY at once, without its busy timeout. The
// second collector must wait its turn, not exit (it did once in concurrent-processes.test.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useWal } from '../../examples/collector/sqlite-store.mjs';
import { storeUnderTest } from './support/test-store';

let folder: string | null = null;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = null;
});

/** A database file whose first `busyTimes` switches to WAL are refused as another process's would be. */
function contestedDatabase(busyTimes: number): Database.Database {
  folder = mkdtempSync(path.join(tmpdir(), 'earshot-wal-'));
  const db = new Database(path.join(folder, 'responses.sqlite'));
  const pragma = db.pragma.bind(db);
  let refused = 0;
  db.pragma = ((source: string, options?: Database.PragmaOptions) => {
    if (source === 'journal_mode = WAL' && refused < busyTimes) {
      refused++;
      throw new Database.SqliteError('database is locked', 'SQLITE_BUSY');
    }
    return pragma(source, options);
  }) as typeof db.pragma;
  return db;
}

describe.runIf(storeUnderTest === 'sqlite')('a SQLite file another collector is setting up', () => {
  it('is put in WAL mode once the other lets go, within the busy timeout', () => {
    const db = contestedDatabase(3);
    useWal(db, 5_000);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('still fails with SQLITE_BUSY once the busy timeout has passed, and at once for any other error', () => {
    const db = contestedDatabase(Infinity);
    const started = Date.now();
    expect(() => useWal(db, 100)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    db.close();
    const closed = contestedDatabase(0);
    closed.close();
    const again = Date.now();
    expect(() => useWal(closed, 5_000)).toThrow(/not open/);
    expect(Date.now() - again).toBeLessThan(1_000);
  });
});
