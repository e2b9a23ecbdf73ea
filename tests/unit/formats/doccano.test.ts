import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalOrder } from '../../../src/core/formats/bundle';
import { exportDoccano, importDoccano } from '../../../src/core/formats/doccano';
import { FormatError } from '../../../src/core/formats/errors';
import { exportNative, importNative } from '../../../src/core/formats/native';
import { TagCatalog } from '../../../src/core/formats/tagpaths';
import { sliceCodePoints } from '../../../src/core/offsets';
import { workspace } from './arbitraries';
import { fixtures } from './paths';
import { counter, sampleWorkspace, tag, T0 } from './sample';
import { schemaErrors } from './schema';

const read = (name: string): string => readFileSync(`${fixtures}/doccano/${name}`, 'utf8');
const options = (file: string) => ({ file, newId: counter(), now: () => T0, author: 'importer' });
/** JSONL lines as objects without `id`, which import replaces by a new document id. */
const withoutIds = (jsonl: string): unknown[] =>
  jsonl
    .trim()
    .split('\n')
    .map((line) => {
      const { id: _id, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return rest;
    });

describe('doccano export', () => {
  it('writes one line per document with code point offsets and tag paths', () => {
    const { output, omitted } = exportDoccano(sampleWorkspace());
    const lines = output.trimEnd().split('\n').map((line) => JSON.parse(line) as { id: string; text: string; label: [number, number, string][] });
    expect(lines.map((l) => l.id)).toEqual(['doc-1', 'doc-2']);
    const [first] = lines;
    expect(first!.label).toContainEqual([8, 16, 'Entity/Person']);
    // The overlapping annotation with two tags gives two spans.
    expect(first!.label).toContainEqual([11, 22, 'Entity/Person/Other']);
    expect(first!.label).toContainEqual([11, 22, 'MQM error']);
    for (const [start, end] of first!.label) expect(sliceCodePoints(first!.text, start, end).length).toBeGreaterThan(0);
    expect(omitted).toEqual([
      { record: 'annotation a-detached in document doc-1', problem: 'not written: it is detached (its text was deleted)' },
      { record: 'annotation a-overlap in document doc-1', problem: 'its note and its attributes category, severity not written (doccano spans have none)' },
      { record: 'annotation a-place in document doc-1', problem: 'its note not written (doccano spans have none)' },
      { record: 'annotation a-lines in document doc-1', problem: 'its attribute checked not written (doccano spans have none)' },
      { record: 'annotation a-coop in document doc-1', problem: 'its attributes note_type, severity not written (doccano spans have none)' },
    ]);
  });
});

describe('doccano import', () => {
  it('doccano -> native -> doccano gives the same lines (emoji, astral CJK, CRLF, overlaps)', async () => {
    const jsonl = read('scholia.jsonl');
    const { bundle, issues } = await importDoccano(jsonl, options('scholia.jsonl'));
    expect(issues).toEqual([]);
    const native = exportNative(bundle, { exportedAt: T0 });
    expect(schemaErrors(native)).toEqual([]);
    const again = exportDoccano(importNative(native));
    expect(again.omitted).toEqual([]);
    expect(withoutIds(again.output)).toEqual(withoutIds(jsonl));
  });

  it('merges spans with the same range into one annotation and makes tags for new labels, with parents', async () => {
    const { bundle } = await importDoccano(read('scholia.jsonl'), { ...options('scholia.jsonl'), tags: [tag('t-mqm', 'MQM error')] });
    const catalog = new TagCatalog([tag('t-mqm', 'MQM error'), ...bundle.tags]);
    expect(bundle.tags.map((t) => catalog.pathOf(t.id))).toEqual(['Entity', 'Entity/Person', 'Entity/Place', 'Date\\/Time']);
    const doc = bundle.documents[0]!;
    expect(doc.document).toMatchObject({ title: 'Readout', sourceName: 'scholia.jsonl', editCount: 0, annotationCount: 5, createdAt: T0 });
    expect(doc.document.sha256).toMatch(/^[0-9a-f]{64}$/);
    const beijing = doc.annotations.filter((a) => a.quote === 'Beijing');
    expect(beijing).toHaveLength(1);
    expect(beijing[0]!.tagIds.map((id) => catalog.pathOf(id))).toEqual(['Entity/Place', 'MQM error']);
    expect(beijing[0]!.tagIds[1]).toBe('t-mqm');
    expect(doc.annotations.find((a) => a.start === 26)!.quote).toBe('delegates.\r\nBeijing');
    expect(doc.annotations[0]!.author).toBe('importer');
  });

  it("reads doccano's own exports: label triples, entities objects, old data/labels keys", async () => {
    const label = await importDoccano(read('doccano-label.jsonl'), options('doccano-label.jsonl'));
    expect(label.bundle.documents.map((d) => d.document.title)).toEqual(['doccano-label #7', 'doccano-label #8']);
    expect(label.bundle.documents[0]!.annotations.map((a) => a.quote)).toEqual(['王毅', 'Blinken', 'Washington']);
    expect(label.issues).toEqual([{ record: 'line 2 Comments', problem: 'not imported: 1 comments (Scholia has no place for them)' }]);

    const visits = { id: 'rt-visits', name: 'visits', color: '#000000', key: null, description: '', sourceTagIds: null, targetTagIds: null };
    const entities = await importDoccano(read('doccano-entities.jsonl'), { ...options('doccano-entities.jsonl'), relationTypes: [visits] });
    const [blinken, washington] = entities.bundle.documents[0]!.annotations;
    expect(entities.bundle.documents[0]!.annotations.map((a) => [a.start, a.end, a.quote])).toEqual([
      [7, 14, 'Blinken'],
      [21, 31, 'Washington'],
    ]);
    expect(entities.bundle.documents[0]!.relations).toMatchObject([{ sourceId: blinken!.id, targetId: washington!.id, typeId: 'rt-visits' }]);
    expect(entities.issues).toEqual([]);

    const old = await importDoccano(read('doccano-old.jsonl'), options('doccano-old.jsonl'));
    expect(old.bundle.documents[0]!.annotations.map((a) => a.quote)).toEqual(['Blinken']);
    expect(old.bundle.documents[1]!.annotations).toEqual([]);
    expect(old.issues).toEqual([{ record: 'line 2 label[0]', problem: 'not imported: "positive" labels the whole text (text classification), not a span' }]);
  });

  it('leaves out bad spans and says which and why', async () => {
    const jsonl = [
      JSON.stringify({ text: '😀 abc', label: [[2, 5, 'X'], [-1, 2, 'X'], [3, 2, 'X'], [0, 9, 'X'], [0, 1, ''], [0, 1], 'oops'] }),
      JSON.stringify({ text: 'x', entities: [{ start_offset: 0, end_offset: 1 }] }),
    ].join('\r\n');
    const { bundle, issues } = await importDoccano(jsonl, options('bad.jsonl'));
    expect(bundle.documents[0]!.annotations.map((a) => a.quote)).toEqual(['abc']);
    expect(issues).toEqual([
      { record: 'line 1 label[5]', problem: 'not imported: a span must be [start, end, label]' },
      { record: 'line 1 label[6]', problem: 'not imported: "oops" labels the whole text (text classification), not a span' },
      { record: 'line 1 label[1]', problem: 'not imported: [-1, 2] are not offsets (whole numbers ≥ 0)' },
      { record: 'line 1 label[2]', problem: 'not imported: end 2 is before start 3' },
      { record: 'line 1 label[3]', problem: 'not imported: end 9 is past the end of the text (length 5)' },
      { record: 'line 1 label[4]', problem: 'not imported: the label is empty' },
      { record: 'line 2 entities[0]', problem: 'not imported: an entity must have start_offset, end_offset and label' },
    ]);
  });

  it('refuses a line that is not JSON or has no text, naming the line', async () => {
    const broken = `${JSON.stringify({ text: 'ok', label: [] })}\n{"text": "cut off`;
    await expect(importDoccano(broken, { file: 'cut.jsonl' })).rejects.toThrow(new FormatError({ file: 'cut.jsonl', record: 'line 2' }, 'the JSON ends early: the file is truncated or incomplete'));
    await expect(importDoccano('{"label": []}', { file: 'x.jsonl' })).rejects.toThrow('x.jsonl: line 1: there is no "text" (a string) on this line');
    await expect(importDoccano('[1]', { file: 'x.jsonl' })).rejects.toThrow('x.jsonl: line 1: a doccano line must be a JSON object with a "text"');
    await expect(importDoccano('\n\n', { file: 'x.jsonl' })).rejects.toThrow('x.jsonl: there are no documents: the file is empty');
  });
});

describe('doccano round trip (property-based)', () => {
  it('export, import, export gives the same spans; quotes match the text', async () => {
    await fc.assert(
      fc.asyncProperty(workspace({ detached: false, tagged: true }).filter((ws) => ws.documents.length > 0), async (ws) => {
        const first = exportDoccano(ws);
        const { bundle, issues } = await importDoccano(first.output, { newId: counter(), now: () => T0 });
        expect(issues).toEqual([]);
        for (const doc of bundle.documents) for (const a of doc.annotations) expect(sliceCodePoints(doc.document.text, a.start, a.end)).toBe(a.quote);
        const second = exportDoccano(bundle);
        // Equal spans of one annotation and another merge on import, so compare without duplicates.
        const dedupe = (jsonl: string) =>
          (withoutIds(jsonl) as Array<{ label: unknown[] }>).map((line) => ({ ...line, label: [...new Set(line.label.map((s) => JSON.stringify(s)))] }));
        expect(dedupe(second.output)).toEqual(dedupe(first.output));
        expect(canonicalOrder(bundle).documents.map((d) => d.document.text)).toEqual(canonicalOrder(ws).documents.map((d) => d.document.text));
      }),
      { numRuns: 100 },
    );
  });
});
