import type { Program } from './nfa.js';

/** Longest `regex` a `url` trigger may have; the time to match grows with it (see `accepts`). */
export const URL_REGEX_MAX_LENGTH = 200;

/**
 * The regular expressions a `url` trigger accepts (the same pattern is in survey.schema.json):
 * characters and escaped punctuation, `.`, classes `[…]`, `\d \D \w \W \s \S`, groups `(…)` and
 * `(?:…)`, `|`, `*`, `+`, `?`, `^` and `$`. Left out: `{m,n}` counts, lookaround, named groups,
 * back-references and other letter escapes (`\b`, `\u…`). What is left is regular, so it
 * compiles to a program that matches in linear time, never by backtracking.
 */
export const URL_REGEX_SUBSET = /^(?:[^\\{}(]|\\[dDwWsS]|\\[^A-Za-z0-9]|\((?!\?)|\(\?:)*$/;

/**
 * Compiles a regular expression that is valid JavaScript and within `URL_REGEX_SUBSET`. Each
 * single-character part (`a`, `.`, `\d`, `[a-z]`) is tested by the platform on one character at a
 * time, which cannot backtrack, so it means exactly what it means in JavaScript.
 */
export function compileRegex(source: string): Program {
  let at = 0;
  const alternatives = (): Program => {
    let program = sequence();
    while (source[at] == '|') {
      at++;
      const other = sequence();
      program = [[1, program.length + 2], ...program, [other.length + 1, other.length + 1], ...other];
    }
    return program;
  };
  const sequence = (): Program => {
    const program: Program = [];
    while (at < source.length && source[at] != '|' && source[at] != ')') {
      const piece = atom();
      const quantifier = source[at];
      if (quantifier && '*+?'.includes(quantifier)) {
        // A lazy `*?` repeats as `*` does: only whether there is a match counts.
        at += source[at + 1] == '?' ? 2 : 1;
        program.push(...repeat(piece, quantifier));
      } else program.push(...piece);
    }
    return program;
  };
  const atom = (): Program => {
    const start = at;
    const char = source[at++];
    if (char == '(') {
      if (source[at] == '?') at += 2;
      const inside = alternatives();
      at++;
      return inside;
    }
    if (char == '^' || char == '$') return [char];
    if (char == '[') for (let inClass; (inClass = source[at++]) && inClass != ']';) at += +(inClass == '\\');
    else if (char == '\\') at++;
    const one = new RegExp(source.slice(start, at));
    return [(text) => one.test(text)];
  };
  return alternatives();
}

/** `piece*`, `piece+` or `piece?`. */
function repeat(piece: Program, quantifier: string): Program {
  const length = piece.length;
  return quantifier == '*' ? [[1, length + 2], ...piece, [-length - 1, -length - 1]] : quantifier == '+' ? [...piece, [-length, 1]] : [[1, length + 1], ...piece];
}
