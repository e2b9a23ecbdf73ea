// The figures measured in Node, on the same workspace file the web host
// serves: artifact rules (full and incremental), export and import formats,
// inserting the annotations, and the store's commit of one keystroke with its
// fsync floor (measureKeystrokeCommit, run by store-commit.ts; the bench's own
// edit figures go through the api in edit-figures.ts).

import { randomUUID } from 'node:crypto';
import { exportNative, exportW3C, importNative, type WorkspaceExport } from '../../src/core/formats';
import type { Annotation } from '../../src/core/model';
import { CodePointIndex } from '../../src/core/offsets';
import { checkLine, checkText } from '../../src/core/rules';
import { deleteAnnotation, insertAnnotation } from '../../src/store/annotations';
import { getDocumentSummary } from '../../src/store/documents';
import { appendEdits } from '../../src/store/edits';
import { exportBundle } from '../../src/store/export-bundle';
import { TextLayout } from '../../src/store/text';
import type { Workspace } from '../../src/store/workspace';
import type { GeneratedAnnotation } from './generate';
import { median, percentile, time } from './stats';

export interface RulesFigures {
  rulesMBps: number;
  /** Findings in the whole text. */
  findings: number;
  /** The editor's re-check after a keystroke: the changed line and one either side (checkLine ×3), median and p95 over 200 lines. */
  recheckMs: number;
  recheckP95Ms: number;
}

/** Full check (median of `runs`) and the incremental re-check the editor does after one keystroke. */
export function measureRules(text: string, runs: number): RulesFigures {
  const bytes = Buffer.byteLength(text, 'utf8');
  checkText(text); // warm up: the rules' code compiled and optimised, as in a session that has checked before
  const full = Array.from({ length: runs }, () => time(() => checkText(text)));
  const lines = text.split(/\r\n|\r|\n/);
  const samples: number[] = [];
  const candidates = lines.map((l, i) => (l.length > 40 ? i : -1)).filter((i) => i >= 0);
  for (let k = 0; k < 200; k++) {
    const n = candidates[Math.floor(((k + 0.5) * candidates.length) / 200)]!;
    // The line as it is after typing one character in its middle.
    const line = lines[n]!;
    const typed = `${line.slice(0, line.length >> 1)}e${line.slice(line.length >> 1)}`;
    const at = (i: number) => (i === n ? typed : lines[i]);
    samples.push(
      time(() => {
        for (let i = Math.max(0, n - 1); i <= Math.min(lines.length - 1, n + 1); i++) checkLine(at(i)!, { previous: at(i - 1), next: at(i + 1) });
      }).ms,
    );
  }
  return {
    rulesMBps: bytes / 1e6 / (median(full.map((r) => r.ms)) / 1000),
    findings: full[0]!.value.length,
    recheckMs: median(samples),
    recheckP95Ms: percentile(samples, 95),
  };
}

export interface StoreFigures {
  /** All generated annotations inserted in one transaction. */
  bulkInsertMs: number;
  /** One annotation inserted and committed (synchronous = FULL), median of 20. */
  singleCommitMs: number;
  /** The ids of the annotations on each line (0-based), to check what the editor shows. */
  idsByLine: Map<number, string[]>;
}

/** Inserts the generated annotations into the stored document in one transaction (kept: the browser opens them). */
export function insertAnnotations(workspace: Workspace, documentId: string, text: string, generated: readonly GeneratedAnnotation[]): StoreFigures {
  const index = new CodePointIndex(text);
  // UTF-16 -> code points, through the sorted astral positions (index.toCodePoint is O(log k)).
  const now = new Date().toISOString();
  const annotations: Annotation[] = generated.map((g) => ({
    id: randomUUID(),
    documentId,
    start: index.toCodePoint(g.from),
    end: index.toCodePoint(g.to),
    quote: text.slice(g.from, g.to),
    tagIds: g.tagIds,
    note: g.note,
    attributes: {},
    author: 'bench',
    createdAt: now,
    updatedAt: now,
    detached: false,
  }));
  const bulk = time(() =>
    workspace.transaction(() => {
      const layout = TextLayout.read(workspace.db, documentId);
      annotations.forEach((a) => insertAnnotation(workspace.db, a, layout));
    }),
  );
  const single: number[] = [];
  const extra: string[] = [];
  for (let k = 0; k < 20; k++) {
    const a = { ...annotations[k * 10]!, id: randomUUID() };
    extra.push(a.id);
    single.push(time(() => workspace.transaction(() => insertAnnotation(workspace.db, a))).ms);
  }
  workspace.transaction(() => extra.forEach((id) => deleteAnnotation(workspace.db, id)));
  const idsByLine = new Map<number, string[]>();
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  generated.forEach((g, k) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid]! <= g.from) lo = mid;
      else hi = mid - 1;
    }
    const ids = idsByLine.get(lo) ?? [];
    ids.push(annotations[k]!.id);
    idsByLine.set(lo, ids);
  });
  return { bulkInsertMs: bulk.ms, singleCommitMs: median(single), idsByLine };
}

export interface FormatFigures {
  /** Reading the document with its annotations and edits from the store and writing native JSON. */
  exportNativeMs: number;
  exportW3cMs: number;
  /** Of which reading the store. */
  storeReadMs: number;
  /** Parsing and validating the native export (what importing it does before writing). */
  importNativeMs: number;
  exportNativeBytes: number;
}

/** What the api's export reads (transfer.ts): the document with its annotations, edits, relations and source, and the tags they use. */
function bundleOf(workspace: Workspace, documentId: string): WorkspaceExport {
  return exportBundle(workspace.db, [documentId]);
}

export function measureFormats(workspace: Workspace, documentId: string, runs: number): FormatFigures {
  const read: number[] = [];
  const native: number[] = [];
  const w3c: number[] = [];
  const imports: number[] = [];
  let bytes = 0;
  for (let k = 0; k < runs; k++) {
    const r = time(() => bundleOf(workspace, documentId));
    read.push(r.ms);
    const n = time(() => exportNative(r.value));
    native.push(r.ms + n.ms);
    bytes = Buffer.byteLength(n.value, 'utf8');
    const r2 = time(() => bundleOf(workspace, documentId));
    w3c.push(r2.ms + time(() => exportW3C(r2.value)).ms);
    imports.push(time(() => importNative(n.value)).ms);
    if (process.env.BENCH_DEBUG) process.stderr.write(`formats run ${k}: read ${r.ms.toFixed(0)} native ${n.ms.toFixed(0)} w3c ${w3c.at(-1)!.toFixed(0)} import ${imports.at(-1)!.toFixed(0)}\n`);
  }
  return { exportNativeMs: median(native), exportW3cMs: median(w3c), storeReadMs: median(read), importNativeMs: median(imports), exportNativeBytes: bytes };
}

export interface KeystrokeCommitFigures {
  /** One typed character committed (appendEdits in one transaction, synchronous = FULL): median and p95 of `runs`. */
  keystrokeCommitMs: number;
  keystrokeCommitP95Ms: number;
  /**
   * The floor under it: a commit that rewrites one small row of the same file
   * (the document's time of last change), taken between the keystrokes. On a shared disk fsync's
   * time varies by the minute; this says how much of the figure it was.
   */
  commitFloorMs: number;
  runs: number;
}

/** Characters typed at each place by measureKeystrokeCommit. */
const WORD_TYPED = 5;

/**
 * The store's commit of one keystroke, as edits.apply makes it for the
 * editor's save (appendEdits with one change in one transaction), at places
 * spread over the whole text, each on the text the one before left. After two
 * warm-up commits; leaves `runs + 2` edits in the document.
 */
export function measureKeystrokeCommit(workspace: Workspace, documentId: string, runs: number): KeystrokeCommitFigures {
  const { editCount: base, length } = getDocumentSummary(workspace.db, documentId);
  let editCount = base;
  let textLength = length;
  const commit = (at: number) => {
    const result = workspace.transaction(() => appendEdits(workspace.db, documentId, editCount, [{ start: at, end: at, inserted: 'e' }], 'manual', 'bench'));
    editCount = result.editCount;
    textLength = result.length;
  };
  commit(0);
  commit(textLength);
  // A new time each commit: SQLite writes nothing (and syncs nothing) for a row set to what it holds.
  const touch = workspace.db.prepare('UPDATE documents SET updated_at = ? WHERE id = ?');
  const samples: number[] = [];
  const floor: number[] = [];
  for (let k = 0; k < runs; k++) {
    // A spread of places (golden-ratio steps), the start and end included, and a word typed at each,
    // a character per commit: the first at a place pays for leaving the last (its chunk re-indexed).
    const place = Math.floor(k / WORD_TYPED);
    const at = place === 0 ? 0 : place === 1 ? textLength : Math.floor(((place * 0.6180339887) % 1) * textLength);
    samples.push(time(() => commit(Math.min(textLength, at + (k % WORD_TYPED)))).ms);
    floor.push(time(() => workspace.transaction(() => touch.run(new Date().toISOString(), documentId))).ms);
  }
  return { keystrokeCommitMs: median(samples), keystrokeCommitP95Ms: percentile(samples, 95), commitFloorMs: median(floor), runs };
}
