import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportNative } from '../../../src/core/formats';
import { nativeFileSchema, type NativeFile } from '../../../src/core/formats/native-schema';
import { nativeShapeError, recordsFit } from '../../../src/core/formats/native-shape';
import { workspace } from './arbitraries';
import { T0, T1 } from './sample';

/** An exported workspace as its file, with one relation so relations are checked too. */
const files = workspace().map((ws): NativeFile => {
  const file = JSON.parse(exportNative(ws, { exportedAt: T1 })) as NativeFile;
  const doc = file.documents.find((d) => d.annotations.length > 0);
  if (doc) {
    const [a] = doc.annotations;
    doc.relations = [{ id: 'r1', source: a!.id, target: a!.id, type: 'rt', note: '', attributes: { k: 'v' }, author: 'ana', createdAt: T0, updatedAt: T1 }];
  }
  return file;
});

/** Values a store bug could leave in a field: other types, empty, fractional, unsafe, near-miss formats. */
const odd = fc.constantFrom<unknown>(
  undefined,
  null,
  '',
  'x',
  -1,
  -0,
  1.5,
  2 ** 60,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  7,
  true,
  [],
  ['x'],
  [''],
  [3],
  {},
  { a: 1 },
  { a: 'b' },
  Object.create({ inherited: 'x' }) as object,
  T0,
  '2026-02-30T00:00:00Z',
  '2026-01-01T00:00:00',
  '2026-01-01T00:00:00.5+01:00',
  '2026-01-01 00:00:00Z',
  'manual',
  'revert',
  'rule:',
  'rule:x',
  'rule:\n',
  'suggestion:ok',
  'suggestion:Bad',
);

const FIELDS = {
  annotations: ['id', 'start', 'end', 'quote', 'tags', 'tagIds', 'note', 'attributes', 'author', 'createdAt', 'updatedAt', 'detached', 'sourceRange', 'origin'],
  edits: ['start', 'end', 'removed', 'inserted', 'origin', 'author', 'at'],
  relations: ['id', 'source', 'target', 'type', 'note', 'attributes', 'author', 'createdAt', 'updatedAt'],
} as const;

describe('the hand check of a native file about to be written', () => {
  it('passes every export of a sound workspace, so zod is not run over its records', () => {
    fc.assert(
      fc.property(files, (file) => {
        expect(recordsFit(file)).toBe(true);
        expect(nativeShapeError(file)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });

  it('never passes a record zod refuses, whatever one field is changed to', () => {
    const list = fc.constantFrom<keyof typeof FIELDS>('annotations', 'edits', 'relations');
    fc.assert(
      fc.property(files, list, fc.nat(), fc.nat(), fc.nat(), odd, (file, which, d, r, f, value) => {
        const docs = file.documents.filter((doc) => (doc[which] ?? []).length > 0);
        if (docs.length === 0) return;
        const records = docs[d % docs.length]![which]! as unknown as Record<string, unknown>[];
        const record = records[r % records.length]!;
        const fields = FIELDS[which];
        record[fields[f % fields.length]!] = value;
        const zodAccepts = nativeFileSchema.safeParse(file).success;
        if (recordsFit(file)) expect(zodAccepts).toBe(true);
        // Whichever check decides, the answer is zod's.
        expect(nativeShapeError(file) === undefined).toBe(zodAccepts);
      }),
      { numRuns: 2000 },
    );
  });

  it('names the field of a record it refuses, as zod does', () => {
    fc.assert(
      fc.property(
        files.filter((file) => file.documents.some((d) => d.annotations.length > 0)),
        (file) => {
          const doc = file.documents.find((d) => d.annotations.length > 0)!;
          (doc.annotations[0] as unknown as Record<string, unknown>).createdAt = 'yesterday';
          const error = nativeShapeError(file);
          expect(error?.issues[0]?.path).toEqual(['documents', file.documents.indexOf(doc), 'annotations', 0, 'createdAt']);
        },
      ),
      { numRuns: 50 },
    );
  });
});
