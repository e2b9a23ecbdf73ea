// A workspace of schema 9 (texts whole in the documents row, annotations as
// offsets) opens at the latest schema with everything as it was: texts,
// originals and their edit history, annotations of the translation (attached,
// detached, from a suggestion, pointing at the source) and of the source,
// relations, the source and its alignment, rejected suggestions, and search;
// and typing in it afterwards moves what it should and nothing else.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { replayEdits } from '../../../src/core/edits';
import { codePointLength } from '../../../src/core/offsets';
import { listAnnotations, listSourceAnnotations } from '../../../src/store/annotations';
import { getSource } from '../../../src/store/bilingual';
import { getDocument } from '../../../src/store/documents';
import { appendEdits, listEdits } from '../../../src/store/edits';
import { migrations } from '../../../src/store/migrations';
import { listRelations } from '../../../src/store/relations';
import { searchDocuments } from '../../../src/store/search';
import { listRejections } from '../../../src/store/suggestions';
import { CHUNK, readText } from '../../../src/store/text';
import { Workspace } from '../../../src/store/workspace';

const dir = mkdtempSync(join(tmpdir(), 'scholia-migrate-chunks-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cps = (text: string) => [...text];
const slice = (text: string, start: number, end: number) => cps(text).slice(start, end).join('');

// Several chunks, with astral characters and CRLF, and a word only at the very end.
const original = `${'😀é\r\nline of words, Beijing '.repeat(CHUNK / 10)}needle at the end`;
// Its history: a word typed at the start, and a span deleted across where the first chunk will end.
const history = [
  { start: 0, end: 0, inserted: 'Foreword. ' },
  { start: CHUNK - 20, end: CHUNK + 20, inserted: '' },
];
let current = original;
const removedBy: string[] = [];
for (const c of history) {
  removedBy.push(slice(current, c.start, c.end));
  current = slice(current, 0, c.start) + c.inserted + cps(current).slice(c.end).join('');
}
const sourceText = '北京代表团周一会面。'.repeat(50);

interface OldAnnotation {
  id: string;
  documentId: string;
  start: number;
  end: number;
  detached: number;
  side: 'translation' | 'source';
  sourceRange: [number, number] | null;
  origin: string | null;
  tagId: string;
}
const long = 'd-long';
const annotations: OldAnnotation[] = [
  { id: 'a-start', documentId: long, start: 0, end: 8, detached: 0, side: 'translation', sourceRange: null, origin: null, tagId: 'person' },
  // Across the first chunk's cut, from a suggestion, pointing at the source.
  { id: 'a-cut', documentId: long, start: CHUNK - 60, end: CHUNK + 200, detached: 0, side: 'translation', sourceRange: [3, 9], origin: 'suggestion:entities', tagId: 'place' },
  { id: 'a-end', documentId: long, start: codePointLength(current) - 6, end: codePointLength(current), detached: 0, side: 'translation', sourceRange: null, origin: null, tagId: 'person' },
  // Detached by the deletion: where its text went, quoting it.
  { id: 'a-gone', documentId: long, start: CHUNK - 20, end: CHUNK - 20, detached: 1, side: 'translation', sourceRange: null, origin: null, tagId: 'place' },
  { id: 's-omitted', documentId: long, start: 10, end: 20, detached: 0, side: 'source', sourceRange: null, origin: null, tagId: 'person' },
  { id: 'a-short', documentId: 'd-short', start: 6, end: 8, detached: 0, side: 'translation', sourceRange: null, origin: null, tagId: 'person' },
];
const quoteOf = (a: OldAnnotation) =>
  a.id === 'a-gone' ? 'gone words' : a.side === 'source' ? slice(sourceText, a.start, a.end) : slice(a.documentId === long ? current : 'short 😀 Ça va', a.start, a.end);

it('a workspace of schema 9 opens at the latest schema with its texts, history, annotations, relations, source and rejections', async () => {
  const path = join(dir, 'schema-9.sqlite');
  const old = await Workspace.open(path, { migrations: migrations.filter((m) => m.version <= 9) });
  const db = old.db;
  const tagIds = (db.prepare('SELECT id FROM tags WHERE parent_id IS NULL ORDER BY position').pluck().all() as string[]).slice(0, 2);
  const tag = (name: string) => (name === 'person' ? tagIds[0]! : tagIds[1]!);
  db.transaction(() => {
    const insertDocument = db.prepare(
      `INSERT INTO documents (id, title, sha256, original_text, current_text, current_length, edit_count, created_at, updated_at) VALUES (?, ?, 'x', ?, ?, ?, ?, 'then', 'then')`,
    );
    insertDocument.run('d-empty', 'Empty', '', '', 0, 0);
    insertDocument.run('d-short', 'Short', 'short 😀 Ça va', 'short 😀 Ça va', 12, 0);
    insertDocument.run(long, 'Long', original, current, codePointLength(current), history.length);
    history.forEach((c, i) =>
      db
        .prepare(`INSERT INTO edits (document_id, seq, start, end, removed, inserted, origin, author, at) VALUES (?, ?, ?, ?, ?, ?, 'manual', 'ed', 'then')`)
        .run(long, i + 1, c.start, c.end, removedBy[i], c.inserted),
    );
    db.prepare(`INSERT INTO document_sources (document_id, text, length, language, alignment, updated_at) VALUES (?, ?, ?, 'zh', ?, 'then')`).run(
      long,
      sourceText,
      codePointLength(sourceText),
      JSON.stringify([{ source: { start: 0, end: 10 }, translation: { start: 0, end: 30 } }]),
    );
    for (const a of annotations) {
      db.prepare(
        `INSERT INTO annotations (id, document_id, start, end, quote, note, attributes, author, created_at, updated_at, detached, side, source_start, source_end, origin)
         VALUES (?, ?, ?, ?, ?, 'a note', '{"severity":"minor"}', 'ann', 'then', 'then', ?, ?, ?, ?, ?)`,
      ).run(a.id, a.documentId, a.start, a.end, quoteOf(a), a.detached, a.side, a.sourceRange?.[0] ?? null, a.sourceRange?.[1] ?? null, a.origin);
      db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, 0)').run(a.id, tag(a.tagId));
    }
    db.prepare(
      `INSERT INTO relations (id, document_id, source_id, target_id, type_id, author, created_at, updated_at) VALUES ('r1', ?, 'a-start', 'a-cut', 'relation-located-in', 'ann', 'then', 'then')`,
    ).run(long);
    db.prepare(`INSERT INTO suggestion_rejections (tag_id, quote, created_at) VALUES (?, 'Beijing', 'then')`).run(tag('place'));
  })();
  old.close();

  const ws = await Workspace.open(path);
  try {
    expect(ws.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(ws.backupPath).not.toBeNull();
    expect(getDocument(ws.db, 'd-empty')).toMatchObject({ text: '', originalText: '', length: 0 });
    expect(getDocument(ws.db, 'd-short')).toMatchObject({ text: 'short 😀 Ça va', originalText: 'short 😀 Ça va', length: 12 });
    expect(getDocument(ws.db, long)).toMatchObject({ text: current, originalText: original, length: codePointLength(current), editCount: 2 });
    expect(replayEdits(original, listEdits(ws.db, long))).toBe(current);

    const ofTranslation = (documentId: string) =>
      annotations
        .filter((a) => a.documentId === documentId && a.side === 'translation')
        .map((a) => ({
          id: a.id,
          start: a.start,
          end: a.end,
          quote: quoteOf(a),
          detached: a.detached === 1,
          tagIds: [tag(a.tagId)],
          note: 'a note',
          attributes: { severity: 'minor' },
          ...(a.sourceRange && { sourceRange: { start: a.sourceRange[0], end: a.sourceRange[1] } }),
          ...(a.origin && { origin: a.origin }),
        }));
    const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(listAnnotations(ws.db, long))).toEqual(byId(ofTranslation(long)).map((a) => expect.objectContaining(a)));
    expect(listAnnotations(ws.db, 'd-short')).toEqual(ofTranslation('d-short').map((a) => expect.objectContaining(a)));
    for (const a of listAnnotations(ws.db, long)) if (!a.detached) expect(a.quote).toBe(slice(current, a.start, a.end));
    expect(listSourceAnnotations(ws.db, long)).toEqual([expect.objectContaining({ id: 's-omitted', side: 'source', start: 10, end: 20, quote: slice(sourceText, 10, 20) })]);
    expect(listRelations(ws.db, long)).toEqual([expect.objectContaining({ id: 'r1', sourceId: 'a-start', targetId: 'a-cut', typeId: 'relation-located-in' })]);
    expect(getSource(ws.db, long)).toMatchObject({ text: sourceText, language: 'zh', alignment: [{ source: { start: 0, end: 10 }, translation: { start: 0, end: 30 } }] });
    expect(listRejections(ws.db)).toEqual([{ tagId: tag('place'), quote: 'Beijing' }]);
    expect(searchDocuments(ws.db, 'ça').map((h) => h.documentId)).toEqual(['d-short']);
    expect(searchDocuments(ws.db, 'needle at the').map((h) => h.documentId)).toEqual([long]);

    // Typing at the start: the translation's attached annotations and alignment move with the text; the detached one,
    // the source's, and the source ranges stay.
    ws.transaction(() => appendEdits(ws.db, long, 2, [{ start: 0, end: 0, inserted: 'Foxglove ' }], 'manual', 'ed'));
    expect(readText(ws.db, long)).toBe(`Foxglove ${current}`);
    const placed = byId(listAnnotations(ws.db, long)).map((a) => [a.id, a.start, a.end, a.sourceRange ?? null]);
    const moved = (a: OldAnnotation) => (a.detached ? 0 : 9);
    expect(placed).toEqual(
      byId(annotations.filter((a) => a.documentId === long && a.side === 'translation')).map((a) => [
        a.id,
        a.start + moved(a),
        a.end + moved(a),
        a.sourceRange ? { start: a.sourceRange[0], end: a.sourceRange[1] } : null,
      ]),
    );
    expect(listSourceAnnotations(ws.db, long).map((a) => [a.start, a.end])).toEqual([[10, 20]]);
    expect(getSource(ws.db, long)!.alignment).toEqual([{ source: { start: 0, end: 10 }, translation: { start: 9, end: 39 } }]);
    expect(searchDocuments(ws.db, 'foxglove').map((h) => h.documentId)).toEqual([long]);
  } finally {
    ws.close();
  }
  const raw = new Database(path, { readonly: true });
  expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(raw.pragma('foreign_key_check')).toEqual([]);
  const columns = (table: string) => (raw.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  expect(columns('documents')).not.toContain('current_text');
  expect(columns('annotations')).not.toContain('start');
  raw.close();
});
