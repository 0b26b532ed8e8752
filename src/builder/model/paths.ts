/** Where a value sits in the survey definition: keys and list indexes, outermost first. */
export type Path = readonly (string | number)[];

/** A path as the validator writes it: `questions[1].options[0]`. */
export function pathText(path: Path): string {
  return path.reduce<string>((text, part) => (typeof part === 'number' ? `${text}[${part}]` : text ? `${text}.${part}` : part), '');
}

export function getIn(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, part) => (value as Record<string | number, unknown> | undefined)?.[part], root);
}

/**
 * A copy of `root` with `value` at `path` (objects and lists along the way copied, missing ones
 * made); `undefined` removes the key, so a cleared optional field leaves no trace in the JSON.
 */
export function setIn<T>(root: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  const copy = (Array.isArray(root) ? [...root] : { ...(root as object) }) as Record<string | number, unknown>;
  const next = setIn(copy[head] ?? (typeof rest[0] === 'number' ? [] : {}), rest, value);
  // Removing a part's last field removes the part (`"where": {}` says nothing).
  const emptied = value === undefined && isEmptyObject(next);
  if ((next === undefined || emptied) && !Array.isArray(copy)) delete copy[head];
  else copy[head] = next;
  return copy as T;
}

const isEmptyObject = (value: unknown) => typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0;
