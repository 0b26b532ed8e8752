import { isRecord } from '../../core/definition/checks.js';
import type { Trigger } from '../../core/types.js';
import { getIn, setIn, type Path } from './paths.js';

/** How a group combines its journey points. */
export type Combinator = 'all' | 'any';

/** The combinator of a group (`{ "all": [...] }`), or none for a single journey point. */
export function combinatorOf(trigger: unknown): Combinator | undefined {
  if (!isRecord(trigger)) return undefined;
  return Array.isArray(trigger.all) ? 'all' : Array.isArray(trigger.any) ? 'any' : undefined;
}

/** The parts of a group; none for a single journey point. */
export function partsOf(trigger: unknown): unknown[] {
  const combinator = combinatorOf(trigger);
  return combinator ? ((trigger as Record<Combinator, unknown[]>)[combinator] ?? []) : [];
}

/** What an edit of the tree gives: the survey changed, and where the part it concerns now is. */
export interface TreeEdit<T> {
  definition: T;
  /** The path of the part moved or added (what keeps focus), or of the list it left. */
  at: Path;
}

/** `item` is `[...group, combinator, index]`: its group's path, its list's path and its index. */
function place(item: Path): { list: Path; index: number } {
  return { list: item.slice(0, -1), index: item[item.length - 1] as number };
}

/** Adds a part at the end of the group at `group`. */
export function addPart<T>(definition: T, group: Path, part: Trigger): TreeEdit<T> {
  const combinator = combinatorOf(getIn(definition, group)) ?? 'all';
  const list = [...partsOf(getIn(definition, group))];
  return { definition: setIn(definition, [...group, combinator], [...list, part]), at: [...group, combinator, list.length] };
}

export function removePart<T>(definition: T, item: Path): TreeEdit<T> {
  const { list, index } = place(item);
  const parts = (getIn(definition, list) as unknown[]).filter((_, other) => other !== index);
  return { definition: setIn(definition, list, parts), at: list };
}

/** Moves a part `by` places within its group; it stays where it is at either end. */
export function movePart<T>(definition: T, item: Path, by: number): TreeEdit<T> {
  const { list, index } = place(item);
  const parts = [...(getIn(definition, list) as unknown[])];
  const to = index + by;
  if (to < 0 || to >= parts.length) return { definition, at: item };
  const [moved] = parts.splice(index, 1);
  parts.splice(to, 0, moved);
  return { definition: setIn(definition, list, parts), at: [...list, to] };
}

/** Whether a part sits in a group that is itself a part of a group, so it can move out into that one. */
export const canMoveOut = (item: Path) => item.length >= 5 && typeof item[item.length - 3] === 'number';

/** Moves a part out of its group, into the group around it, just after the group it left. */
export function moveOut<T>(definition: T, item: Path): TreeEdit<T> {
  if (!canMoveOut(item)) return { definition, at: item };
  const { list, index } = place(item);
  const group = list.slice(0, -1);
  const { list: outer, index: groupIndex } = place(group);
  const part = (getIn(definition, list) as unknown[])[index];
  const left = removePart(definition, item).definition;
  const around = [...(getIn(left, outer) as unknown[])];
  around.splice(groupIndex + 1, 0, part);
  return { definition: setIn(left, outer, around), at: [...outer, groupIndex + 1] };
}

/** The group with its parts combined the other way (`all` ↔ `any`), in the same order. */
export function combineAs<T>(definition: T, group: Path, combinator: Combinator): T {
  const parts = partsOf(getIn(definition, group));
  return setIn(definition, group, { [combinator]: parts });
}

/** The depth of the group at `group` (the trigger's own group is 1): groups nest `MAX_TRIGGER_NESTING` deep at most. */
export const depthOf = (group: Path) => group.filter((part) => part === 'all' || part === 'any').length + 1;
