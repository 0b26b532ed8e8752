/**
 * One step of a pattern compiled for `accepts`: consume one character that passes the test; go on
 * at either of two offsets (a fork, or a jump when both are equal); or hold only at the start
 * (`^`) or the end (`$`) of the text. The offsets are relative, so compiled pieces concatenate.
 */
export type Step = ((char: string) => boolean) | [number, number] | '^' | '$';

/** A compiled pattern; it matches when a thread runs past its last step. */
export type Program = Step[];

/**
 * Whether `program` matches somewhere in `text` (anchor it with `^`/`$` steps to match the whole).
 *
 * Thompson's construction, run as a set of threads rather than by backtracking: each step is
 * visited at most once per position, so the work is at most (text length + 1) × (program length
 * + 1) visits, whatever the pattern. `tally`, for tests, counts those visits.
 */
export function accepts(program: Program, text: string, tally?: { visits: number }): boolean {
  /** The last position at which each step was added, so no step runs twice at one position. */
  const seen: number[] = [];
  let found = false;
  const add = (threads: number[], at: number, index: number): void => {
    if (seen[index] === at) return;
    seen[index] = at;
    if (tally) tally.visits++;
    const step = program[index];
    if (!step) found = true;
    else if (Array.isArray(step)) {
      add(threads, at, index + step[0]);
      add(threads, at, index + step[1]);
    } else if (typeof step == 'string') {
      if (at === (step == '$' ? text.length : 0)) add(threads, at, index + 1);
    } else threads.push(index);
  };
  for (let at = 0, threads: number[] = []; ; at++) {
    // A match may begin at any position.
    add(threads, at, 0);
    if (found) return true;
    if (at === text.length) return false;
    const next: number[] = [];
    for (const index of threads) if ((program[index] as (char: string) => boolean)(text[at])) add(next, at + 1, index + 1);
    threads = next;
  }
}
