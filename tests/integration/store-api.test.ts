import Database from 'better-sqlite3';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import { createDispatch, type Dispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import { fromColumns } from '../../src/core/annotation-columns';
import { replayEdits } from '../../src/core/edits';
import type { Annotation, DocumentRecord, DocumentSummary, Edit, SearchHit, Tag } from '../../src/core/model';
import { insertDocument } from '../../src/store/documents';
import { listEdits } from '../../src/store/edits';
import type { Migration } from '../../src/store/migrations';
import { migrations } from '../../src/store/migrations';
import { Workspace } from '../../src/store/workspace';

const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

const tempPath = () => join(mkdtempSync(join(tmpdir(), 'scholia-test-')), 'workspace.sqlite');

/** `call` for the methods that answer at once; `callAsync` for those that answer with a promise (creating and importing documents, which hash the text first). */
async function workspace(
  path = tempPath(),
): Promise<{ ws: Workspace; call: <T>(method: string, input: unknown) => T; callAsync: <T>(method: string, input: unknown) => Promise<T>; dispatch: Dispatch }> {
  const ws = await Workspace.open(path);
  open.push(ws);
  const dispatch = createDispatch(createService({ workspace: ws, author: 'tester' }));
  const call = <T>(method: string, input: unknown): T => {
    const envelope = dispatch(method, input) as Envelope<T>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  const callAsync = async <T,>(method: string, input: unknown): Promise<T> => {
    const envelope = (await dispatch(method, input)) as Envelope<T>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  return { ws, call, callAsync, dispatch };
}

describe('opening a workspace', () => {
  it('creates the schema, the default tags and no documents, durably configured', async () => {
    const { ws, call } = await workspace();
    expect(ws.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(call<Tag[]>('tags.list', {}).map((t) => `${t.key} ${t.name}`)).toEqual([
      '1 Person',
      '2 Organisation',
      '3 Place',
      '4 Policy',
      '5 Date',
      '6 Figure',
      '7 Commitment',
    ]);
    expect(call<DocumentSummary[]>('documents.list', {})).toEqual([]);
    expect(ws.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ws.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(ws.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('refuses a folder, a file that is not SQLite, and another program’s database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scholia-test-'));
    await expect(Workspace.open(dir)).rejects.toMatchObject({ code: 'not_a_file' });
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'just some text, not a database at all');
    await expect(Workspace.open(text)).rejects.toMatchObject({ code: 'not_sqlite', message: expect.stringContaining('not an SQLite database') });
    const foreign = join(dir, 'other.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE songs (title TEXT)');
    db.close();
    await expect(Workspace.open(foreign)).rejects.toMatchObject({ code: 'foreign_database' });
  });

  it('refuses a workspace written by a newer version', async () => {
    const path = tempPath();
    (await Workspace.open(path)).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    await expect(Workspace.open(path)).rejects.toMatchObject({ code: 'too_new' });
  });

  it('backs up before migrating and leaves the file untouched when a migration fails', async () => {
    const path = tempPath();
    const first = await Workspace.open(path);
    insertDocument(first.db, { id: 'd1', title: 'Kept', sha256: 'x', text: 'abc' });
    first.close();
    const latest = migrations.at(-1)!.version;
    const failing: Migration = {
      version: latest + 1,
      description: 'fails on purpose',
      up(db) {
        db.exec('ALTER TABLE documents ADD COLUMN extra TEXT');
        throw new Error('deliberate failure');
      },
    };
    const error = (await Workspace.open(path, { migrations: [...migrations, failing] }).then(
      () => new Error('opened'),
      (e: unknown) => e,
    )) as Error & { code: string };
    expect(error).toMatchObject({ code: 'migration_failed' });
    expect(error.message).toMatch(/deliberate failure.*unchanged.*backup is at .*\.backup/);
    const again = await Workspace.open(path);
    open.push(again);
    expect(again.schemaVersion).toBe(latest);
    const columns = again.db.prepare('PRAGMA table_info(documents)').all() as { name: string }[];
    expect(columns.map((c) => c.name)).not.toContain('extra');
    const backupPath = /backup is at (\S+)$/.exec(error.message)![1]!;
    const backup = new Database(backupPath, { readonly: true });
    expect(backup.prepare('SELECT title FROM documents').get()).toEqual({ title: 'Kept' });
    backup.close();
  });

  // Root writes through file modes, so this can only be shown as another user.
  it.skipIf(process.getuid?.() === 0)('refuses a read-only workspace with a clear message (not run as root)', async () => {
    const path = tempPath();
    (await Workspace.open(path)).close();
    chmodSync(path, 0o444);
    await expect(Workspace.open(path)).rejects.toMatchObject({ code: 'read_only' });
  });
});

describe('documents and edits through the api', () => {
  it('imports a file exactly and refuses bad files without changing anything', async () => {
    const { call, callAsync } = await workspace();
    const text = 'Title 😀\r\n\r\n  body  text \n';
    const summary = await callAsync<DocumentSummary>('documents.importFile', { fileName: '/tmp/readout.txt', contentBase64: Buffer.from(text).toString('base64') });
    expect(summary).toMatchObject({ title: 'readout', sourceName: 'readout.txt', length: [...text].length, editCount: 0 });
    expect(call<DocumentRecord>('documents.get', { id: summary.id })).toMatchObject({ text, originalText: text });
    const bad = (bytes: number[]) => () => call('documents.importFile', { fileName: 'bad.txt', contentBase64: Buffer.from(bytes).toString('base64') });
    expect(bad([])).toThrow(/bad.txt: the file is empty/);
    expect(bad([0x41, 0x00, 0x42])).toThrow(/not a text file/);
    expect(bad([0x41, 0xff, 0x42])).toThrow(/not valid UTF-8: invalid byte 0xff at byte offset 1/);
    expect(call<DocumentSummary[]>('documents.list', {})).toHaveLength(1);
  });

  it('records each change as an edit whose replay gives the current text', async () => {
    const { ws, call, callAsync } = await workspace();
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'Readout', text: 'the city.We must😀 act' });
    const result = call<{ editCount: number; length: number }>('edits.apply', {
      documentId: doc.id,
      baseEditCount: 0,
      changes: [
        { start: 9, end: 9, inserted: ' ' },
        { start: 0, end: 1, inserted: 'T' },
        { start: 17, end: 18, inserted: '' },
      ],
    });
    expect(result).toEqual({ editCount: 3, length: 21, updatedAt: expect.any(String) });
    const stored = call<DocumentRecord>('documents.get', { id: doc.id });
    expect(stored.text).toBe('The city. We must act');
    const edits = call<Edit[]>('edits.list', { documentId: doc.id });
    expect(edits.map((e) => [e.seq, e.removed, e.inserted, e.origin, e.author])).toEqual([
      [1, '', ' ', 'manual', 'tester'],
      [2, 't', 'T', 'manual', 'tester'],
      [3, '😀', '', 'manual', 'tester'],
    ]);
    expect(replayEdits(stored.originalText, listEdits(ws.db, doc.id))).toBe(stored.text);
  });

  it('opens a document with its current text and its annotations as columns: the same as documents.get and annotations.list give', async () => {
    const { call, callAsync, dispatch } = await workspace();
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'Readout', text: 'the city must act 😀 now' });
    call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 1, inserted: 'T' }] });
    const [tag] = call<Tag[]>('tags.list', {});
    call('annotations.create', { documentId: doc.id, baseEditCount: 1, start: 4, end: 8, tagIds: [tag!.id], note: 'a note' });
    call('annotations.create', { documentId: doc.id, baseEditCount: 1, start: 0, end: 3, tagIds: [], note: '', attributes: { severity: 'major' } });
    const { originalText, ...current } = call<DocumentRecord>('documents.get', { id: doc.id });
    expect(originalText).toBe('the city must act 😀 now');
    expect(call('documents.current', { id: doc.id })).toStrictEqual(current);
    const columns = JSON.parse(JSON.stringify(call('annotations.columns', { documentId: doc.id }))) as unknown;
    expect(fromColumns(columns)).toStrictEqual(call<Annotation[]>('annotations.list', { documentId: doc.id }));
    expect(fromColumns(columns).map((a) => a.quote)).toEqual(['The', 'city']);
    expect(dispatch('documents.current', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch('annotations.columns', { documentId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch('annotations.columns', { documentId: doc.id, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('refuses a change made on a stale version, or outside the text, and keeps the text', async () => {
    const { call, callAsync } = await workspace();
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'T', text: 'abc' });
    call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 3, end: 3, inserted: 'd' }] });
    expect(() => call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 0, inserted: 'x' }] })).toThrow(/reload/);
    expect(() => call('edits.apply', { documentId: doc.id, baseEditCount: 1, changes: [{ start: 0, end: 0, inserted: 'x' }, { start: 2, end: 99, inserted: '' }] })).toThrow(/outside the text/);
    expect(call<DocumentRecord>('documents.get', { id: doc.id })).toMatchObject({ text: 'abcd', editCount: 1 });
  });

  it('validates every input: unknown methods, wrong types, extra fields, lone surrogates', async () => {
    const { dispatch, call } = await workspace();
    expect(dispatch('documents.drop', {})).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(dispatch('documents.get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('documents.get', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('documents.list', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('documents.get', { id: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(dispatch('documents.create', { title: 'x', text: 'bad \ud800' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(dispatch('documents.create', { title: 'x\u0007', text: 'ok' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(call<DocumentSummary[]>('documents.list', {})).toEqual([]);
  });
});

describe('annotations stay anchored through edits', () => {
  it('maps, extends, and detaches annotations as the store applies edits', async () => {
    const { call, callAsync } = await workspace();
    const [person] = call<Tag[]>('tags.list', {});
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'T', text: 'Mayor Gong Zheng said the plan works' });
    const name = call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 6, end: 16, tagIds: [person!.id] });
    const plan = call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 26, end: 30 });
    expect(plan.quote).toBe('plan');
    expect(name.quote).toBe('Gong Zheng');
    call('edits.apply', {
      documentId: doc.id,
      baseEditCount: 0,
      changes: [
        { start: 0, end: 0, inserted: 'The ' }, // before both: shift
        { start: 14, end: 14, inserted: '-' }, // inside "Gong Zheng": extends
        { start: 27, end: 36, inserted: '' }, // "the plan " gone: plan detaches
      ],
    });
    const after = call<Annotation[]>('annotations.list', { documentId: doc.id });
    expect(after.find((a) => a.id === name.id)).toMatchObject({ start: 10, end: 21, quote: 'Gong- Zheng', detached: false, tagIds: [person!.id] });
    expect(after.find((a) => a.id === plan.id)).toMatchObject({ quote: 'plan', detached: true });
  });
});

describe('tags and taxonomies', () => {
  it('adds the MQM-Core taxonomy once, with subtypes under their dimensions', async () => {
    const { call } = await workspace();
    const { added } = call<{ added: Tag[] }>('tags.addTaxonomy', { name: 'mqm' });
    const accuracy = added.find((t) => t.name === 'Accuracy')!;
    expect(added.filter((t) => t.parentId === accuracy.id).map((t) => t.name)).toEqual(
      expect.arrayContaining(['Mistranslation', 'Omission', 'Addition', 'Untranslated']),
    );
    expect(added.filter((t) => t.parentId === null).map((t) => t.name)).toEqual([
      'Terminology',
      'Accuracy',
      'Linguistic conventions',
      'Style',
      'Locale conventions',
      'Audience appropriateness',
      'Design and markup',
    ]);
    expect(call<{ added: Tag[] }>('tags.addTaxonomy', { name: 'mqm' }).added).toEqual([]);
  });

  it('keeps names unique per parent (ignoring case) and keys unique, and counts usage before deleting', async () => {
    const { call, callAsync } = await workspace();
    const tags = call<Tag[]>('tags.list', {});
    const place = tags.find((t) => t.name === 'Place')!;
    expect(() => call('tags.create', { name: 'place', color: '#123456' })).toThrow(/already exists/);
    expect(() => call('tags.create', { name: 'City', color: '#123456', key: '3' })).toThrow(/key 3 is already used by tag “Place”/);
    const city = call<Tag>('tags.create', { name: 'City', color: '#123456', parentId: place.id });
    expect(() => call('tags.update', { id: place.id, parentId: city.id })).toThrow(/under itself/);
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'T', text: 'Shanghai and Pudong' });
    call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 8, tagIds: [city.id] });
    call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 13, end: 19, tagIds: [place.id] });
    expect(call('tags.usage', { id: place.id })).toEqual({ annotationCount: 2, tagCount: 2 });
    expect(call('tags.delete', { id: place.id })).toEqual({ deleted: true, annotationCount: 2, tagCount: 2 });
    expect(call<Tag[]>('tags.list', {}).map((t) => t.name)).not.toContain('City');
    expect(call<Annotation[]>('annotations.list', { documentId: doc.id }).map((a) => a.tagIds)).toEqual([[], []]);
  });
});

describe('deleting a tag with tags under it', () => {
  it('counts the whole subtree: its tags and every annotation that loses one of them', async () => {
    const { call, callAsync } = await workspace();
    const entity = call<Tag>('tags.create', { name: 'Entity', color: '#123456' });
    const person = call<Tag>('tags.create', { name: 'Person', color: '#123456', parentId: entity.id });
    const politician = call<Tag>('tags.create', { name: 'Politician', color: '#123456', parentId: person.id });
    call<Tag>('tags.create', { name: 'Minister', color: '#123456', parentId: politician.id });
    const other = call<Tag>('tags.create', { name: 'Other', color: '#123456' });
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'T', text: 'Li Qiang met Wang Yi in Beijing' });
    // Only the grandchild is used, twice, once together with a tag outside the subtree.
    call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 8, tagIds: [politician.id] });
    call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 13, end: 20, tagIds: [other.id, politician.id] });
    call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 24, end: 31, tagIds: [other.id] });
    expect(call('tags.usage', { id: entity.id })).toEqual({ annotationCount: 2, tagCount: 4 });
    expect(call('tags.usage', { id: politician.id })).toEqual({ annotationCount: 2, tagCount: 2 });
    expect(call('tags.delete', { id: entity.id })).toEqual({ deleted: true, annotationCount: 2, tagCount: 4 });
    expect(call<Annotation[]>('annotations.list', { documentId: doc.id }).map((a) => a.tagIds)).toEqual([[], [other.id], [other.id]]);
  });
});

describe('searching across documents', () => {
  it('finds documents by their current text, case-insensitively, with code point offsets', async () => {
    const { call, callAsync } = await workspace();
    const a = await callAsync<DocumentSummary>('documents.create', { title: 'A', text: '😀 Pudong reform; pudong again' });
    await callAsync('documents.create', { title: 'B', text: 'nothing here' });
    const hits = call<{ documentId: string; matchCount: number; snippets: { start: number; end: number; match: string }[] }[]>('documents.search', { query: 'PUDONG' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ documentId: a.id, matchCount: 2 });
    expect(hits[0]!.snippets[0]).toMatchObject({ start: 2, end: 8, match: 'Pudong' });
  });
});

describe('searching beyond ASCII (SQLite FTS5, unicode61)', () => {
  it('finds capitals of any script case-insensitively, with snippets at code point offsets', async () => {
    const { call, callAsync } = await workspace();
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'Cities', text: '🌍 École de Москва, ΑΘΗΝΑ and Straße.' });
    await callAsync('documents.create', { title: 'Other', text: 'Ecole sans accent.' });
    for (const [query, match, start] of [['école', 'École', 2], ['москва', 'Москва', 11], ['αθηνα', 'ΑΘΗΝΑ', 19], ['STRAßE', 'Straße', 29]] as const) {
      const hits = call<SearchHit[]>('documents.search', { query });
      expect(hits.map((h) => h.documentId), query).toEqual([doc.id]);
      expect(hits[0]!.snippets[0]).toMatchObject({ start, end: start + match.length, match });
    }
    // A phrase, and the start of a word.
    expect(call<SearchHit[]>('documents.search', { query: 'de моск' }).map((h) => h.title)).toEqual(['Cities']);
  });

  it('folds diacritics only when asked', async () => {
    const { call, callAsync } = await workspace();
    await callAsync('documents.create', { title: 'Accent', text: 'École normale' });
    await callAsync('documents.create', { title: 'Plain', text: 'Ecole normale' });
    expect(call<SearchHit[]>('documents.search', { query: 'ecole' }).map((h) => h.title)).toEqual(['Plain']);
    expect(call<SearchHit[]>('documents.search', { query: 'ecole', foldDiacritics: true }).map((h) => h.title).sort()).toEqual(['Accent', 'Plain']);
    expect(call<SearchHit[]>('documents.search', { query: 'école', foldDiacritics: true }).find((h) => h.title === 'Accent')!.snippets[0]).toMatchObject({ match: 'École' });
  });

  it('keeps the index in step with the current text through edits, renames and deletes', async () => {
    const { call, callAsync } = await workspace();
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'T', text: 'Le maire de Lyon.' });
    call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 12, end: 16, inserted: 'Ørsted' }] });
    expect(call<SearchHit[]>('documents.search', { query: 'lyon' })).toEqual([]);
    expect(call<SearchHit[]>('documents.search', { query: 'ØRSTED' })).toHaveLength(1);
    call('documents.delete', { id: doc.id });
    expect(call<SearchHit[]>('documents.search', { query: 'ørsted' })).toEqual([]);
  });

  it('still finds text in scripts written without spaces, and punctuation', async () => {
    const { call, callAsync } = await workspace();
    await callAsync('documents.create', { title: 'Zh', text: '浦东新区的规划' });
    expect(call<SearchHit[]>('documents.search', { query: '新区' })[0]!.snippets[0]).toMatchObject({ start: 2, end: 4 });
    expect(call<SearchHit[]>('documents.search', { query: '的规' })).toHaveLength(1);
  });

  it('a workspace of schema 1 gets its index when opened', async () => {
    const path = tempPath();
    const old = await Workspace.open(path, { migrations: migrations.slice(0, 1) });
    old.db.prepare("INSERT INTO documents (id, title, sha256, original_text, current_text, current_length, created_at, updated_at) VALUES ('d', 'Old', '', 'Ça va, ÉTÉ', 'Ça va, ÉTÉ', 10, 'x', 'x')").run();
    old.close();
    const { call, ws } = await workspace(path);
    expect(ws.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(call<SearchHit[]>('documents.search', { query: 'été' }).map((h) => h.documentId)).toEqual(['d']);
  });
});

describe('quotes', () => {
  it('are cut in code points, astral characters included, and refuse ranges past the end', async () => {
    const { call, callAsync } = await workspace();
    const doc = await callAsync<DocumentSummary>('documents.create', { title: 'T', text: '😀𠀋 Pudong 新区 plan' });
    expect(call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 3, end: 12 }).quote).toBe('Pudong 新区');
    expect(call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 0, end: 2 }).quote).toBe('😀𠀋');
    expect(() => call('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 13, end: 18 })).toThrow(/outside the document \(length 17\)/);
  });
});

describe('a full disk', () => {
  it('is a workspace error saying nothing was saved, and the workspace is unchanged', async () => {
    const { ws, dispatch } = await workspace();
    const before = (ws.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    // SQLite answers SQLITE_FULL when the file may not grow: as a full disk does.
    const pages = ws.db.pragma('page_count', { simple: true }) as number;
    ws.db.pragma(`max_page_count = ${pages}`);
    const envelope = await dispatch('documents.create', { title: 'Big', text: 'x'.repeat(1_000_000) }) as Envelope<unknown>;
    expect(envelope).toEqual({ ok: false, error: { code: 'workspace', message: `the disk is full; nothing was saved (${ws.path})` } });
    expect((ws.db.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n).toBe(before);
  });
});
