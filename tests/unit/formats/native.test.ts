import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalOrder, type WorkspaceExport } from '../../../src/core/formats/bundle';
import { FormatError } from '../../../src/core/formats/errors';
import { exportNative, importNative } from '../../../src/core/formats/native';
import { NATIVE_VERSION } from '../../../src/core/formats/native-schema';
import { replayEdits } from '../../../src/core/edits';
import { sliceCodePoints } from '../../../src/core/offsets';
import { workspace } from './arbitraries';
import { fixtures } from './paths';
import { sampleWorkspace, tag } from './sample';
import { schemaErrors } from './schema';

const AT = '2024-06-01T12:00:00.000Z';

/** Export, and hold the result against the JSON Schema. */
function exported(ws: WorkspaceExport, exportedAt = AT): string {
  const json = exportNative(ws, { exportedAt });
  expect(schemaErrors(json)).toEqual([]);
  return json;
}

/** The sample export, parsed, to be broken by a test and imported. */
function sampleFile(): { documents: Array<Record<string, unknown> & { annotations: Array<Record<string, unknown>>; edits: Array<Record<string, unknown>> }>; tags: Array<Record<string, unknown>>; [key: string]: unknown } {
  return JSON.parse(exported(sampleWorkspace())) as ReturnType<typeof sampleFile>;
}

function importError(json: string, file = 'broken.json'): FormatError {
  try {
    importNative(json, { file });
  } catch (error) {
    expect(error).toBeInstanceOf(FormatError);
    return error as FormatError;
  }
  throw new Error('import did not fail');
}

describe('native export', () => {
  it('matches the committed sample byte for byte', () => {
    expect(exported(sampleWorkspace())).toBe(readFileSync(`${fixtures}/sample.native.json`, 'utf8'));
  });

  it('still imports a version 1 file (before relations), as the same workspace', () => {
    const v1 = readFileSync(`${fixtures}/sample-v1.native.json`, 'utf8');
    expect(JSON.parse(v1)).toMatchObject({ version: 1 });
    expect(importNative(v1)).toEqual(importNative(exported(sampleWorkspace())));
    expect(exported(importNative(v1))).toBe(exported(sampleWorkspace()));
  });

  it('does not depend on the order the store returns rows in', () => {
    const ws = sampleWorkspace();
    const shuffled: WorkspaceExport = {
      tags: [...ws.tags].reverse(),
      documents: [...ws.documents].reverse().map((d) => ({ ...d, annotations: [...d.annotations].reverse() })),
    };
    expect(exported(shuffled)).toBe(exported(ws));
  });

  it('names child tags by path and keeps their ids', () => {
    const file = sampleFile();
    const overlap = file.documents[0]!.annotations.find((a) => a.id === 'a-overlap')!;
    expect(overlap.tags).toEqual(['Entity/Person/Other', 'MQM error']);
    expect(overlap.tagIds).toEqual(['t-other-person', 't-mqm']);
    const slash = file.documents[0]!.annotations.find((a) => a.id === 'a-lines')!;
    expect(slash.tags).toEqual(['Date\\/Time']);
  });

  it('refuses a workspace whose quote does not match its text, naming the record', () => {
    const ws = sampleWorkspace();
    ws.documents[0]!.annotations[1] = { ...ws.documents[0]!.annotations[1]!, quote: 'Qiang met 😃' };
    expect(() => exportNative(ws)).toThrow(/^documents\[0\]\.annotations\[2\]: quote "Qiang met 😃" does not match the text at \[11, 22\), which is "Qiang met 😀"$/);
  });

  it('refuses a quote that is only the start, or more than, the text it covers', () => {
    const ws = sampleWorkspace();
    const annotation = ws.documents[0]!.annotations[1]!;
    ws.documents[0]!.annotations[1] = { ...annotation, quote: 'Qiang met' };
    expect(() => exportNative(ws)).toThrow(/^documents\[0\]\.annotations\[2\]: quote "Qiang met" does not match the text at \[11, 22\), which is "Qiang met 😀"$/);
    ws.documents[0]!.annotations[1] = { ...annotation, quote: 'Qiang met 😀!' };
    expect(() => exportNative(ws)).toThrow(/quote "Qiang met 😀!" does not match the text at \[11, 22\), which is "Qiang met 😀"$/);
  });

  it('refuses store values outside the format, naming the field', () => {
    const ws = sampleWorkspace();
    ws.tags[0] = { ...ws.tags[0]!, color: 'red' };
    expect(() => exportNative(ws)).toThrow(/tags\[1\]: "color": must be a colour #rrggbb/);
  });
});

describe('native import', () => {
  it('gives back the exported workspace, and exporting it again gives the same JSON', () => {
    const ws = sampleWorkspace();
    const json = exported(ws);
    const back = importNative(json, { file: 'sample.json' });
    expect(back).toEqual(canonicalOrder(ws));
    expect(exported(back, '2030-01-01T00:00:00.000Z')).toBe(json.replace(AT, '2030-01-01T00:00:00.000Z'));
  });

  it('reads a file with a byte order mark', () => {
    expect(importNative(`\uFEFF${exported(sampleWorkspace())}`).documents).toHaveLength(2);
  });

  it('resolves tags by path in a hand-written file without tagIds', () => {
    const file = sampleFile();
    for (const doc of file.documents) for (const a of doc.annotations) delete a.tagIds;
    const back = importNative(JSON.stringify(file));
    expect(back.documents[0]!.annotations.find((a) => a.id === 'a-overlap')!.tagIds).toEqual(['t-other-person', 't-mqm']);
  });

  it('ignores keys it does not know', () => {
    const file = sampleFile();
    file.comment = 'added by a later 1.x';
    file.documents[0]!.annotations[0]!.colourHint = 'blue';
    expect(importNative(JSON.stringify(file))).toEqual(importNative(exported(sampleWorkspace())));
  });

  describe('refuses bad input with the file, the record and the problem', () => {
    it('malformed JSON', () => {
      const error = importError('{\n  "format": "scholia-annotations",\n  "version" 1\n}');
      expect(error.message).toMatch(/^broken\.json: line 3, column 13: malformed JSON: \S/);
      expect(error.file).toBe('broken.json');
    });

    it('a truncated file', () => {
      const json = exported(sampleWorkspace());
      const error = importError(json.slice(0, Math.floor(json.length / 2)));
      expect(error.message).toBe('broken.json: end of file: the JSON ends early: the file is truncated or incomplete');
    });

    it('an empty file', () => {
      expect(importError('  \n').message).toBe('broken.json: there is no JSON: the file is empty');
    });

    it('JSON that is not an object', () => {
      expect(importError('[1, 2]').message).toBe('broken.json: the file holds an array, not a Scholia annotations object');
    });

    it('an unknown format', () => {
      expect(importError('{"format": "hypothesis", "version": 1}').message).toBe('broken.json: "format" is "hypothesis", not "scholia-annotations"');
      expect(importError('{"text": "x"}').problem).toBe('this is not a Scholia annotations file: it has no "format"');
    });

    it('a newer version, saying which version this build reads', () => {
      const file = sampleFile();
      file.version = NATIVE_VERSION + 1;
      expect(importError(JSON.stringify(file)).message).toBe(
        `broken.json: the file is format version ${NATIVE_VERSION + 1}, written by a newer Scholia; this build reads version ${NATIVE_VERSION}. Update Scholia to import it`,
      );
      expect(importError('{"format": "scholia-annotations", "version": "1"}').problem).toMatch(/"version" is "1", not a format version/);
    });

    it('a value of the wrong type, naming the field', () => {
      const file = sampleFile();
      file.documents[0]!.annotations[3]!.start = '8';
      const error = importError(JSON.stringify(file));
      expect(error.record).toBe('documents[0].annotations[3]');
      expect(error.problem).toBe('"start": Invalid input: expected number, received string');
    });

    it('a missing field', () => {
      const file = sampleFile();
      delete (file.documents[1] as Record<string, unknown>).edits;
      delete file.documents[1]!.title;
      const error = importError(JSON.stringify(file));
      expect(error.message).toBe('broken.json: documents[1]: "title" is missing (and 1 more problems)');
    });

    it('a negative offset', () => {
      const file = sampleFile();
      file.documents[0]!.annotations[2]!.start = -3;
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: documents[0].annotations[2]: "start": Too small: expected number to be >=0');
    });

    it('an offset past the end of the text', () => {
      const file = sampleFile();
      file.documents[1]!.annotations[0]!.end = 500;
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: documents[1].annotations[0]: end 500 is past the end of the text (length 59)');
    });

    it('an end before the start', () => {
      const file = sampleFile();
      file.documents[0]!.annotations[1]!.end = 2;
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: documents[0].annotations[1]: end 2 is before start 8');
    });

    it('a quote that does not match (counting code points, not UTF-16 units)', () => {
      const file = sampleFile();
      const place = file.documents[0]!.annotations[3]!;
      expect(place.quote).toBe('𠀋京');
      place.quote = '京';
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: documents[0].annotations[3]: quote "京" does not match the text at [36, 38), which is "𠀋京"');
    });

    it('an unknown tag, by path or by id', () => {
      const file = sampleFile();
      file.documents[0]!.annotations[1]!.tags = ['Entity/Persn'];
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: documents[0].annotations[1]: tags[0] is "Entity/Persn" but tagIds[0] is the tag "Entity/Person"');
      delete file.documents[0]!.annotations[1]!.tagIds;
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: documents[0].annotations[1]: tags[0]: unknown tag "Entity/Persn" (no tag in "tags" has that name)');
      const other = sampleFile();
      other.documents[1]!.annotations[0]!.tagIds = ['t-nope'];
      expect(importError(JSON.stringify(other)).message).toBe('broken.json: documents[1].annotations[0]: tagIds[0] "t-nope" is not the id of any tag');
    });

    it('tags the store could not tell apart: same name under one parent, or the same shortcut key', () => {
      const file = sampleFile();
      file.tags.push({ ...file.tags.find((t) => t.id === 't-mqm')!, id: 't-mqm-2', name: 'mqm ERROR' });
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: tags[7]: name "mqm ERROR" is also the name of tags[6], under the same parent');
      const keys = sampleFile();
      keys.tags[0]!.key = '1';
      expect(importError(JSON.stringify(keys)).message).toBe('broken.json: tags[2]: shortcut key "1" is also the key of tags[0]');
    });

    it('an edit history that does not explain the text', () => {
      const file = sampleFile();
      file.documents[0]!.edits[1]!.removed = 'xx';
      expect(importError(JSON.stringify(file)).message).toBe(
        'broken.json: documents[0].edits[1]: removed is "xx" but the text at [73, 75) before this edit is "  "',
      );
      const other = sampleFile();
      other.documents[0]!.text = `${other.documents[0]!.text as string}!`;
      expect(importError(JSON.stringify(other)).message).toMatch(/^broken\.json: documents\[0\]: replaying its 3 edits on originalText does not give text: they differ from code point 113$/);
    });

    it('an edit outside the text', () => {
      const file = sampleFile();
      file.documents[0]!.edits[0]!.end = 1000;
      expect(importError(JSON.stringify(file)).problem).toBe('range [69, 1000) is not within the text as it was before this edit (length 115)');
    });

    it('a bad edit origin', () => {
      const file = sampleFile();
      file.documents[0]!.edits[0]!.origin = 'robot';
      expect(importError(JSON.stringify(file)).message).toBe('broken.json: documents[0].edits[0]: "origin": must be "manual", "revert" or "rule:<rule id>"');
    });

    it('duplicate ids and broken tag parents', () => {
      const dup = sampleFile();
      dup.documents[1]!.annotations[0]!.id = 'a-li';
      expect(importError(JSON.stringify(dup)).message).toBe('broken.json: documents[1].annotations[0]: id "a-li" is also the id of documents[0].annotations[1]');
      const twice = sampleFile();
      twice.documents[0]!.annotations[2]!.id = twice.documents[0]!.annotations[0]!.id;
      expect(importError(JSON.stringify(twice)).problem).toBe(`id "${twice.documents[0]!.annotations[0]!.id}" is also the id of documents[0].annotations[0]`);
      const orphan = sampleFile();
      orphan.tags[2]!.parent = 'nobody';
      expect(importError(JSON.stringify(orphan)).message).toBe('broken.json: tags[2]: parent "nobody" is not the id of any tag');
      const loop = sampleFile();
      loop.tags[1]!.parent = 't-other-person';
      expect(importError(JSON.stringify(loop)).problem).toMatch(/^its chain of parents loops back on itself/);
    });
  });
});

describe('the JSON Schema and the importer', () => {
  it('refuse the same malformed files', () => {
    const breakers: Array<(file: ReturnType<typeof sampleFile>) => void> = [
      (f) => (f.version = NATIVE_VERSION + 1),
      (f) => (f.tags[0]!.color = 'red'),
      (f) => delete f.tags[0]!.key,
      (f) => (f.tags[0]!.key = '0'),
      (f) => (f.documents[0]!.sha256 = 'ABC'),
      (f) => (f.documents[0]!.createdAt = '2024-05-01 09:00'),
      (f) => (f.documents[0]!.annotations[0]!.start = -1),
      (f) => (f.documents[0]!.annotations[0]!.end = 1.5),
      (f) => (f.documents[0]!.annotations[0]!.attributes = { severity: 3 }),
      (f) => (f.documents[0]!.annotations[0]!.detached = 'no'),
      (f) => (f.documents[0]!.edits[0]!.origin = 'rule:'),
      (f) => delete f.documents[0]!.edits[0]!.at,
    ];
    for (const breakFile of breakers) {
      const file = sampleFile();
      breakFile(file);
      const json = JSON.stringify(file);
      expect(schemaErrors(json), breakFile.toString()).not.toEqual([]);
      expect(() => importNative(json), breakFile.toString()).toThrow(FormatError);
    }
  });
});

describe('native invariants (property-based)', () => {
  it('export then import gives back the same workspace; quotes match; edits replay', () => {
    fc.assert(
      fc.property(workspace(), (ws) => {
        const json = exported(ws);
        const back = importNative(json);
        expect(back).toEqual(canonicalOrder(ws));
        expect(exportNative(back, { exportedAt: AT })).toBe(json);
        const file = JSON.parse(json) as { documents: Array<{ originalText: string; text: string; edits: Array<{ start: number; end: number; removed: string; inserted: string }>; annotations: Array<{ start: number; end: number; quote: string; detached: boolean }> }> };
        for (const doc of file.documents) {
          expect(replayEdits(doc.originalText, doc.edits)).toBe(doc.text);
          for (const a of doc.annotations) if (!a.detached) expect(sliceCodePoints(doc.text, a.start, a.end)).toBe(a.quote);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('any single broken quote is refused', () => {
    fc.assert(
      fc.property(
        workspace({ detached: false }).filter((ws) => ws.documents.some((d) => d.annotations.length > 0)),
        fc.nat(),
        (ws, pick) => {
          const doc = ws.documents.find((d) => d.annotations.length > 0)!;
          const i = pick % doc.annotations.length;
          doc.annotations[i] = { ...doc.annotations[i]!, quote: `${doc.annotations[i]!.quote}✗` };
          expect(() => exportNative(ws)).toThrow(/quote .* does not match the text at/);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('a tag named with slashes and backslashes keeps its path unambiguous', () => {
    const tags = [tag('p', 'a/b'), tag('c', 'c\\', 'p'), tag('q', 'a'), tag('r', 'b/c\\', 'q')];
    const ws: WorkspaceExport = { tags, documents: [] };
    expect(importNative(exported(ws)).tags).toEqual(canonicalOrder(ws).tags);
  });
});
