// The collector's log: one JSON object per line, so every value is escaped (an id holding a line
// break cannot forge a line) and a log tool can read the fields. Entries name surveys, response
// ids, counts and reasons; answers appear only with `answers: true` (EARSHOT_LOG_ANSWERS=1).

/** A log writing JSON lines through `write` (default: standard output). */
export function createJsonLog({ write = (line) => process.stdout.write(`${line}\n`), answers = false } = {}) {
  const log = (event, fields = {}) => write(JSON.stringify({ time: new Date().toISOString(), event, ...fields }));
  log.answers = answers;
  return log;
}

/** A log that writes nothing (the default of createCollector, so tests stay quiet). */
export const silentLog = Object.assign(() => {}, { answers: false });
