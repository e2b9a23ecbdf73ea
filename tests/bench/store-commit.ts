// `npm run bench:store-commit`: the store's commit of one keystroke on long
// documents with many annotations (1 MB / 10k, 5 MB / 50k, 15 MB / 150k),
// without the browser. Each size is a fresh workspace file: the generated
// text imported, its annotations stored, then typed characters committed one
// by one (appendEdits in one transaction, as edits.apply does), a word at
// each of places spread over the text (node-figures.ts measureKeystrokeCommit),
// each followed by a commit of one small row, the floor fsync sets on this disk. The machine's load average is printed beside
// each figure: on a shared machine it says how much to trust it.
//
//   npm run bench:store-commit -- [--size 1mb-10k|5mb-50k|15mb-150k] [--runs N (default 50)] [--bilingual] [--json]
//
// --bilingual: the document also has a source (its own text) aligned line by
// line with it, so each keystroke also maps the alignment.

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AlignmentLink } from '../../src/core/bilingual/types';
import { codePointLength } from '../../src/core/offsets';
import { setSource } from '../../src/store/bilingual';
import { hashDocument, insertDocument } from '../../src/store/documents';
import { listTags } from '../../src/store/tags';
import { Workspace } from '../../src/store/workspace';
import { generateAnnotations, generateText } from './generate';
import { insertAnnotations, measureKeystrokeCommit } from './node-figures';
import { round } from './stats';

const SIZES = [
  { key: '1mb-10k', bytes: 1_000_000, annotations: 10_000 },
  { key: '5mb-50k', bytes: 5_000_000, annotations: 50_000 },
  { key: '15mb-150k', bytes: 15_000_000, annotations: 150_000 },
] as const;

const argv = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = value('--size');
const runs = Number(value('--runs') ?? 50);
const json = argv.includes('--json');
const bilingual = argv.includes('--bilingual');
if (only !== undefined && !SIZES.some((s) => s.key === only)) throw new Error(`--size takes ${SIZES.map((s) => s.key).join(' or ')}`);
if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number above 0');

/** One link per line of `text`, aligned with the same line of a source that is the same text. */
function lineByLine(text: string): AlignmentLink[] {
  const links: AlignmentLink[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    const length = codePointLength(line);
    if (length > 0) links.push({ source: { start: at, end: at + length }, translation: { start: at, end: at + length } });
    at += length + 1;
  }
  return links;
}

const load = () => loadavg().map((l) => round(l));
const scratch = mkdtempSync(join(tmpdir(), 'scholia-bench-store-commit-'));
const results = [];
try {
  for (const size of SIZES.filter((s) => only === undefined || s.key === only)) {
    const { text } = generateText(size.bytes);
    const workspace = await Workspace.open(join(scratch, `${size.key}.sqlite`));
    try {
      const hashed = await hashDocument({ title: size.key, text });
      const documentId = workspace.transaction(() => insertDocument(workspace.db, hashed)).id;
      const tagIds = listTags(workspace.db)
        .filter((t) => t.parentId === null)
        .map((t) => t.id);
      insertAnnotations(workspace, documentId, text, generateAnnotations(text, size.annotations, tagIds));
      if (bilingual) workspace.transaction(() => setSource(workspace.db, documentId, { text, language: 'zh', alignment: lineByLine(text), exchange: null }));
      const loadBefore = load();
      const figures = measureKeystrokeCommit(workspace, documentId, runs);
      const result = {
        size: size.key,
        bilingual,
        runs,
        keystrokeCommitMs: round(figures.keystrokeCommitMs),
        keystrokeCommitP95Ms: round(figures.keystrokeCommitP95Ms),
        commitFloorMs: round(figures.commitFloorMs),
        loadAverage: { before: loadBefore, after: load() },
      };
      results.push(result);
      if (!json) {
        process.stdout.write(
          `${size.key.padEnd(10)}${bilingual ? ' bilingual' : ''} store commit of one keystroke: median ${result.keystrokeCommitMs} ms, p95 ${result.keystrokeCommitP95Ms} ms; ` +
            `a one-row commit on the same disk ${result.commitFloorMs} ms (${runs} of each, interleaved; load average ${loadBefore.join(' ')} -> ${result.loadAverage.after.join(' ')})\n`,
        );
      }
    } finally {
      workspace.close();
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
