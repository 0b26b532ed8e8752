/** Thrown by `init` when the configuration has problems; `problems` lists each one with its path. */
export class EarshotConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super(`Earshot config has ${count}:\n- ${problems.join('\n- ')}`);
    this.name = 'EarshotConfigError';
    this.problems = problems;
  }
}
