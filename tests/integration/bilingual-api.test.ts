// A document's source, alignment, bilingual checks and glossary through the
// api (createDispatch over a real workspace file), and the store rules behind
// them: the alignment follows edits, bad input changes nothing, the schema
// migrates a workspace made before it.

import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BilingualView, Envelope } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import type { AlignmentLink, BilingualFinding } from '../../src/core/bilingual/types';
import type { GlossaryEntry } from '../../src/core/bilingual/glossary';
import type { DocumentSummary } from '../../src/core/model';
import { migrations } from '../../src/store/migrations';
import { Workspace } from '../../src/store/workspace';
import { loadTestSet } from '../fixtures/bilingual/load';

const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'scholia-bilingual-')), 'workspace.sqlite');

async function workspace(path = tempPath()) {
  const ws = await Workspace.open(path);
  open.push(ws);
  const dispatch = createDispatch(createService({ workspace: ws, author: 'tester' }));
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const envelope = (await dispatch(method, input)) as Envelope<T>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  return { ws, call, path };
}

const [economy] = loadTestSet();
const cp = (text: string, link: AlignmentLink, side: 'source' | 'translation') => {
  const span = link[side];
  return span ? [...text].slice(span.start, span.end).join('') : '';
};

async function withSource() {
  const w = await workspace();
  const doc = await w.call<DocumentSummary>('documents.create', { title: 'economy', text: economy!.translation });
  const view = await w.call<BilingualView>('bilingual.setSource', { documentId: doc.id, text: economy!.source, language: 'zh', translationLanguage: 'en' });
  return { ...w, doc, view };
}

describe('bilingual.setSource and bilingual.get', () => {
  it('keeps the source exactly, aligns it automatically and reads it back', async () => {
    const { call, doc, view } = await withSource();
    expect(view.source).toBe(economy!.source);
    expect(view.sourceLanguage).toBe('zh');
    expect(view.translationLanguage).toBe('en');
    expect(view.alignment.length).toBeGreaterThan(5);
    // Most gold links are found by the automatic alignment.
    const same = (a: AlignmentLink, b: AlignmentLink) => JSON.stringify(a) === JSON.stringify(b);
    const found = economy!.links.filter((g) => view.alignment.some((l) => same(l, g))).length;
    expect(found / economy!.links.length).toBeGreaterThan(0.8);
    expect(await call<BilingualView>('bilingual.get', { documentId: doc.id })).toEqual(view);
    const summary = (await call<DocumentSummary[]>('documents.list', {})).find((d) => d.id === doc.id)!;
    expect(summary.sourceLanguage).toBe('zh');
  });

  it('answers null for a document without a source', async () => {
    const { call } = await workspace();
    const doc = await call<DocumentSummary>('documents.create', { title: 'plain', text: 'Just English.' });
    expect(await call('bilingual.get', { documentId: doc.id })).toBeNull();
  });

  it('refuses a source that is not this document, and a bad language tag, changing nothing', async () => {
    const { call } = await workspace();
    const [, other] = loadTestSet();
    const doc = await call<DocumentSummary>('documents.create', { title: 'economy', text: economy!.translation });
    await expect(call('bilingual.setSource', { documentId: doc.id, text: other!.source, language: 'zh' })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/does not go with the document.*nothing was changed/),
    });
    await expect(call('bilingual.setSource', { documentId: doc.id, text: economy!.source, language: 'zh_CN!' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('bilingual.get', { documentId: doc.id })).toBeNull();
  });
});

describe('the alignment follows the translation’s edits', () => {
  it('maps translation ranges through an edit like annotations, and keeps their text', async () => {
    const { call, doc, view } = await withSource();
    const before = view.alignment.map((l) => cp(economy!.translation, l, 'translation'));
    const text = `Breaking: ${economy!.translation}`;
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 0, inserted: 'Breaking: ' }] });
    const after = (await call<BilingualView>('bilingual.get', { documentId: doc.id })).alignment;
    expect(after.map((l) => cp(text, l, 'translation'))).toEqual(before);
    expect(after.map((l) => l.source)).toEqual(view.alignment.map((l) => l.source));
  });

  it('leaves a source sentence without counterpart when its whole translation is deleted', async () => {
    const { call, doc, view } = await withSource();
    const first = view.alignment[0]!;
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: first.translation!.start, end: first.translation!.end, inserted: '' }] });
    const after = (await call<BilingualView>('bilingual.get', { documentId: doc.id })).alignment;
    expect(after[0]).toEqual({ source: first.source, translation: null });
  });
});

describe('bilingual.updateAlignment', () => {
  it('unlinks, links back, merges, splits and undoes by giving the old alignment back; each stored', async () => {
    const { call, doc, view } = await withSource();
    const original = view.alignment;
    const unlinked = await call<AlignmentLink[]>('bilingual.updateAlignment', { documentId: doc.id, operation: { op: 'unlink', index: 0 } });
    expect(unlinked.slice(0, 2)).toEqual([
      { source: original[0]!.source, translation: null },
      { source: null, translation: original[0]!.translation },
    ]);
    expect((await call<BilingualView>('bilingual.get', { documentId: doc.id })).alignment).toEqual(unlinked);
    expect(await call('bilingual.updateAlignment', { documentId: doc.id, operation: { op: 'link', index: 0 } })).toEqual(original);
    const merged = await call<AlignmentLink[]>('bilingual.updateAlignment', { documentId: doc.id, operation: { op: 'merge', index: 0 } });
    expect(merged).toHaveLength(original.length - 1);
    expect(merged[0]).toEqual({
      source: { start: original[0]!.source!.start, end: original[1]!.source!.end },
      translation: { start: original[0]!.translation!.start, end: original[1]!.translation!.end },
    });
    const split = await call<AlignmentLink[]>('bilingual.updateAlignment', {
      documentId: doc.id,
      operation: { op: 'split', index: 0, source: original[1]!.source!.start, translation: original[1]!.translation!.start },
    });
    expect(split[0]).toEqual({ source: { start: original[0]!.source!.start, end: original[1]!.source!.start }, translation: { start: original[0]!.translation!.start, end: original[1]!.translation!.start } });
    expect(await call('bilingual.updateAlignment', { documentId: doc.id, operation: { op: 'replace', alignment: original } })).toEqual(original);
  });

  it('refuses a correction that does not fit, changing nothing', async () => {
    const { call, doc, view } = await withSource();
    const sourceLength = [...economy!.source].length;
    for (const operation of [
      { op: 'link', index: 0 },
      { op: 'merge', index: view.alignment.length - 1 },
      { op: 'split', index: 0, source: 0, translation: null },
      { op: 'replace', alignment: [{ source: { start: 0, end: sourceLength + 1 }, translation: null }] },
      { op: 'replace', alignment: [{ source: { start: 5, end: 9 }, translation: null }, { source: { start: 0, end: 4 }, translation: null }] },
      { op: 'replace', alignment: [{ source: null, translation: null }] },
    ]) {
      await expect(call('bilingual.updateAlignment', { documentId: doc.id, operation })).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect((await call<BilingualView>('bilingual.get', { documentId: doc.id })).alignment).toEqual(view.alignment);
  });
});

describe('bilingual.check and the glossary', () => {
  const csv = (text: string) => Buffer.from(text).toString('base64');

  it('finds the test set’s errors with their side, and terminology from the workspace glossary', async () => {
    const { call, doc } = await withSource();
    const before = await call<BilingualFinding[]>('bilingual.check', { documentId: doc.id });
    expect(before.every((f) => f.side === 'source' || f.side === 'translation')).toBe(true);
    expect(new Set(before.map((f) => f.rule))).toContain('number-mismatch');
    expect(before.some((f) => f.rule === 'terminology')).toBe(false);
    const glossary = economy!.glossary;
    expect(glossary.length).toBeGreaterThan(0);
    const file = ['source,target', ...glossary.map((e) => `${e.source},${e.target}`)].join('\n');
    expect(await call('glossary.import', { fileName: 'terms.csv', contentBase64: csv(file) })).toEqual({ added: glossary.length, total: glossary.length });
    const after = await call<BilingualFinding[]>('bilingual.check', { documentId: doc.id });
    expect(after.some((f) => f.rule === 'terminology')).toBe(true);
  });

  it('imports, lists and exports a glossary; a bad file changes nothing', async () => {
    const { call } = await workspace();
    await call('glossary.import', { fileName: 'a.csv', contentBase64: csv('source,target,forbidden,note\n央行,central bank,People’s Bank|the bank,\n国务院,State Council,,\n') });
    const entries = await call<GlossaryEntry[]>('glossary.list', {});
    expect(entries).toEqual([
      { source: '央行', target: 'central bank', forbidden: ['People’s Bank', 'the bank'], note: '' },
      { source: '国务院', target: 'State Council', forbidden: [], note: '' },
    ]);
    const exported = await call<{ name: string; content: string }>('glossary.export', {});
    expect(exported.name).toBe('glossary.csv');
    await call('glossary.import', { fileName: 'again.csv', contentBase64: csv(exported.content), replace: true });
    expect(await call('glossary.list', {})).toEqual(entries);
    await expect(call('glossary.import', { fileName: 'bad.tbx', contentBase64: csv('<martif><text>'), sourceLanguage: 'zh', targetLanguage: 'en' })).rejects.toMatchObject({ code: 'bad_file' });
    await expect(call('glossary.import', { fileName: 'long.csv', contentBase64: csv(`source,target\n${'长'.repeat(1001)},long\n`) })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('glossary.list', {})).toEqual(entries);
  });
});

describe('schema', () => {
  it('migrates a workspace made before the bilingual tables, keeping its documents', async () => {
    const path = tempPath();
    const old = await Workspace.open(path, { migrations: migrations.filter((m) => m.version < 7) });
    const db = old.db;
    db.prepare(`INSERT INTO documents (id, title, sha256, original_text, current_text, current_length, created_at, updated_at) VALUES ('d1', 'old', 'x', 'Hello.', 'Hello.', 6, 'now', 'now')`).run();
    old.close();
    const { call, ws } = await workspace(path);
    expect(ws.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(await call('bilingual.get', { documentId: 'd1' })).toBeNull();
    const raw = new Database(path, { readonly: true });
    expect((raw.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name IN ('document_sources', 'glossary_entries')").get() as { n: number }).n).toBe(2);
    raw.close();
  });
});
