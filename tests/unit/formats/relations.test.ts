// Relations in every format that can hold them (native, brat, doccano, W3C),
// listed as left out by plain text; bad input refused with a clear message.

import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportBrat, importBrat } from '../../../src/core/formats/brat';
import type { WorkspaceExport } from '../../../src/core/formats/bundle';
import { exportDoccano, importDoccano } from '../../../src/core/formats/doccano';
import { FormatError } from '../../../src/core/formats/errors';
import { exportNative, importNative } from '../../../src/core/formats/native';
import { exportAs } from '../../../src/core/formats/registry';
import { exportW3C, importW3C } from '../../../src/core/formats/w3c';
import { READOUT_RELATION_TYPES, type Relation, type RelationType } from '../../../src/core/relations';
import { repoRoot } from './paths';
import { bundle, counter, documentRecord, find, span, T0, T1, tag } from './sample';
import { schemaErrors } from './schema';

const AT = '2024-06-01T12:00:00.000Z';
const holdsOffice: RelationType = { ...READOUT_RELATION_TYPES[0]!, sourceTagIds: ['t-person'], targetTagIds: null };
const commitsTo = READOUT_RELATION_TYPES[1]!;
const types = [holdsOffice, commitsTo];

function relation(id: string, sourceId: string, targetId: string, typeId: string, extra: Partial<Relation> = {}): Relation {
  return { id, documentId: 'doc-r', sourceId, targetId, typeId, note: '', attributes: {}, author: 'ana', createdAt: T0, updatedAt: T1, ...extra };
}

/** A readout with a person, an office, a pledge and a figure, linked; one end detached. */
function readout(): WorkspaceExport {
  const d = documentRecord('doc-r', 'Premier 😀 Li Qiang pledged 1 trillion yuan. Li Qiang left.');
  const text = d.document.text;
  const annotations = [
    span(d.document, 'a-premier', ...find(text, 'Premier'), ['t-office']),
    span(d.document, 'a-li', ...find(text, 'Li Qiang'), ['t-person']),
    span(d.document, 'a-figure', ...find(text, '1 trillion yuan'), ['t-figure', 't-office']),
    span(d.document, 'a-li-2', ...find(text, 'Li Qiang', 1), ['t-person']),
  ];
  const relations = [
    relation('r-office', 'a-li', 'a-premier', holdsOffice.id, { note: 'Since 2023.', attributes: { confidence: 'high' } }),
    relation('r-pledge', 'a-li', 'a-figure', commitsTo.id),
    relation('r-again', 'a-li-2', 'a-premier', holdsOffice.id),
  ];
  return {
    tags: [tag('t-person', 'Person'), tag('t-office', 'Office'), tag('t-figure', 'Figure')],
    relationTypes: types,
    documents: [{ ...bundle(d, annotations), relations }],
  };
}

/** The relations of the one document as (source quote, type name, target quote). */
function triples(ws: WorkspaceExport): string[] {
  const doc = ws.documents[0]!;
  const quote = (id: string) => doc.annotations.find((a) => a.id === id)!.quote;
  const name = (id: string) => (ws.relationTypes ?? []).find((t) => t.id === id)!.name;
  return (doc.relations ?? []).map((r) => `${quote(r.sourceId)}@${doc.annotations.find((a) => a.id === r.sourceId)!.start} -${name(r.typeId)}-> ${quote(r.targetId)}`).sort();
}

const expected = ['Li Qiang@10 -commits to-> 1 trillion yuan', 'Li Qiang@10 -holds office-> Premier', 'Li Qiang@44 -holds office-> Premier'];

describe('native relations', () => {
  it('round-trips relations and relation types exactly, and the file passes the JSON Schema', () => {
    const json = exportNative(readout(), { exportedAt: AT });
    expect(schemaErrors(json)).toEqual([]);
    const file = JSON.parse(json) as { relationTypes: unknown[]; documents: { relations: unknown[] }[] };
    expect(file.relationTypes).toHaveLength(2);
    // By source position, then target position.
    expect(file.documents[0]!.relations.map((r) => (r as { id: string }).id)).toEqual(['r-office', 'r-pledge', 'r-again']);
    expect(file.documents[0]!.relations[1]).toEqual({ id: 'r-pledge', source: 'a-li', target: 'a-figure', type: commitsTo.id, note: '', attributes: {}, author: 'ana', createdAt: T0, updatedAt: T1 });
    const back = importNative(json);
    expect(triples(back)).toEqual(expected);
    expect(back.documents[0]!.relations!.find((r) => r.id === 'r-office')).toEqual(readout().documents[0]!.relations![0]);
    expect(exportNative(back, { exportedAt: AT })).toBe(json);
  });

  it('refuses a relation to a missing annotation, an unknown type, or an end without an allowed tag', () => {
    const broken = (change: (file: { relationTypes: Record<string, unknown>[]; documents: { relations: Record<string, unknown>[] }[] }) => void): FormatError => {
      const file = JSON.parse(exportNative(readout(), { exportedAt: AT })) as Parameters<typeof change>[0];
      change(file);
      try {
        importNative(JSON.stringify(file), { file: 'r.json' });
      } catch (error) {
        expect(error).toBeInstanceOf(FormatError);
        return error as FormatError;
      }
      throw new Error('import did not fail');
    };
    expect(broken((f) => (f.documents[0]!.relations[0]!.target = 'a-ghost')).message).toBe('r.json: documents[0].relations[0]: its target "a-ghost" is not an annotation');
    expect(broken((f) => (f.documents[0]!.relations[0]!.type = 'employs')).message).toBe('r.json: documents[0].relations[0]: relation type "employs" is not in the taxonomy');
    expect(broken((f) => (f.relationTypes[0]!.sourceTagIds = ['t-figure'])).problem).toMatch(/^a "commits to" relation's source must carry one of the tags "t-figure"/);
    expect(broken((f) => (f.relationTypes[0]!.targetTagIds = ['t-nobody'])).message).toBe('r.json: relationTypes[0]: allowed tag id "t-nobody" is not the id of any tag');
    expect(broken((f) => delete f.documents[0]!.relations[0]!.source).message).toBe('r.json: documents[0].relations[0]: "source" is missing');
  });

  it('an export with a relation that breaks a rule is refused, not written', () => {
    const ws = readout();
    ws.documents[0]!.relations!.push(relation('r-bad', 'a-figure', 'a-li', holdsOffice.id));
    expect(() => exportNative(ws)).toThrow(/relations\[2\]: a "holds office" relation's source must carry one of the tags "t-person"/);
  });
});

describe('brat relations', () => {
  it('writes R lines typed by name between the T lines, and reads them back', async () => {
    const { output, omitted } = exportBrat(readout());
    expect(output[0]!.ann.split('\n').filter((line) => line.startsWith('R'))).toEqual(['R1\tholds_office Arg1:T2 Arg2:T1', 'R2\tcommits_to Arg1:T2 Arg2:T3', 'R3\tholds_office Arg1:T4 Arg2:T1']);
    expect(omitted).toEqual([{ record: 'relation r-office in document doc-r', problem: 'its note and attributes are not written (brat relations have none)' }]);
    const { bundle: back, issues } = await importBrat(output, { newId: counter(), now: () => T0, relationTypes: types, tags: readout().tags });
    expect(issues).toEqual([]);
    expect(triples(back)).toEqual(expected);
    expect(back.relationTypes).toEqual(types);
    // The workspace's tags, which the file's types resolved to.
    expect(exportBrat({ ...back, tags: readout().tags }).output).toEqual(output);
  });

  it('a relation whose end is not written is listed as left out', () => {
    const ws = readout();
    ws.documents[0]!.annotations[2] = { ...ws.documents[0]!.annotations[2]!, detached: true, start: 0, end: 0 };
    const { output, omitted } = exportBrat(ws);
    expect(output[0]!.ann).not.toMatch(/commits_to/);
    expect(omitted).toContainEqual({ record: 'relation r-pledge in document doc-r', problem: 'not written: its target annotation is not in the file' });
  });

  const txt = 'Li Qiang met Wang Yi.';
  const ann = (r: string) => `T1\tPerson 0 8\tLi Qiang\nT2\tPerson 13 20\tWang Yi\n${r}\n`;
  const importOne = (r: string) => importBrat([{ name: 'doc', txt, ann: ann(r) }], { relationTypes: types });

  it('refuses an R line naming an unknown T, or a type not in the taxonomy, naming the line', async () => {
    await expect(importOne('R1\trefers_to Arg1:T1 Arg2:T9')).rejects.toThrow(new FormatError({ file: 'doc.ann', record: 'line 3' }, 'R1: its Arg2 "T9" is not a text span (T line) in this file'));
    await expect(importOne('R1\temploys Arg1:T1 Arg2:T2')).rejects.toThrow(
      new FormatError({ file: 'doc.ann', record: 'line 3' }, 'relation type "employs" is not in the taxonomy (the workspace\'s relation types are "holds office", "commits to"); add it first, then import again'),
    );
  });

  it('finds the type ignoring case, and leaves out a relation whose T was left out', async () => {
    const { bundle: ok } = await importOne('R1\tCommits_To Arg1:T1 Arg2:T2');
    expect(ok.documents[0]!.relations).toMatchObject([{ typeId: commitsTo.id }]);
    const { bundle: partial, issues } = await importBrat([{ name: 'doc', txt, ann: 'T1\tPerson 0 8\tLi Qiang\nT2\tPerson 13 20\tWrong\nR1\tcommits_to Arg1:T1 Arg2:T2\n' }], { relationTypes: types });
    expect(partial.documents[0]!.relations).toBeUndefined();
    expect(issues).toContainEqual({ record: 'doc.ann line 3', problem: 'R1: not imported: its T2 was not imported' });
  });
});

describe('doccano relations', () => {
  it('writes a document with relations as entities with ids and relations with from_id, to_id and type, and reads it back', async () => {
    const { output } = exportDoccano(readout());
    const line = JSON.parse(output) as { entities: { id: number; label: string; start_offset: number; end_offset: number }[]; relations: { id: number; from_id: number; to_id: number; type: string }[] };
    expect(line.entities.map((e) => [e.id, e.label, e.start_offset, e.end_offset])).toEqual([
      [1, 'Office', 0, 7],
      [2, 'Person', 10, 18],
      [3, 'Figure', 27, 42],
      [4, 'Office', 27, 42],
      [5, 'Person', 44, 52],
    ]);
    expect(line.relations).toEqual([
      { id: 1, from_id: 2, to_id: 1, type: 'holds office' },
      { id: 2, from_id: 2, to_id: 3, type: 'commits to' },
      { id: 3, from_id: 5, to_id: 1, type: 'holds office' },
    ]);
    const { bundle: back, issues } = await importDoccano(output, { newId: counter(), now: () => T0, relationTypes: types, tags: readout().tags });
    expect(issues).toEqual([]);
    expect(triples(back)).toEqual(expected);
    // The same line but for the document id, which is new on import.
    expect(exportDoccano({ ...back, tags: readout().tags }).output).toBe(output.replace('"id":"doc-r"', `"id":"${back.documents[0]!.document.id}"`));
  });

  it('refuses a relation to an entity id the line does not have, and an unknown type', async () => {
    const line = (relations: unknown) => JSON.stringify({ text: 'Li met Wang.', entities: [{ id: 7, label: 'PER', start_offset: 0, end_offset: 2 }, { id: 8, label: 'PER', start_offset: 7, end_offset: 11 }], relations });
    await expect(importDoccano(line([{ id: 1, from_id: 7, to_id: 9, type: 'refers to' }]), { file: 'r.jsonl' })).rejects.toThrow(
      new FormatError({ file: 'r.jsonl', record: 'line 1 relations[0]' }, 'to_id 9: no entity on this line has that id'),
    );
    await expect(importDoccano(line([{ id: 1, from_id: 7, to_id: 8, type: 'meets' }]), { file: 'r.jsonl' })).rejects.toThrow(/^r\.jsonl: line 1 relations\[0\]: relation type "meets" is not in the taxonomy/);
    // Without relationTypes the readout types a new workspace has are used.
    const { bundle } = await importDoccano(line([{ id: 1, from_id: 8, to_id: 7, type: 'refers to' }]));
    expect(bundle.documents[0]!.relations).toMatchObject([{ typeId: 'relation-refers-to' }]);
  });
});

describe('W3C relations', () => {
  const ws = readout();
  const { output, omitted } = exportW3C(ws, { id: 'urn:uuid:00000000-0000-4000-8000-000000000000' });
  const items = (JSON.parse(output) as { first: { items: Record<string, unknown>[] } }).first.items;

  it('writes each relation as a linking annotation whose targets are its two annotations', () => {
    expect(omitted).toEqual([]);
    expect(items.find((item) => item.id === 'urn:scholia:relation:r-office')).toEqual({
      '@context': ['http://www.w3.org/ns/anno.jsonld', { scholia: 'urn:scholia:vocab#', 'scholia:attributes': { '@type': '@json' } }],
      id: 'urn:scholia:relation:r-office',
      type: 'Annotation',
      motivation: 'linking',
      created: T0,
      modified: T1,
      creator: { type: 'Person', name: 'ana' },
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'holds office' },
        { type: 'TextualBody', purpose: 'commenting', value: 'Since 2023.', format: 'text/plain' },
      ],
      target: ['urn:scholia:annotation:a-li', 'urn:scholia:annotation:a-premier'],
      'scholia:attributes': { confidence: 'high' },
    });
  });

  it('reads them back as relations between the anchored annotations', () => {
    const result = importW3C(output, ws.documents[0]!.document, { relationTypes: types, tags: ws.tags });
    expect(result.unanchored).toEqual([]);
    expect(triples({ ...ws, documents: [{ ...ws.documents[0]!, annotations: result.annotations, relations: result.relations }] })).toEqual(expected);
    expect(result.relations.find((r) => r.id === 'r-office')).toEqual(ws.documents[0]!.relations![0]);
  });

  it('refuses a link to an annotation the file does not hold, and an unknown type', () => {
    const strip = (json: string, id: string) => {
      const data = JSON.parse(json) as { first: { items: { id: string }[] } };
      data.first.items = data.first.items.filter((item) => item.id !== id);
      return JSON.stringify(data);
    };
    expect(() => importW3C(strip(output, 'urn:scholia:annotation:a-premier'), ws.documents[0]!.document, { relationTypes: types, file: 'w.jsonld' })).toThrow(
      /^w\.jsonld: items\[\d\] \(urn:scholia:relation:r-office\): its target "urn:scholia:annotation:a-premier" is not an annotation in this file/,
    );
    expect(() => importW3C(output, ws.documents[0]!.document, { relationTypes: [commitsTo], file: 'w.jsonld' })).toThrow(/relation type "holds office" is not in the taxonomy/);
  });

  const suite = path.resolve(repoRoot, '../shared/w3c-annotation-model');
  it.skipIf(!existsSync(path.join(suite, 'validate.mjs')))('passes the W3C test suite with its linking annotations', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'scholia-w3c-')), 'relations.jsonld');
    writeFileSync(file, output);
    const run = spawnSync(process.execPath, [path.join(suite, 'validate.mjs'), file], { env: { ...process.env, AJV_DIR: repoRoot }, encoding: 'utf8' });
    expect(`${run.stdout}${run.stderr}`).toMatch(/\b[1-9]\d* passed, 0 failed/);
    expect(run.status).toBe(0);
  });
});

describe('formats that cannot hold relations', () => {
  it('plain text lists every relation as left out', () => {
    const { omitted } = exportAs('text', readout(), { all: true, exportedAt: AT });
    expect(omitted).toEqual(['r-office', 'r-pledge', 'r-again'].map((id) => ({ record: `relation ${id} in document doc-r`, problem: 'not written: plain text cannot hold relations' })));
  });
});
