import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportDoccano } from '../../../src/core/formats/doccano';
import { detectFormat } from '../../../src/core/formats/detect';
import { exportNative } from '../../../src/core/formats/native';
import { exportW3C } from '../../../src/core/formats/w3c';
import { fixtures } from './paths';
import { sampleWorkspace } from './sample';

const fixture = (name: string) => readFileSync(`${fixtures}/${name}`);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
  const native = exportNative(sampleWorkspace());
  const w3c = exportW3C(sampleWorkspace()).output;

  it('recognises each format by content, whatever the file is called', () => {
    expect(detectFormat('export.json', native)).toBe('native');
    expect(detectFormat('renamed.txt', bytes(native))).toBe('native');
    expect(detectFormat('export.json', w3c)).toBe('w3c');
    expect(detectFormat('annotations.json', fixture('w3c/foreign.jsonld'))).toBe('w3c');
    expect(detectFormat('one.json', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'Annotation', target: 'x' }))).toBe('w3c');
    expect(detectFormat('list.json', JSON.stringify([{ type: 'Annotation', target: 'x' }]))).toBe('w3c');
    expect(detectFormat('data.json', exportDoccano(sampleWorkspace()).output)).toBe('doccano');
    expect(detectFormat('doccano.jsonl', fixture('doccano/doccano-entities.jsonl'))).toBe('doccano');
    expect(detectFormat('old.txt', fixture('doccano/doccano-old.jsonl'))).toBe('doccano');
    expect(detectFormat('readout.ann', fixture('brat/readout.ann'))).toBe('brat');
    expect(detectFormat('readout', fixture('brat/readout.ann'))).toBe('brat');
    // A line brat does not know makes it text, unless the name says .ann.
    expect(detectFormat('foreign', fixture('brat/foreign.ann'))).toBe('text');
    expect(detectFormat('foreign.ann', fixture('brat/foreign.ann'))).toBe('brat');
    expect(detectFormat('readout.txt', fixture('brat/readout.txt'))).toBe('text');
  });

  it('sends a broken export to the importer that can say what is wrong', () => {
    expect(detectFormat('cut.json', native.slice(0, 500))).toBe('native');
    expect(detectFormat('cut.json', bytes(native.slice(0, 500)))).toBe('native');
    expect(detectFormat('cut.jsonld', w3c.slice(0, 300))).toBe('w3c');
    expect(detectFormat('other.json', '{"hello": "world"}')).toBe('native');
    expect(detectFormat('other.jsonl', '{"hello": ')).toBe('doccano');
  });

  it('takes everything else for plain text, including what is not text at all', () => {
    expect(detectFormat('notes.txt', 'Premier Li Qiang met 😀 delegates.\r\n')).toBe('text');
    expect(detectFormat('brat-looking.txt', 'T1\tPerson 0 4\tJohn\n')).toBe('text');
    expect(detectFormat('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toBe('text');
    expect(detectFormat('empty.txt', new Uint8Array())).toBe('text');
    expect(detectFormat('brace.txt', '{ not json, just a brace')).toBe('text');
    expect(detectFormat('config.txt', '{"hello": "world"}')).toBe('text');
  });
});
