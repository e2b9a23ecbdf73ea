// Export and import through the api over real workspaces: round trips that
// give back the same files, bad files that change nothing and say where they
// are wrong, how imported tags meet a workspace's own, and exports held
// against the published JSON Schema and the W3C suite.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope, TransferExport, TransferImport } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import type { Annotation, DocumentRecord, DocumentSummary, Tag } from '../../src/core/model';
import { CodePointIndex } from '../../src/core/offsets';
import { Workspace } from '../../src/store/workspace';
import { exportNative } from '../../src/core/formats';
import { workspace as randomWorkspace } from '../unit/formats/arbitraries';
import { fixtures, repoRoot } from '../unit/formats/paths';
import { schemaErrors } from '../unit/formats/schema';

const dir = mkdtempSync(join(tmpdir(), 'scholia-transfer-'));
const opened: Workspace[] = [];
afterAll(() => {
  for (const ws of opened) ws.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
type Call = <T>(method: string, input: unknown) => Promise<T>;

/** A new workspace (with the starter tags, no documents) and its api. */
async function workspace(): Promise<{ ws: Workspace; call: Call }> {
  const ws = await Workspace.open(join(dir, `ws-${++n}.sqlite`));
  opened.push(ws);
  const dispatch = createDispatch(createService({ workspace: ws, author: 'tester' }));
  const call: Call = async <T>(method: string, input: unknown) => {
    const envelope = (await dispatch(method, input)) as Envelope<T>;
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  return { ws, call };
}

const base64 = (content: string | Uint8Array) => Buffer.from(content).toString('base64');
const files = (...list: [string, string | Uint8Array][]) => list.map(([name, content]) => ({ name, contentBase64: base64(content) }));

async function importFiles(call: Call, list: [string, string | Uint8Array][], format = 'auto', documentId?: string): Promise<TransferImport> {
  return call<TransferImport>('transfer.import', { files: files(...list), format, ...(documentId === undefined ? {} : { documentId }) });
}

async function exportAll(call: Call, format: string): Promise<TransferExport> {
  return call<TransferExport>('transfer.export', { all: true, format });
}

const withoutExportedAt = (json: string) => json.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "-"');

/** Code point range of the `nth` occurrence of `quote`. */
function range(text: string, quote: string, nth = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(quote, at + 1);
  if (at < 0) throw new Error(`${quote} not in the text`);
  const index = new CodePointIndex(text);
  return { start: index.toCodePoint(at), end: index.toCodePoint(at + quote.length) };
}

/** Every row a workspace holds, to show an import that failed changed nothing. */
function contents(ws: Workspace): { counts: Record<string, number>; rows: string } {
  const tables = ['documents', 'edits', 'tags', 'annotations', 'annotation_tags'];
  const counts = Object.fromEntries(tables.map((t) => [t, (ws.db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
  const rows = JSON.stringify(tables.map((t) => ws.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()));
  return { counts, rows };
}

// Written for the project: emoji, astral CJK (𠀋), CRLF line ends, blank and space-padded lines.
const READOUT = 'Premier Li Qiang met 😀 delegates in 𠀋京 on Monday.\r\nThe the U.S. side said  "we  will cooperate".\r\n\r\n  Trailing line  \r\n';

/**
 * A workspace built as a user builds one: a child tag, edits (one deleting an
 * annotated word, which detaches it), overlapping annotations with notes and
 * attributes, and a second document.
 */
async function annotatedWorkspace(): Promise<{ ws: Workspace; call: Call; doc: DocumentRecord; person: Tag; place: Tag }> {
  const { ws, call } = await workspace();
  const tags = await call<Tag[]>('tags.list', {});
  const person = tags.find((t) => t.name === 'Person')!;
  const place = tags.find((t) => t.name === 'Place')!;
  const official = await call<Tag>('tags.create', { name: 'Official 官员', color: '#123456', parentId: person.id, description: 'Holds an office' });
  const created = await call<DocumentSummary>('documents.create', { title: 'Readout 𠀋 (draft)', text: READOUT });
  const id = created.id;
  await call('annotations.create', { documentId: id, baseEditCount: 0, ...range(READOUT, 'Monday'), tagIds: [place.id], note: 'deleted later' });
  const edit = async (from: string, to: string) => {
    const doc = await call<DocumentRecord>('documents.get', { id });
    await call('edits.apply', { documentId: id, baseEditCount: doc.editCount, changes: [{ ...range(doc.text, from), inserted: to }] });
  };
  await edit('The the', 'The');
  await edit('said  "we  will', 'said "we will');
  await edit(' on Monday', '');
  const text = (await call<DocumentRecord>('documents.get', { id })).text;
  await call('annotations.create', { documentId: id, baseEditCount: 3, ...range(text, 'Li Qiang'), tagIds: [person.id] });
  await call('annotations.create', { documentId: id, baseEditCount: 3, ...range(text, 'Qiang met 😀'), tagIds: [official.id, place.id], note: 'overlaps\r\nLi Qiang', attributes: { severity: 'major', 'source span': '李强' } });
  await call('annotations.create', { documentId: id, baseEditCount: 3, ...range(text, '𠀋京'), tagIds: [place.id] });
  await call('annotations.create', { documentId: id, baseEditCount: 3, ...range(text, 'cooperate".\r\n\r\n  Trailing'), tagIds: [] });
  await call('documents.create', { title: 'Second', text: 'Short 😀 text\nwith LF only.' });
  const doc = await call<DocumentRecord>('documents.get', { id });
  return { ws, call, doc, person, place };
}

describe('native round trip', () => {
  it('imports an export into an empty workspace and exports the same JSON again, apart from exportedAt', async () => {
    const a = await annotatedWorkspace();
    const [exported] = (await exportAll(a.call, 'native')).files;
    expect(exported!.name).toBe('scholia-workspace.scholia.json');
    expect(schemaErrors(exported!.content)).toEqual([]);
    const file = JSON.parse(exported!.content) as { documents: { annotations: { detached: boolean }[]; edits: unknown[] }[] };
    expect(file.documents[0]!.edits).toHaveLength(3);
    expect(file.documents[0]!.annotations.filter((x) => x.detached)).toHaveLength(1);

    const b = await workspace();
    const result = await importFiles(b.call, [['readout.scholia.json', exported!.content]]);
    // The same documents (the library's order depends on times that can tie within a millisecond).
    expect([...result.documentIds].sort()).toEqual((await a.call<DocumentSummary[]>('documents.list', {})).map((d) => d.id).sort());
    expect(result.annotationCount).toBe(5);
    const [again] = (await exportAll(b.call, 'native')).files;
    expect(withoutExportedAt(again!.content)).toBe(withoutExportedAt(exported!.content));
  });

  it('gives back the committed sample file (ids, keys and tag paths as they were)', async () => {
    const sample = readFileSync(join(fixtures, 'sample.native.json'), 'utf8');
    const { call } = await workspace();
    const result = await importFiles(call, [['sample.native.json', sample]]);
    expect(result.documentIds).toEqual(['doc-1', 'doc-2']);
    // The starter tags gave their keys 1 and 2 to the file's: the workspace was empty.
    expect(result.issues.map((i) => i.problem)).toEqual([
      'took shortcut key 1 from the workspace\'s tag "Person"',
      'took shortcut key 2 from the workspace\'s tag "Organisation"',
    ]);
    const [again] = (await call<TransferExport>('transfer.export', { documentIds: ['doc-1', 'doc-2'], format: 'native' })).files;
    expect(again!.name).toBe('scholia-export.scholia.json');
    expect(withoutExportedAt(again!.content)).toBe(withoutExportedAt(sample));
  });

  it('imports the same file twice as two copies, with new ids for what is taken', async () => {
    const sample = readFileSync(join(fixtures, 'sample.native.json'), 'utf8');
    const { call } = await workspace();
    await importFiles(call, [['sample.native.json', sample]]);
    const second = await importFiles(call, [['sample.native.json', sample]]);
    expect(second.documentIds).toHaveLength(2);
    expect(second.documentIds).not.toContain('doc-1');
    expect(second.issues).toContainEqual({ record: 'sample.native.json: document doc-1', problem: expect.stringMatching(/^has the new id [0-9a-f-]{36}: its id is taken in this workspace$/) });
    expect(second.issues).toContainEqual({ record: 'sample.native.json: annotation a-li', problem: expect.stringContaining('its id is taken') });
    // Tags are the same tags: no second "Entity".
    const tags = await call<Tag[]>('tags.list', {});
    expect(tags.filter((t) => t.name === 'Entity')).toHaveLength(1);
    const copy = await call<Annotation[]>('annotations.list', { documentId: second.documentIds[0] });
    expect(copy.find((x) => x.quote === 'Li Qiang')!.tagIds).toEqual(['t-person']);
  });
});

describe('native round trip of random workspaces', () => {
  it('keeps every document, annotation and edit, and a second round trip gives the same file', async () => {
    await fc.assert(
      fc.asyncProperty(randomWorkspace(), async (random) => {
        const original = exportNative(random, { exportedAt: '2024-06-01T12:00:00.000Z' });
        const a = await workspace();
        await importFiles(a.call, [['random.json', original]]);
        const [first] = (await exportAll(a.call, 'native')).files;
        expect(schemaErrors(first!.content)).toEqual([]);
        const documents = (json: string) => (JSON.parse(json) as { documents: unknown }).documents;
        expect(documents(first!.content)).toEqual(documents(original));
        const b = await workspace();
        await importFiles(b.call, [['first.json', first!.content]]);
        const [second] = (await exportAll(b.call, 'native')).files;
        expect(withoutExportedAt(second!.content)).toBe(withoutExportedAt(first!.content));
      }),
      { numRuns: 25 },
    );
  });
});

describe('doccano -> native -> doccano', () => {
  it('keeps texts and spans through a native file and a second workspace', async () => {
    const text = '王毅 met Blinken in 🇺🇸 Washington 𠀋.\r\nSecond 😀 line, with Blinken again.';
    const span = (quote: string, label: string, nth = 0): [number, number, string] => {
      const r = range(text, quote, nth);
      return [r.start, r.end, label];
    };
    // Overlapping spans, and two labels on one span.
    const label = [span('王毅', 'PER'), span('Blinken', 'PER'), span('Blinken in 🇺🇸 Washington', 'EVENT'), span('Washington 𠀋', 'LOC'), span('Washington 𠀋', 'GPE'), span('Blinken', 'PER', 1)];
    const input = `${JSON.stringify({ id: 7, text, label })}\n${JSON.stringify({ id: 8, text: 'No labels.', label: [] })}\n`;

    const a = await workspace();
    const imported = await importFiles(a.call, [['readouts.jsonl', input]]);
    expect(imported.documentIds).toHaveLength(2);
    const [d1] = (await exportAll(a.call, 'doccano')).files;
    expect(d1!.name).toBe('scholia-workspace.jsonl');
    const lines = d1!.content.trimEnd().split('\n').map((l) => JSON.parse(l) as { text: string; label: [number, number, string][] });
    expect(lines.map((l) => l.text)).toEqual([text, 'No labels.']);
    const sorted = (spans: [number, number, string][]) => [...spans].sort((x, y) => x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : 1));
    expect(sorted(lines[0]!.label)).toEqual(sorted(label));

    const [native] = (await exportAll(a.call, 'native')).files;
    expect(schemaErrors(native!.content)).toEqual([]);
    const b = await workspace();
    await importFiles(b.call, [['readouts.scholia.json', native!.content]]);
    const [d2] = (await exportAll(b.call, 'doccano')).files;
    expect(d2!.content).toBe(d1!.content);
  });
});

describe('brat -> native -> brat', () => {
  it('keeps the .txt byte for byte and every span, attribute and note', async () => {
    const txt = 'Li Qiang met 😀 delegates in 𠀋京.\r\nBeijing said  "yes".\r\n';
    const t = (quote: string) => {
      const r = range(txt, quote);
      return `${r.start} ${r.end}\t${quote}`;
    };
    const ann = [
      `T1\tPerson ${t('Li Qiang')}`,
      `T2\tMQM_error ${t('Qiang met 😀')}`,
      'A1\tTag T2 Person',
      'A2\tseverity T2 major',
      `T3\tPlace ${t('𠀋京')}`,
      '#1\tAnnotatorNotes T3\tCJK extension B\\nsecond line',
      `T4\tPlace ${t('Beijing')}`,
      '',
    ].join('\n');
    const a = await workspace();
    const imported = await importFiles(a.call, [['readout.ann', ann], ['readout.txt', txt]]);
    expect(imported).toMatchObject({ annotationCount: 4, issues: [], unanchored: [] });
    expect(imported.documentIds).toHaveLength(1);
    const b1 = (await exportAll(a.call, 'brat')).files;
    expect(b1.map((f) => f.name)).toEqual(['readout.brat.txt', 'readout.brat.ann']);
    expect(b1[0]!.content).toBe(txt);
    expect(b1[1]!.content).toBe(ann);

    const [native] = (await exportAll(a.call, 'native')).files;
    const b = await workspace();
    await importFiles(b.call, [['readout.scholia.json', native!.content]]);
    expect((await exportAll(b.call, 'brat')).files).toEqual(b1);
  });

  it('takes a .ann without its .txt for an error, and a lone .txt for plain text', async () => {
    const { ws, call } = await workspace();
    const before = contents(ws);
    await expect(importFiles(call, [['readout.ann', 'T1\tPerson 0 2\tLi\n']])).rejects.toMatchObject({
      code: 'bad_file',
      message: 'readout.ann: brat annotations need their text: readout.txt was not given with them',
    });
    expect(contents(ws)).toEqual(before);
    const plain = await importFiles(call, [['readout.txt', 'Li Qiang\r\n']]);
    const doc = await call<DocumentRecord>('documents.get', { id: plain.documentIds[0] });
    expect(doc).toMatchObject({ title: 'readout', text: 'Li Qiang\r\n', annotationCount: 0 });
  });
});

describe('bad files', () => {
  const sample = readFileSync(join(fixtures, 'sample.native.json'), 'utf8');
  type Native = { format: unknown; version: unknown; documents: { annotations: Record<string, unknown>[]; edits: Record<string, unknown>[] }[] };
  const broken = (change: (file: Native) => void): string => {
    const file = JSON.parse(sample) as Native;
    change(file);
    return JSON.stringify(file, null, 2);
  };

  // Each goes in with a good file, under the name `file` (default bad.json), format told by content and name.
  const cases: { name: string; content: string | Uint8Array; message: string | RegExp; file?: string }[] = [
    { name: 'malformed JSON', content: '{"format": "scholia-annotations",\n  "version": 1,,\n}', message: /^bad\.json: line 2, column 15: malformed JSON: / },
    { name: 'a truncated file', content: sample.slice(0, sample.length / 2), message: 'bad.json: end of file: the JSON ends early: the file is truncated or incomplete' },
    { name: 'an unknown format', content: broken((f) => (f.format = 'other-tool')), message: 'bad.json: "format" is "other-tool", not "scholia-annotations"' },
    {
      name: 'a newer version',
      content: broken((f) => (f.version = 3)),
      message: 'bad.json: the file is format version 3, written by a newer Scholia; this build reads version 2. Update Scholia to import it',
    },
    {
      name: 'an offset out of range',
      content: broken((f) => (f.documents[1]!.annotations[0]!.end = 999)),
      message: /^bad\.json: documents\[1\]\.annotations\[0\]: end 999 is past the end of the text \(length \d+\)$/,
    },
    {
      name: 'a quote that does not match',
      content: broken((f) => (f.documents[0]!.annotations[1]!.quote = 'Li Qiangg')),
      message: 'bad.json: documents[0].annotations[1]: quote "Li Qiangg" does not match the text at [8, 16), which is "Li Qiang"',
    },
    {
      name: 'an unknown tag',
      content: broken((f) => {
        const a = f.documents[0]!.annotations[1]!;
        a.tags = ['Entity/Nobody'];
        delete a.tagIds;
      }),
      message: 'bad.json: documents[0].annotations[1]: tags[0]: unknown tag "Entity/Nobody" (no tag in "tags" has that name)',
    },
    {
      name: 'edits that do not give the text',
      content: broken((f) => (f.documents[0]!.edits[0]!.inserted = 'X')),
      message: /^bad\.json: documents\[0\]: replaying its 3 edits on originalText does not give text/,
    },
    { name: 'a binary file', file: 'bad.txt', content: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]), message: 'bad.txt: this is not a text file: it holds a NUL byte at byte offset 4' },
    { name: 'a doccano line cut short', file: 'bad.jsonl', content: '{"text": "ok", "label": []}\n{"text": "cut', message: 'bad.jsonl: line 2: the JSON ends early: the file is truncated or incomplete' },
  ];

  for (const c of cases) {
    it(`refuses ${c.name}, naming the file, the record and the problem, and changes nothing`, async () => {
      const { ws, call } = await workspace();
      await importFiles(call, [['first.json', sample]]);
      const before = contents(ws);
      expect(before.counts).toMatchObject({ documents: 2, annotations: 7 });
      // The good file goes in the same call: it must not be imported either.
      const attempt = importFiles(call, [['good.json', sample], [c.file ?? 'bad.json', c.content]]);
      await expect(attempt).rejects.toMatchObject({ code: 'bad_file', message: c.message });
      expect(contents(ws)).toEqual(before);
    });
  }

  it('refuses W3C annotations that name no document of the workspace', async () => {
    const { ws, call } = await workspace();
    const before = contents(ws);
    const w3c = readFileSync(join(fixtures, 'w3c/foreign.jsonld'), 'utf8');
    await expect(importFiles(call, [['notes.jsonld', w3c]])).rejects.toMatchObject({
      code: 'bad_file',
      message: expect.stringMatching(/^notes\.jsonld: W3C annotations go onto an existing document/),
    });
    expect(contents(ws)).toEqual(before);
  });

  it('refuses an unknown format and ids that are not ids at the boundary', async () => {
    const { call } = await workspace();
    await expect(call('transfer.import', { files: files(['a.txt', 'x']), format: 'csv' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('transfer.export', { documentIds: ['a b'], format: 'native' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('transfer.export', { all: true, documentIds: ['a'], format: 'native' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('transfer.export', { documentIds: ['missing'], format: 'native' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('tags meeting a workspace that has documents', () => {
  it('uses the workspace’s tag of the same name, keeps its key, and gives a clashing id a new one', async () => {
    const { call } = await workspace();
    await call('documents.create', { title: 'Existing', text: 'Already here.' });
    const person = (await call<Tag[]>('tags.list', {})).find((t) => t.name === 'Person')!;
    const file = {
      format: 'scholia-annotations',
      version: 1,
      exportedAt: '2024-06-01T12:00:00.000Z',
      tags: [
        { id: 'their-person', name: 'person', color: '#000000', parent: null, key: '1', description: '' },
        { id: person.id, name: 'Not the same', color: '#000000', parent: null, key: '2', description: '' },
      ],
      documents: [
        {
          id: 'd',
          title: 'Theirs',
          sourceName: null,
          sha256: 'b'.repeat(64),
          sourceLanguage: null,
          targetLanguage: null,
          createdAt: '2024-06-01T12:00:00.000Z',
          updatedAt: '2024-06-01T12:00:00.000Z',
          originalText: 'Li Qiang 😀',
          text: 'Li Qiang 😀',
          annotations: [
            {
              id: 'a',
              start: 0,
              end: 8,
              quote: 'Li Qiang',
              tags: ['person', 'Not the same'],
              note: '',
              attributes: {},
              author: 'ana',
              createdAt: '2024-06-01T12:00:00.000Z',
              updatedAt: '2024-06-01T12:00:00.000Z',
              detached: false,
            },
          ],
          edits: [],
        },
      ],
    };
    const result = await importFiles(call, [['theirs.json', JSON.stringify(file)]]);
    const tags = await call<Tag[]>('tags.list', {});
    const added = tags.find((t) => t.name === 'Not the same')!;
    expect(added.id).not.toBe(person.id);
    // Key 2 is the workspace's Organisation's: the imported tag goes without.
    expect(added.key).toBeNull();
    expect(tags.find((t) => t.id === person.id)).toEqual(person);
    const [annotation] = await call<Annotation[]>('annotations.list', { documentId: 'd' });
    expect(annotation!.tagIds).toEqual([person.id, added.id]);
    expect(result.issues).toEqual([
      { record: 'theirs.json: tag person', problem: `is the workspace's tag "Person" (id ${person.id})` },
      { record: `theirs.json: tag Not the same`, problem: expect.stringMatching(/^has the new id .*: its id is taken in this workspace$/) },
      { record: 'theirs.json: tag Not the same', problem: 'imported without its shortcut key 2: the tag "Organisation" has it' },
    ]);
  });
});

describe('W3C onto an existing document', () => {
  const suite = join(repoRoot, '../shared/w3c-annotation-model');
  const haveSuite = existsSync(join(suite, 'validate.mjs'));

  it('anchors by position, else by quote, and reports what it could not anchor', async () => {
    const a = await annotatedWorkspace();
    const [jsonld] = (await a.call<TransferExport>('transfer.export', { documentIds: [a.doc.id], format: 'w3c' })).files;
    expect(jsonld!.name).toBe('Readout 𠀋 (draft).jsonld');

    // Back into the same document: the file names it, so no id is needed.
    const same = await importFiles(a.call, [['readout.jsonld', jsonld!.content]]);
    expect(same).toMatchObject({ documentIds: [], annotationCount: 4, unanchored: [] });

    // Onto a text that moved on: one quote is gone, the others moved.
    const c = await workspace();
    const moved = a.doc.text.replace('Premier ', 'Premier of China ').replace('𠀋京', 'the capital');
    const target = await c.call<DocumentSummary>('documents.create', { title: 'Later', text: moved });
    const result = await importFiles(c.call, [['readout.jsonld', jsonld!.content]], 'w3c', target.id);
    expect(result.annotationCount).toBe(3);
    expect(result.unanchored).toEqual([{ record: expect.stringMatching(/^readout\.jsonld: items\[\d\]/), problem: expect.stringContaining('not imported') }]);
    const anchored = await c.call<Annotation[]>('annotations.list', { documentId: target.id });
    for (const x of anchored) expect(moved.slice(new CodePointIndex(moved).toUtf16(x.start), new CodePointIndex(moved).toUtf16(x.end))).toBe(x.quote);
    expect(anchored.map((x) => x.quote).sort()).toEqual(['Li Qiang', 'Qiang met 😀', 'cooperate".\r\n\r\n  Trailing'].sort());
  });

  it.skipIf(!haveSuite)('exports pass the W3C test suite’s MUST assertions', async () => {
    const a = await annotatedWorkspace();
    const [jsonld] = (await exportAll(a.call, 'w3c')).files;
    const file = join(dir, 'export.jsonld');
    writeFileSync(file, jsonld!.content);
    const run = spawnSync(process.execPath, [join(suite, 'validate.mjs'), file], { env: { ...process.env, AJV_DIR: repoRoot }, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toMatch(/\b[1-9]\d* passed, 0 failed/);
    expect(run.status).toBe(0);
  });
});

describe('plain text and file names', () => {
  it('exports each document’s current text exactly, one file each, names made safe and unique', async () => {
    const { call } = await workspace();
    await call('documents.create', { title: 'a/b: c?', text: '  x\r\n\r\n' });
    await call('documents.create', { title: 'A/B: C?', text: 'y 😀' });
    const { files: out } = await exportAll(call, 'text');
    expect(out).toEqual([
      { name: 'a_b_ c_.txt', content: '  x\r\n\r\n' },
      { name: 'A_B_ C_-2.txt', content: 'y 😀' },
    ]);
  });
});
