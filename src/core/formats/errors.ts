// What import and export report when a file or a workspace breaks a format's
// rules: one error that names the file, the record and the problem, so a user
// can find the line to fix without reading a stack trace.

/** A file (or a workspace being exported) that a format cannot accept. */
export class FormatError extends Error {
  readonly file: string | undefined;
  /** Where in the file, e.g. `documents[0].annotations[3]` or `line 12`. */
  readonly record: string | undefined;
  readonly problem: string;

  constructor(where: { file?: string | undefined; record?: string | undefined }, problem: string) {
    super([where.file, where.record, problem].filter((part) => part !== undefined && part !== '').join(': '));
    this.name = 'FormatError';
    this.file = where.file;
    this.record = where.record;
    this.problem = problem;
  }
}

/** Something an importer or exporter left out while handling the rest, and why. */
export interface FormatIssue {
  /** Where, e.g. `line 7`, `T3` or `annotation a-12 in document d-3`. */
  record: string;
  problem: string;
}

/** `documents[0].annotations[3]` from `['documents', 0, 'annotations', 3]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}
