// Moves an existing SQLite file's responses into PostgreSQL:
//   EARSHOT_DB=examples/collector/data/earshot.sqlite DATABASE_URL=postgres://… node examples/collector/migrate.mjs
// The file is first brought to the current schema, as the collector does when it opens it (back
// it up first); the PostgreSQL database is migrated the same way and must hold no responses yet.
// Every row is copied as it is (its order, times, answer rows and the unreadable flag), in one
// transaction: a failure leaves the database empty. Then start the collector with DATABASE_URL.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { ANSWER_COLUMNS, INSERT_RESPONSE_COLUMNS, PICK_COLUMNS, migratePostgres, migrateSqlite } from './migrations.mjs';
import { redactedUrl } from './postgres-store.mjs';

/** Rows copied per statement. */
const PAGE_ROWS = 1000;

async function copyRows(client, table, columns, rows) {
  if (rows.length === 0) return;
  const names = columns.split(', ');
  const values = rows.map((_, r) => `(${names.map((_, c) => `$${r * names.length + c + 1}`).join(', ')})`).join(', ');
  await client.query(
    `INSERT INTO ${table} (${columns}) VALUES ${values}`,
    rows.flatMap((row) => names.map((name) => row[name])),
  );
}

/**
 * Copies every response of the SQLite file `file` into the PostgreSQL database at `databaseUrl`;
 * resolves to how many responses were copied. Throws when the database already holds responses.
 */
export async function migrateSqliteToPostgres({ file, databaseUrl, log = () => {} }) {
  const db = new Database(file, { fileMustExist: true });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    migrateSqlite(db);
    await migratePostgres(client);
    await client.query('BEGIN');
    const { rows } = await client.query('SELECT COUNT(*) AS n FROM responses');
    if (Number(rows[0].n) > 0) throw new Error(`DATABASE_URL: ${redactedUrl(databaseUrl)} already holds ${rows[0].n} responses; migrate into an empty database`);
    const sets = db.prepare('SELECT hash, questions FROM question_sets').all();
    for (let i = 0; i < sets.length; i += PAGE_ROWS) await copyRows(client, 'question_sets', 'hash, questions', sets.slice(i, i + PAGE_ROWS));
    const page = db.prepare(`SELECT seq, ${INSERT_RESPONSE_COLUMNS} FROM responses WHERE seq > ? ORDER BY seq LIMIT ${PAGE_ROWS}`);
    const childrenOf = (table, columns) => db.prepare(`SELECT ${columns} FROM ${table} WHERE response_seq BETWEEN ? AND ?`);
    const answers = childrenOf('answers', ANSWER_COLUMNS);
    const picks = childrenOf('choice_picks', PICK_COLUMNS);
    let copied = 0;
    for (let batch = page.all(0); batch.length > 0; batch = page.all(batch.at(-1).seq)) {
      await copyRows(client, 'responses', `seq, ${INSERT_RESPONSE_COLUMNS}`, batch);
      const [first, last] = [batch[0].seq, batch.at(-1).seq];
      const answerRows = answers.all(first, last);
      for (let i = 0; i < answerRows.length; i += PAGE_ROWS) await copyRows(client, 'answers', ANSWER_COLUMNS, answerRows.slice(i, i + PAGE_ROWS));
      const pickRows = picks.all(first, last);
      for (let i = 0; i < pickRows.length; i += PAGE_ROWS) await copyRows(client, 'choice_picks', PICK_COLUMNS, pickRows.slice(i, i + PAGE_ROWS));
      copied += batch.length;
      log(`${copied} responses copied`);
    }
    // New responses continue after the copied ones.
    await client.query("SELECT setval(pg_get_serial_sequence('responses', 'seq'), GREATEST((SELECT MAX(seq) FROM responses), 1))");
    await client.query('COMMIT');
    return copied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    db.close();
    await client.end();
  }
}

const runDirectly = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (runDirectly) {
  const file = process.env.EARSHOT_DB?.trim();
  const databaseUrl = process.env.DATABASE_URL?.trim();
  if (!file || !databaseUrl) {
    console.error('Usage: EARSHOT_DB=path/to/earshot.sqlite DATABASE_URL=postgres://… node examples/collector/migrate.mjs');
    process.exit(1);
  }
  try {
    const copied = await migrateSqliteToPostgres({ file: path.resolve(file), databaseUrl, log: (line) => process.stdout.write(`\r${line}`) });
    console.log(`\nCopied ${copied} responses from ${path.resolve(file)} to ${redactedUrl(databaseUrl)}. Start the collector with DATABASE_URL.`);
  } catch (error) {
    console.error(`\nNothing was copied: ${error.message}`);
    process.exit(1);
  }
}
