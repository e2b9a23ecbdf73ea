import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportBrat, fromBratName, importBrat, toBratName } from '../../../src/core/formats/brat';
import { exportNative, importNative } from '../../../src/core/formats/native';
import { TagCatalog } from '../../../src/core/formats/tagpaths';
import type { WorkspaceExport } from '../../../src/core/formats/bundle';
import { sliceCodePoints } from '../../../src/core/offsets';
import { workspace } from './arbitraries';
import { fixtures } from './paths';
import { bundle, counter, documentRecord, find, sampleWorkspace, span, T0, tag } from './sample';
import { schemaErrors } from './schema';

const read = (name: string): string => readFileSync(`${fixtures}/brat/${name}`, 'utf8');
const options = () => ({ newId: counter(), now: () => T0, author: 'importer' });

describe('brat names', () => {
  it('write spaces as _ and escape what brat cannot hold, reversibly', () => {
    expect(toBratName('MQM error')).toBe('MQM_error');
    expect(toBratName('Date_Time')).toBe('Date%5FTime');
    expect(toBratName('50% off\tnow\u3000x')).toBe('50%25_off%09now%E3%80%80x');
    expect(toBratName('Entity/Person')).toBe('Entity/Person');
    for (const name of ['MQM error', 'Date_Time', '50% off\tnow\u3000x', 'a  b_', '王毅 😀']) expect(fromBratName(toBratName(name))).toBe(name);
    // A foreign type with a stray % is taken as it is.
    expect(fromBratName('100%')).toBe('100%');
  });

  it('round trip any name (property-based)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (name) => {
        expect(fromBratName(toBratName(name))).toBe(name);
        expect(toBratName(name)).not.toMatch(/\s/);
      }),
    );
  });
});

describe('brat export', () => {
  it('writes T lines with code point offsets, further tags and attributes as A lines, notes as # lines', () => {
    const { output, omitted } = exportBrat(sampleWorkspace());
    expect(output.map((f) => f.name)).toEqual(['Document doc-1', 'Document doc-2']);
    const [doc1, doc2] = output;
    expect(doc1!.txt).toBe(sampleWorkspace().documents[0]!.document.text);
    expect(doc1!.ann).toBe(
      [
        'T1\tEntity/Person 8 16\tLi Qiang',
        'T2\tEntity/Person/Other 11 22\tQiang met 😀',
        'A1\tTag T2 MQM_error',
        'A2\tcategory T2 accuracy/mistranslation',
        'A3\tseverity T2 major',
        '#1\tAnnotatorNotes T2\tOverlaps "Li Qiang".\\nSecond line of the note.',
        'T3\tEntity/Place 36 38\t𠀋京',
        'A4\tTag T3 Entity/Place/Other',
        '#2\tAnnotatorNotes T3\tRare CJK 𠀋',
        'T4\tDate\\/Time 42 49;51 54\tMonday. The',
        'A5\tchecked T4',
        'T5\tMQM_error 71 78\twe will',
        'A6\tnote%5Ftype T5 style_guide',
        'A7\tseverity T5 minor',
        '',
      ].join('\n'),
    );
    expect(doc2!.ann).toBe('T1\tEntity/Place 15 17\t🇨🇳\n');
    expect(omitted).toEqual([{ record: 'annotation a-detached in document doc-1', problem: 'not written: it is detached (its text was deleted)' }]);
  });

  it('leaves off line ends at the edges of a span and says so; gives clashing titles distinct names', () => {
    const d = documentRecord('d', 'one\r\ntwo\n\n');
    const ws: WorkspaceExport = {
      tags: [tag('t', 'X')],
      documents: [
        bundle(d, [span(d.document, 'a', 3, 8, ['t']), span(d.document, 'b', 8, 10, ['t']), span(d.document, 'c', 0, 3, ['t'], { attributes: { Tag: 'not a tag' } })]),
        bundle(documentRecord('e', 'x', [], { title: 'document D' }), []),
        bundle(documentRecord('f', 'x', [], { title: 'a/b: c?', createdAt: '2025-01-01T00:00:00.000Z' }), []),
      ],
    };
    ws.documents[0]!.document.title = 'Document d';
    const { output, omitted } = exportBrat(ws);
    expect(output.map((f) => f.name)).toEqual(['Document d', 'document D-2', 'a_b_ c_']);
    expect(output[0]!.ann).toBe('T1\tX 0 3\tone\nA1\t%54ag T1 not_a_tag\nT2\tX 5 8\ttwo\n');
    expect(omitted).toEqual([
      { record: 'annotation a in document d', problem: 'line ends at the edges of its span are left off' },
      { record: 'annotation b in document d', problem: 'not written: it covers nothing but line ends, which brat cannot show' },
    ]);
  });
});

describe('brat import', () => {
  it('brat -> native -> brat gives the same files (emoji, astral CJK, CRLF, overlaps, discontinuous span)', async () => {
    const source = { name: 'readout', txt: new TextEncoder().encode(read('readout.txt')), ann: read('readout.ann') };
    const { bundle: imported, issues } = await importBrat([source], options());
    expect(issues).toEqual([]);
    const native = exportNative(imported, { exportedAt: T0 });
    expect(schemaErrors(native)).toEqual([]);
    const { output, omitted } = exportBrat(importNative(native));
    expect(omitted).toEqual([]);
    expect(output).toEqual([{ name: 'readout', txt: read('readout.txt'), ann: read('readout.ann') }]);
  });

  it('maps types, tags, attributes and notes onto tags and annotations', async () => {
    const { bundle: imported } = await importBrat([{ name: 'readout', txt: read('readout.txt'), ann: read('readout.ann') }], { ...options(), tags: [tag('t-place', 'Place', null)] });
    const catalog = new TagCatalog([tag('t-place', 'Place', null), ...imported.tags]);
    const doc = imported.documents[0]!;
    expect(doc.document).toMatchObject({ title: 'readout', sourceName: 'readout.txt', annotationCount: 5 });
    const [li, met, place, span4] = doc.annotations;
    expect(li).toMatchObject({ start: 10, end: 18, quote: 'Li Qiang', attributes: { severity: 'major' }, note: 'Check the romanisation.\nSecond line, with a \\ backslash.', author: 'importer' });
    expect(li!.tagIds.map((id) => catalog.pathOf(id))).toEqual(['Entity/Person', 'MQM error']);
    expect(met!.attributes).toEqual({ category: 'accuracy/mistranslation', checked: '', 'note type': 'style guide' });
    expect(place!.quote).toBe('𠀋京');
    expect(span4).toMatchObject({ start: 26, end: 45, quote: 'delegates.\r\nBeijing' });
    expect(catalog.pathOf(span4!.tagIds[0]!)).toBe('Date_Time');
  });

  it('takes what it can from a foreign file and lists the rest with the line and reason', async () => {
    const visits = { id: 'rt-visits', name: 'Visits', color: '#000000', key: null, description: '', sourceTagIds: null, targetTagIds: null };
    const { bundle: imported, issues } = await importBrat([{ name: 'foreign', txt: read('foreign.txt'), ann: read('foreign.ann') }], { ...options(), relationTypes: [visits] });
    const annotations = imported.documents[0]!.annotations;
    expect(imported.documents[0]!.relations).toMatchObject([{ sourceId: annotations[0]!.id, targetId: annotations[1]!.id, typeId: 'rt-visits' }]);
    expect(imported.relationTypes).toEqual([visits]);
    expect(annotations.map((a) => a.quote)).toEqual(['Xi Jinping', 'New\nYork', 'Los Angeles', 'New', 'York']);
    expect(annotations[0]).toMatchObject({ attributes: { Negated: '', Confidence: 'High' }, note: 'Head of state\nSecond note' });
    expect(imported.tags.map((t) => t.name)).toEqual(['Person', 'Location', 'Named Entity']);
    expect(issues).toEqual([
      { record: 'foreign.ann line 4', problem: 'T4: only its first part [19, 22) was imported (a Scholia annotation is one range); [32, 35) left out' },
      { record: 'foreign.ann line 5', problem: 'T5: not imported: its text "Jx" does not match the .txt at 0 2, which is "Xi"' },
      { record: 'foreign.ann line 6', problem: 'T6: not imported: end 99 is past the end of the .txt (length 45)' },
      { record: 'foreign.ann line 8', problem: 'E1: not imported: events and normalizations have no place in a Scholia document' },
      { record: 'foreign.ann line 14', problem: 'N1: not imported: events and normalizations have no place in a Scholia document' },
      { record: 'foreign.ann line 15', problem: '*: not imported: events and normalizations have no place in a Scholia document' },
      { record: 'foreign.ann line 16', problem: 'not imported: not a brat annotation line: "this is not brat"' },
      { record: 'foreign.ann line 11', problem: 'A3: not imported: E1 is not a text span imported from this file' },
    ]);
  });

  it('refuses a .txt that is not text, naming the file', async () => {
    await expect(importBrat([{ name: 'bin', txt: new Uint8Array([1, 0, 2]), ann: '' }])).rejects.toThrow('bin.txt: this is not a text file: it holds a NUL byte at byte offset 1');
  });
});

describe('brat round trip (property-based)', () => {
  it('export, import, export gives the same .txt and .ann; quotes match', async () => {
    await fc.assert(
      fc.asyncProperty(workspace({ detached: false, tagged: true, edits: false }), async (ws) => {
        const first = exportBrat(ws);
        const { bundle: imported, issues } = await importBrat(first.output, { newId: counter(), now: () => T0 });
        expect(issues).toEqual([]);
        for (const doc of imported.documents) for (const a of doc.annotations) expect(sliceCodePoints(doc.document.text, a.start, a.end)).toBe(a.quote);
        const second = exportBrat(imported);
        expect(second.output).toEqual(first.output);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a span across lines whole', async () => {
    const d = documentRecord('d', 'first line\r\nsecond line');
    const [start, end] = find(d.document.text, 'line\r\nsecond');
    const ws = { tags: [tag('t', 'X')], documents: [bundle(d, [span(d.document, 'a', start, end, ['t'])])] };
    const { bundle: imported } = await importBrat(exportBrat(ws).output, options());
    expect(imported.documents[0]!.annotations[0]).toMatchObject({ start, end, quote: 'line\r\nsecond' });
  });
});
