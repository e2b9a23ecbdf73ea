// JSON parsing that says where a file is broken (line and column, or that it
// ends early) instead of V8's bare "at position 8123".

import { FormatError } from './errors';

export function parseJson(text: string, file?: string, where?: string): unknown {
  // A UTF-8 BOM is legal in a file but not in JSON.parse's input.
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') throw new FormatError({ file, record: where }, 'there is no JSON: the file is empty');
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const match = /at position (\d+)/.exec(message);
    const position = match ? Number(match[1]) : undefined;
    if (/Unexpected end of JSON input/.test(message) || (position !== undefined && position >= body.trimEnd().length)) {
      throw new FormatError({ file, record: where ?? 'end of file' }, 'the JSON ends early: the file is truncated or incomplete');
    }
    const reason = message.replace(/\s*in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
    if (position === undefined) throw new FormatError({ file, record: where }, `malformed JSON: ${reason}`);
    const before = body.slice(0, position);
    const line = before.split('\n').length;
    const column = position - before.lastIndexOf('\n');
    const at = `line ${line}, column ${column}`;
    throw new FormatError({ file, record: where === undefined ? at : `${where}, ${at}` }, `malformed JSON: ${reason}`);
  }
}

/** Whether a parsed JSON value is an object (not null, not an array). */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
