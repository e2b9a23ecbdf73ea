// An alignment stored in pieces (store/alignment-pieces.ts) reads back as it
// was written, and follows edits exactly as the whole list mapped link by link
// (core/bilingual/follow-edits.ts) would: links in any order, links without a
// translation or without a source, several pieces, changes before, inside,
// across and after them, deletions that empty a piece.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mapAlignmentThrough } from '../../../src/core/bilingual/follow-edits';
import type { AlignmentLink, Span } from '../../../src/core/bilingual/types';
import type { TextChange } from '../../../src/core/model';
import { mapStoredAlignment, PIECE_LINKS, readAlignment, writeAlignment } from '../../../src/store/alignment-pieces';
import { setSource } from '../../../src/store/bilingual';
import { hashDocument, insertDocument } from '../../../src/store/documents';
import { Workspace } from '../../../src/store/workspace';

let dir: string;
let ws: Workspace;
let documentId: string;
const LENGTH = 400;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'scholia-alignment-pieces-'));
  ws = await Workspace.open(join(dir, 'workspace.sqlite'));
  const text = 'x'.repeat(LENGTH);
  const hashed = await hashDocument({ title: 'aligned', text });
  documentId = ws.transaction(() => insertDocument(ws.db, hashed)).id;
  ws.transaction(() => setSource(ws.db, documentId, { text, language: 'zh', alignment: [], exchange: null }));
});
afterAll(() => {
  ws.close();
  rmSync(dir, { recursive: true, force: true });
});

const span = (length: number): fc.Arbitrary<Span> =>
  fc.tuple(fc.nat({ max: length }), fc.nat({ max: length })).filter(([a, b]) => a !== b).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
const link: fc.Arbitrary<AlignmentLink> = fc
  .record({ source: fc.option(span(LENGTH), { nil: null }), translation: fc.option(span(LENGTH), { nil: null }) })
  .filter((l) => l.source !== null || l.translation !== null);
/** Changes as fractions of the length the text has when each comes. */
const change = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), inserted: fc.constantFrom('', 'e', 'word ', '😀😀') });

it('reads back what was written, over several pieces', () => {
  fc.assert(
    fc.property(fc.array(link, { maxLength: PIECE_LINKS * 3 }), (links) => {
      ws.transaction(() => writeAlignment(ws.db, documentId, links));
      expect(readAlignment(ws.db, documentId)).toEqual(links);
    }),
    { numRuns: 30 },
  );
});

it('follows a sequence of edits as the whole list mapped link by link', () => {
  fc.assert(
    fc.property(fc.array(link, { minLength: 1, maxLength: PIECE_LINKS * 3 }), fc.array(change, { minLength: 1, maxLength: 12 }), fc.boolean(), (links, raw, inOrder) => {
      // Aligners mostly give links in translation order; any order must work.
      const start = inOrder ? [...links].sort((x, y) => (x.translation?.start ?? 0) - (y.translation?.start ?? 0)) : links;
      let length = LENGTH;
      const changes: TextChange[] = raw.map(({ a, b, inserted }) => {
        const x = Math.floor(a * length);
        const y = Math.floor(b * length);
        const c = { start: Math.min(x, y), end: Math.max(x, y), inserted };
        length += [...inserted].length - (c.end - c.start);
        return c;
      });
      ws.transaction(() => writeAlignment(ws.db, documentId, start));
      // One call per keystroke, or a batch in one call: both as the plain mapping.
      const half = Math.ceil(changes.length / 2);
      ws.transaction(() => {
        for (const c of changes.slice(0, half)) mapStoredAlignment(ws.db, documentId, [c]);
        mapStoredAlignment(ws.db, documentId, changes.slice(half));
      });
      expect(readAlignment(ws.db, documentId)).toEqual(mapAlignmentThrough(start, changes));
    }),
    { numRuns: 60 },
  );
});

it('a keystroke rewrites only the piece it lands in', () => {
  // Line by line, in order: 4 pieces.
  const links: AlignmentLink[] = Array.from({ length: PIECE_LINKS * 4 }, (_, i) => ({ source: { start: i, end: i + 1 }, translation: { start: i * 10, end: i * 10 + 5 } }));
  ws.transaction(() => writeAlignment(ws.db, documentId, links));
  const before = ws.db.prepare('SELECT piece, links FROM alignment_piece_links WHERE document_id = ? ORDER BY piece').all(documentId) as { piece: number; links: string }[];
  const at = PIECE_LINKS * 10 + 2; // inside the second piece's first link
  ws.transaction(() => mapStoredAlignment(ws.db, documentId, [{ start: at, end: at, inserted: 'ab' }]));
  const after = ws.db.prepare('SELECT piece, links FROM alignment_piece_links WHERE document_id = ? ORDER BY piece').all(documentId) as { piece: number; links: string }[];
  expect(after.map((r, i) => r.links === before[i]!.links)).toEqual([true, false, true, true]);
  expect(readAlignment(ws.db, documentId)).toEqual(mapAlignmentThrough(links, [{ start: at, end: at, inserted: 'ab' }]));
});
