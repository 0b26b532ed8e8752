// The statements both stores run, written once in the SQL both engines read (`?` placeholders;
// the PostgreSQL store numbers them). The rule that decides which version of a response is kept
// is in the upsert's WHERE (most-complete.mjs), so the database decides, inside one statement.
import { INSERT_RESPONSE_COLUMNS } from './migrations.mjs';
import { REPLACES_STORED, SAME_SURVEY } from './most-complete.mjs';

const REPLACED_COLUMNS = INSERT_RESPONSE_COLUMNS.split(', ').filter((column) => column !== 'id' && column !== 'survey_id');

const ROW_PLACEHOLDERS = `(${INSERT_RESPONSE_COLUMNS.split(', ')
  .map(() => '?')
  .join(', ')})`;

/**
 * Inserts `count` versions (distinct ids), each replacing its stored row only when it is more
 * complete and of the same survey; returns the seq and id of each row it inserted or replaced.
 */
export const upsertOf = (count) => `INSERT INTO responses (${INSERT_RESPONSE_COLUMNS}) VALUES ${Array.from({ length: count }, () => ROW_PLACEHOLDERS).join(', ')}
  ON CONFLICT (id) DO UPDATE SET ${REPLACED_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', ')}
  WHERE ${SAME_SURVEY} AND ${REPLACES_STORED}
  RETURNING seq, id`;

/** The same for one version. */
export const UPSERT = upsertOf(1);

export const SURVEY_OF = 'SELECT survey_id FROM responses WHERE id = ?';

/** A response's columns as readers get them: the body text, its order and the collector's times. */
export const ROW_COLUMNS = 'seq, survey_id AS "surveyId", readable, body, created_ms AS "createdMs", updated_ms AS "updatedMs", received_ms AS "receivedMs"';

export const DELETE_CHILDREN_OF = (where) => [
  `DELETE FROM answers WHERE response_seq IN (SELECT seq FROM responses WHERE ${where})`,
  `DELETE FROM choice_picks WHERE response_seq IN (SELECT seq FROM responses WHERE ${where})`,
  `DELETE FROM responses WHERE ${where}`,
];
