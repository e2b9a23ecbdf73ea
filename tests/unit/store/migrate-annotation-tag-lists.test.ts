// A workspace of schema 12 (an annotation's tags only in annotation_tags)
// opens at the latest schema with each annotation's tags on its row, in the
// user's order, as listing and reading one give them; and later changes of
// tags keep them so.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { toColumns } from '../../../src/core/annotation-columns';
import { listAnnotationColumns } from '../../../src/store/annotation-columns';
import { getAnnotation, listAnnotations, setAnnotationTags } from '../../../src/store/annotations';
import { hashDocument, insertDocument } from '../../../src/store/documents';
import { migrations } from '../../../src/store/migrations';
import { deleteTag, listTags } from '../../../src/store/tags';
import { TextLayout } from '../../../src/store/text';
import { Workspace } from '../../../src/store/workspace';

const dir = mkdtempSync(join(tmpdir(), 'scholia-migrate-tag-lists-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('schema-12 annotations open at the latest schema with their tags in order, and keep them through changes', async () => {
  const path = join(dir, 'schema-12.sqlite');
  const old = await Workspace.open(path, { migrations: migrations.filter((m) => m.version <= 12) });
  const tags = listTags(old.db).map((t) => t.id);
  const hashed = await hashDocument({ title: 'tagged', text: 'word '.repeat(400) });
  const documentId = old.transaction(() => insertDocument(old.db, hashed)).id;
  const lists = Array.from({ length: 300 }, (_, i) => (i % 7 === 0 ? [] : i % 5 === 0 ? [tags[3]!, tags[0]!, tags[2]!] : [tags[i % tags.length]!]));
  // Rows as schema 12 has them (the store's code writes the latest schema's).
  const layout = TextLayout.read(old.db, documentId);
  const insertRow = old.db.prepare(
    `INSERT INTO annotations (id, document_id, start_chunk, start_in_chunk, end_chunk, end_in_chunk, quote, note, attributes, author, created_at, updated_at, detached, side, source_start, source_end, origin)
     VALUES (?, ?, ?, ?, ?, ?, 'word', '', '{}', 'me', '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z', 0, 'translation', NULL, NULL, NULL)`,
  );
  const insertTag = old.db.prepare('INSERT INTO annotation_tags (annotation_id, tag_id, position) VALUES (?, ?, ?)');
  old.transaction(() =>
    lists.forEach((tagIds, i) => {
      const id = `a-${String(i).padStart(3, '0')}`;
      insertRow.run(id, documentId, ...layout.anchorStart(i * 5), ...layout.anchorEnd(i * 5 + 4));
      tagIds.forEach((tagId, position) => insertTag.run(id, tagId, position));
    }),
  );
  old.close();

  const ws = await Workspace.open(path);
  try {
    expect(ws.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(readdirSync(dir).some((f) => f.startsWith('schema-12.sqlite.v12-') && f.endsWith('.backup'))).toBe(true);
    const listed = listAnnotations(ws.db, documentId);
    expect(listed.map((a) => a.tagIds)).toEqual(lists);
    expect(listed.map((a) => getAnnotation(ws.db, a.id).tagIds)).toEqual(lists);
    expect(listAnnotationColumns(ws.db, documentId)).toStrictEqual(toColumns(documentId, listed));

    ws.transaction(() => setAnnotationTags(ws.db, 'a-000', [tags[1]!, tags[0]!]));
    ws.transaction(() => deleteTag(ws.db, tags[0]!));
    const after = lists.map((l, i) => (i === 0 ? [tags[1]!] : l.filter((t) => t !== tags[0])));
    expect(listAnnotations(ws.db, documentId).map((a) => a.tagIds)).toEqual(after);
    expect(listAnnotationColumns(ws.db, documentId)).toStrictEqual(toColumns(documentId, listAnnotations(ws.db, documentId)));
  } finally {
    ws.close();
  }
});
