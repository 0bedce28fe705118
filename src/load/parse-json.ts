// Parses JSON text and, when it is broken, says where: line, column and what the parser expected.
import { type ParseError, parse as parseLeniently, printParseErrorCode } from 'jsonc-parser';
import type { Problem } from './problem.ts';

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; problem: Problem };

/**
 * Parses strict JSON. The fast native parser does the work; only on failure does a second, error-reporting
 * parser run, because the native messages do not always say where the text broke.
 */
export function parseJson(text: string, file: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, problem: locateSyntaxError(text, file) };
  }
}

function locateSyntaxError(text: string, file: string): Problem {
  const errors: ParseError[] = [];
  parseLeniently(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  const offset = first?.offset ?? text.length;
  const { line, column } = lineAndColumn(text, offset);
  // A cut-off file fails at its very end (a brace or bracket never closed), whatever failed first.
  const end = text.trimEnd().length;
  const truncated = errors.some((error) => error.offset + error.length >= end);
  const reason =
    first === undefined ? 'not valid JSON' : describeParseError(printParseErrorCode(first.error));
  return {
    file,
    path: `line ${line}, column ${column}`,
    message: truncated
      ? `the JSON ends too early (${reason}); is the file truncated?`
      : `invalid JSON: ${reason}`,
  };
}

function describeParseError(code: string): string {
  // "CommaExpected" reads better as "comma expected".
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    if (text.charCodeAt(index) === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
