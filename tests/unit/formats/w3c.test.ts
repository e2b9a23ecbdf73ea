import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalOrder, type WorkspaceExport } from '../../../src/core/formats/bundle';
import { FormatError } from '../../../src/core/formats/errors';
import { TagCatalog } from '../../../src/core/formats/tagpaths';
import { exportW3C, importW3C } from '../../../src/core/formats/w3c';
import { applyChange } from '../../../src/core/edits';
import { codePointLength } from '../../../src/core/offsets';
import { workspace } from './arbitraries';
import { fixtures, repoRoot } from './paths';
import { bundle, counter, documentRecord, find, sampleWorkspace, span, T0, T1, tag } from './sample';

const suite = path.resolve(repoRoot, '../shared/w3c-annotation-model');
const haveSuite = existsSync(path.join(suite, 'validate.mjs'));
/** Shown in the test name, so a skipped run says why. */
const needsSuite = haveSuite ? '' : ` — skipped: the W3C test suite is not at ${suite}`;
const COLLECTION = 'urn:uuid:00000000-0000-4000-8000-000000000000';

interface Item {
  id: string;
  target: { source: string; selector: Array<Record<string, unknown>> };
  body?: Array<Record<string, unknown>>;
  [key: string]: unknown;
}
const itemsOf = (json: string): Item[] => (JSON.parse(json) as { first: { items: Item[] } }).first.items;

/** Runs the W3C test suite's MUST assertions on a file; returns the runner's exit code and output. */
function runW3CSuite(json: string): { status: number | null; output: string } {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'scholia-w3c-')), 'export.jsonld');
  writeFileSync(file, json);
  const run = spawnSync(process.execPath, [path.join(suite, 'validate.mjs'), file], { env: { ...process.env, AJV_DIR: repoRoot }, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

describe('W3C export', () => {
  const { output, omitted } = exportW3C(sampleWorkspace(), { id: COLLECTION });

  it.skipIf(!haveSuite)(`passes the W3C test suite's MUST assertions${needsSuite}`, () => {
    const { status, output: report } = runW3CSuite(output);
    expect(report).toMatch(/\b[1-9]\d* passed, 0 failed, \d+ skipped/);
    expect(status).toBe(0);
  });

  it.skipIf(!haveSuite)(`has selectors the suite's definitions recognise as TextQuote and TextPosition selectors${needsSuite}`, () => {
    // The suite's own selector assertions are not in the local copy; its definitions are.
    const ajv = new Ajv04({ strict: false, validateSchema: false, allErrors: true });
    addFormats(ajv, { mode: 'fast' });
    const dir = path.join(suite, 'definitions');
    for (const name of readdirSync(dir)) ajv.addSchema(JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as object);
    const quote = ajv.compile({ $ref: 'specificResource.json#/definitions/textQuoteSelectorDetected' });
    const position = ajv.compile({ $ref: 'specificResource.json#/definitions/textPositionSelectorDetected' });
    for (const item of itemsOf(output)) {
      expect(quote(item.target.selector[0])).toBe(true);
      expect(position(item.target.selector[1])).toBe(true);
    }
  });

  it('writes tags as tagging bodies, the note as a commenting body, attributes losslessly, code point selectors', () => {
    const collection = JSON.parse(output) as Record<string, unknown>;
    expect(collection).toMatchObject({ '@context': 'http://www.w3.org/ns/anno.jsonld', id: COLLECTION, type: 'AnnotationCollection', total: 6 });
    const overlap = itemsOf(output).find((item) => item.id === 'urn:scholia:annotation:a-overlap')!;
    expect(overlap).toMatchObject({
      type: 'Annotation',
      created: T0,
      modified: T1,
      creator: { type: 'Person', name: 'ana' },
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'Entity/Person/Other' },
        { type: 'TextualBody', purpose: 'tagging', value: 'MQM error' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Overlaps "Li Qiang".\nSecond line of the note.', format: 'text/plain' },
      ],
      'scholia:attributes': { category: 'accuracy/mistranslation', severity: 'major' },
    });
    expect(overlap['@context']).toEqual(['http://www.w3.org/ns/anno.jsonld', { scholia: 'urn:scholia:vocab#', 'scholia:attributes': { '@type': '@json' } }]);
    expect(overlap.target).toEqual({
      source: 'urn:scholia:document:doc-1',
      selector: [
        { type: 'TextQuoteSelector', exact: 'Qiang met 😀', prefix: 'Premier Li ', suffix: ' delegates in 𠀋京 on Monday.\r\nThe' },
        { type: 'TextPositionSelector', start: 11, end: 22 },
      ],
    });
    // 32 code points of suffix, though the emoji and CJK take two UTF-16 units.
    expect(codePointLength(overlap.target.selector[0]!.suffix as string)).toBe(32);
    expect(omitted).toEqual([{ record: 'annotation a-detached in document doc-1', problem: 'not written: it is detached (its text was deleted)' }]);
  });

  it('names UUID annotations by urn:uuid', () => {
    const d = documentRecord('d', 'abc');
    const id = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
    const ws = { tags: [], documents: [bundle(d, [span(d.document, id, 0, 1, [], { author: '' })])] };
    const [item] = itemsOf(exportW3C(ws, { id: COLLECTION }).output);
    expect(item!.id).toBe(`urn:uuid:${id}`);
    expect(item!.body).toBeUndefined();
    expect(item!.creator).toBeUndefined();
    expect(importW3C(exportW3C(ws).output, d.document).annotations[0]!.id).toBe(id);
  });
});

describe('W3C import', () => {
  it('gives back the exported annotations on the same text', () => {
    const ws = sampleWorkspace();
    const { output } = exportW3C(ws, { id: COLLECTION });
    for (const doc of canonicalOrder(ws).documents) {
      const result = importW3C(output, doc.document, { tags: ws.tags, newId: counter('new') });
      expect(result.unanchored.map((u) => u.problem)).toEqual(
        ws.documents.filter((d) => d.document.id !== doc.document.id).flatMap((d) => d.annotations.filter((a) => !a.detached).map(() => `not imported: it targets urn:scholia:document:${d.document.id}, not this document`)),
      );
      expect(result.issues).toEqual([]);
      expect(result.tags).toEqual([]);
      expect(result.annotations).toEqual(doc.annotations.filter((a) => !a.detached));
    }
  });

  it('anchors by quote with the best-fitting context when the position no longer matches', () => {
    const d = documentRecord('d', 'We met the delegation from Vietnam. He thanked the delegation from Laos.');
    const [start, end] = find(d.document.text, 'the delegation', 1);
    const ws = { tags: [tag('t', 'Org')], documents: [bundle(d, [span(d.document, 'a', start, end, ['t'])])] };
    const { output } = exportW3C(ws);
    // The post-editor since inserted text before the annotation, and the first occurrence now sits where the annotation was.
    const edited = { ...d.document, text: applyChange(d.document.text, { start: 0, end: 0, inserted: '😀 Vientiane. We greeted the delegation. ' }).text };
    const [annotation] = importW3C(output, edited, { tags: ws.tags }).annotations;
    expect([annotation!.start, annotation!.end, annotation!.quote]).toEqual([...find(edited.text, 'the delegation', 2), 'the delegation']);
  });

  it('imports what it can from another tool and lists what it could not anchor', () => {
    const text = 'Vientiane, 3 March. We met the delegation from Vietnam. He thanked the delegation from Laos.';
    const d = documentRecord('d', text).document;
    const result = importW3C(readFileSync(`${fixtures}/w3c/foreign.jsonld`, 'utf8'), d, { file: 'foreign.jsonld', newId: counter(), now: () => T1, tags: [tag('t-place', 'Place')] });
    expect(result.annotations).toEqual([
      {
        id: 'id-0001',
        documentId: 'd',
        ...Object.fromEntries(['start', 'end'].map((k, i) => [k, find(text, 'the delegation', 1)[i]])),
        quote: 'the delegation',
        tagIds: [],
        note: 'Which delegation?',
        attributes: {},
        author: 'https://example.org/users/kim',
        createdAt: '2024-03-01T08:00:00Z',
        updatedAt: '2024-03-01T08:00:00Z',
        detached: false,
      },
      {
        id: '0b5c1d2e-3f40-4a51-8b62-7c83d94ea5f6',
        documentId: 'd',
        start: 0,
        end: 9,
        quote: 'Vientiane',
        tagIds: ['t-place'],
        note: 'Capital',
        attributes: {},
        author: 'lee',
        createdAt: T1,
        updatedAt: T1,
        detached: false,
      },
    ]);
    expect(result.issues).toEqual([
      { record: 'items[1] (urn:uuid:0b5c1d2e-3f40-4a51-8b62-7c83d94ea5f6)', problem: 'body[2] left out: only textual bodies (with a "value") are imported' },
    ]);
    expect(result.unanchored).toEqual([
      { record: 'items[2] (https://example.org/anno/3)', problem: 'not imported: it targets a whole resource, not a span of its text' },
      { record: 'items[3] (https://example.org/anno/4)', problem: 'not imported: its quote "Cambodia" is not in the text' },
      { record: 'items[4] (https://example.org/anno/5)', problem: 'not imported: its type is not "Annotation"' },
      { record: 'items[5] (https://example.org/anno/6)', problem: 'not imported: its target has no TextQuoteSelector or TextPositionSelector' },
    ]);
  });

  it('makes tags for tagging bodies the workspace does not have', () => {
    const d = documentRecord('d', 'Li Qiang');
    const ws = { tags: [tag('p', 'Entity'), tag('c', 'Person', 'p')], documents: [bundle(d, [span(d.document, 'a', 0, 8, ['c'])])] };
    const result = importW3C(exportW3C(ws).output, d.document, { newId: counter() });
    const catalog = new TagCatalog(result.tags);
    expect(result.tags.map((t) => catalog.pathOf(t.id))).toEqual(['Entity', 'Entity/Person']);
    expect(result.annotations[0]!.tagIds).toEqual([result.tags[1]!.id]);
  });

  it('refuses files that hold no W3C annotations, naming the file and problem', () => {
    const d = documentRecord('d', 'x').document;
    expect(() => importW3C('{"type": "Document"}', d, { file: 'a.json' })).toThrow(new FormatError({ file: 'a.json' }, 'the file holds no W3C annotations: its type is "Document", not Annotation, AnnotationPage or AnnotationCollection'));
    expect(() => importW3C('{"type": "AnnotationCollection", "first": "https://example.org/page1"}', d, { file: 'a.json' })).toThrow(
      'a.json: first: the collection does not embed its first page, and pages are not fetched',
    );
    expect(() => importW3C('{"type": "Annotation", ', d, { file: 'a.json' })).toThrow('a.json: end of file: the JSON ends early: the file is truncated or incomplete');
  });
});

describe('W3C round trip (property-based)', () => {
  it('export then import onto the same text gives back every attached annotation', () => {
    fc.assert(
      fc.property(workspace(), (ws: WorkspaceExport) => {
        for (const doc of canonicalOrder(ws).documents) {
          const { output } = exportW3C({ tags: ws.tags, documents: [doc] }, { id: COLLECTION });
          const result = importW3C(output, doc.document, { tags: ws.tags });
          expect(result.unanchored).toEqual([]);
          const own = doc.annotations.filter((a) => !a.detached);
          expect(result.annotations).toEqual(
            own.map((a) => ({ ...a, tagIds: [...new Set(a.tagIds.map((id) => new TagCatalog(ws.tags).findByPath(new TagCatalog(ws.tags).pathOf(id)!)[0]!.id))] })),
          );
        }
      }),
      { numRuns: 100 },
    );
  });
});
