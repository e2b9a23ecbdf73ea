// A workspace of schema 11 (a document's alignment as one JSON value on its
// source row) opens at the latest schema with every link as it was, in order,
// over several pieces, links without a source or a translation included; and
// typing afterwards moves the translation side.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { AlignmentLink } from '../../../src/core/bilingual/types';
import { getSource } from '../../../src/store/bilingual';
import { hashDocument, insertDocument } from '../../../src/store/documents';
import { appendEdits } from '../../../src/store/edits';
import { migrations } from '../../../src/store/migrations';
import { Workspace } from '../../../src/store/workspace';

const dir = mkdtempSync(join(tmpdir(), 'scholia-migrate-alignment-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('a schema-11 alignment of 700 links opens at the latest schema intact and follows typing', async () => {
  const path = join(dir, 'schema-11.sqlite');
  const text = 'line\n'.repeat(700);
  const links: AlignmentLink[] = Array.from({ length: 700 }, (_, i) => ({
    source: i % 50 === 7 ? null : { start: i * 3, end: i * 3 + 2 },
    translation: i % 40 === 3 ? null : { start: i * 5, end: i * 5 + 4 },
  }));
  const old = await Workspace.open(path, { migrations: migrations.filter((m) => m.version <= 11) });
  const hashed = await hashDocument({ title: 'aligned', text });
  const documentId = old.transaction(() => insertDocument(old.db, hashed)).id;
  old.db
    .prepare(`INSERT INTO document_sources (document_id, text, length, language, alignment, updated_at) VALUES (?, ?, ?, 'zh', ?, 'then')`)
    .run(documentId, '源'.repeat(2100), 2100, JSON.stringify(links));
  old.close();

  const ws = await Workspace.open(path);
  try {
    expect(getSource(ws.db, documentId)!.alignment).toEqual(links);
    ws.transaction(() => appendEdits(ws.db, documentId, 0, [{ start: 0, end: 0, inserted: 'ab' }], 'manual', 'me'));
    // Typed at the very start: every translation moves after it (the first one too: text typed at an edge stays outside).
    const moved = links.map((l) => ({ source: l.source, translation: l.translation && { start: l.translation.start + 2, end: l.translation.end + 2 } }));
    expect(getSource(ws.db, documentId)!.alignment).toEqual(moved);
  } finally {
    ws.close();
  }
});
