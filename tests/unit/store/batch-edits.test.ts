// A batch of changes sent in one edits.apply leaves the document exactly as
// the same changes sent one call each: the text, the edits recorded, and
// every annotation's range, quote, detachment and time. (appendEdits takes a
// batch in one pass; sending changes one by one is the plain definition.)

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mapRange, type Range } from '../../../src/core/mapping';
import type { TextChange } from '../../../src/core/model';
import { codePointLength } from '../../../src/core/offsets';
import { insertAnnotation, listAnnotations } from '../../../src/store/annotations';
import { getDocumentSummary, insertDocument } from '../../../src/store/documents';
import { appendEdits, listEdits } from '../../../src/store/edits';
import { readText } from '../../../src/store/text';
import { Workspace } from '../../../src/store/workspace';

let dir: string;
let ws: Workspace;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-batch-'));
  ws = await Workspace.open(join(dir, 'workspace.sqlite'));
});
afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

// Few letters, so changes often land on annotation edges; astral characters for the offsets.
const unit = fc.constantFrom('a', 'b', ' ', '\n', '😀', 'é', '𠀋');
const text = (min: number, max: number) => fc.array(unit, { minLength: min, maxLength: max }).map((p) => p.join(''));
/** A place in a text of any length: two numbers taken modulo its length (uniform, where fractions from fc.double crowd at 0). */
const spot = fc.tuple(fc.nat(), fc.nat());
const between = (length: number, [a, b]: [number, number]) => {
  const x = a % (length + 1);
  const y = b % (length + 1);
  return { start: Math.min(x, y), end: Math.max(x, y) };
};

function documentWith(original: string, ranges: { start: number; end: number }[]): string {
  const points = [...original];
  const document = insertDocument(ws.db, { title: 'batch', text: original, sha256: createHash('sha256').update(original).digest('hex') });
  ranges.forEach((r, i) =>
    insertAnnotation(ws.db, {
      id: `${document.id}-${String(i).padStart(3, "0")}`,
      documentId: document.id,
      ...r,
      quote: points.slice(r.start, r.end).join(''),
      tagIds: [],
      note: '',
      attributes: {},
      author: 'a',
      createdAt: 'then',
      updatedAt: 'then',
      detached: false,
    }),
  );
  return document.id;
}

/** What a user could tell apart: the text, the history and the annotations (ids made document-neutral). */
function state(documentId: string) {
  const { length, editCount } = getDocumentSummary(ws.db, documentId);
  const row = { text: readText(ws.db, documentId), length, editCount };
  const edits = listEdits(ws.db, documentId);
  const annotations = listAnnotations(ws.db, documentId)
    .map(({ id, start, end, quote, detached, updatedAt }) => ({ id: id.slice(documentId.length), start, end, quote, detached, updatedAt }))
    .sort((a, b) => a.id.localeCompare(b.id));
  return { row, edits, annotations };
}

/** The ranges mapped by core/mapping's rule, a change at a time: a range left empty is detached where the change put it. */
function mappedOneChangeAtATime(ranges: Range[], changes: TextChange[]) {
  return ranges.map((r) => {
    let range: Range = r;
    for (const change of changes) {
      const mapped = mapRange(range, change);
      if (!mapped) {
        const at = change.start + codePointLength(change.inserted);
        return { start: at, end: at, detached: true };
      }
      range = mapped;
    }
    return { ...range, detached: false };
  });
}

/** Every attached annotation quotes the current text at its range. */
function quotesHoldTheirText({ row, annotations }: ReturnType<typeof state>) {
  const points = [...row.text];
  for (const a of annotations.filter((x) => !x.detached)) expect(a.quote).toBe(points.slice(a.start, a.end).join(''));
}

it('a batch of changes leaves text, edits and annotations as the same changes sent one by one', () => {
  fc.assert(
    fc.property(
      text(0, 60),
      fc.array(spot, { maxLength: 12 }),
      fc.array(fc.record({ at: spot, inserted: text(0, 4) }), { minLength: 1, maxLength: 30 }),
      (original, annotationSpots, changeSpots) => {
        const length = codePointLength(original);
        const ranges = annotationSpots.map((s) => between(length, s)).filter((r) => r.end > r.start);
        // Each change in the coordinates of the text the changes before it leave.
        const changes: TextChange[] = [];
        let now = length;
        for (const { at, inserted } of changeSpots) {
          const { start, end } = between(now, at);
          changes.push({ start, end, inserted });
          now += codePointLength(inserted) - (end - start);
        }
        const batched = documentWith(original, ranges);
        const oneByOne = documentWith(original, ranges);
        ws.transaction(() => appendEdits(ws.db, batched, 0, changes, 'manual', 'a', 'now'));
        changes.forEach((change, i) => ws.transaction(() => appendEdits(ws.db, oneByOne, i, [change], 'manual', 'a', 'now')));
        const batch = state(batched);
        expect(batch).toEqual(state(oneByOne));
        expect(batch.annotations.map(({ start, end, detached }) => ({ start, end, detached }))).toEqual(mappedOneChangeAtATime(ranges, changes));
        quotesHoldTheirText(batch);
      },
    ),
    { numRuns: 100 },
  );
});

it('a batch over a text of many pieces, with annotations spanning pieces, agrees with one by one', () => {
  // Long enough that the changing text holds it in several pieces and changes cross them.
  const original = 'The minister 😀 said the plan 𠀋 will go ahead.\n'.repeat(1500);
  const length = codePointLength(original);
  const ranges = Array.from({ length: 100 }, (_, i) => ({ start: i * 600, end: i * 600 + 5000 }));
  const changes: TextChange[] = [];
  let now = length;
  for (let i = 0; i < 120; i++) {
    // A spread of replacements, deletions across piece boundaries and insertions, deterministic.
    const start = (i * 7919) % (now + 1);
    const end = Math.min(now, start + (i === 60 ? 20_000 : i % 50 === 0 ? 3000 : i % 7));
    const inserted = i % 5 === 0 ? '' : 'X😀'.repeat(i % 4);
    changes.push({ start, end, inserted });
    now += codePointLength(inserted) - (end - start);
  }
  const batched = documentWith(original, ranges);
  const oneByOne = documentWith(original, ranges);
  ws.transaction(() => appendEdits(ws.db, batched, 0, changes, 'manual', 'a', 'now'));
  changes.forEach((change, i) => ws.transaction(() => appendEdits(ws.db, oneByOne, i, [change], 'manual', 'a', 'now')));
  const [a, b] = [state(batched), state(oneByOne)];
  expect(a.annotations.some((x) => x.detached)).toBe(true);
  expect(a.annotations.some((x) => !x.detached && x.updatedAt === 'now')).toBe(true);
  expect(a).toEqual(b);
  quotesHoldTheirText(a);
});
