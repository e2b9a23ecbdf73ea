// Random inputs at every api method (every name in contract.ts `methods`, so
// methods added later are covered too) and at every importer: the dispatch
// never throws, always answers with an envelope, never with an internal
// error, and a refused call (or any read) leaves every row as it was.
//
// Inputs are drawn from each method's own zod schema, mostly almost-valid
// (real ids of the workspace, offsets near the text, one field broken, an
// extra field), so the calls get past validation into the handlers; some are
// anything at all.

import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { afterAll, describe, expect, it } from 'vitest';
import { inputs, isMethod, methods, type ApiErrorCode, type Envelope, type TransferExport } from '../../src/api/common/contract';
import { createDispatch, type Dispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import { replayEdits } from '../../src/core/edits';
import type { Annotation, DocumentSummary, Tag } from '../../src/core/model';
import { listEdits } from '../../src/store/edits';
import { readOriginal, readText } from '../../src/store/text';
import { Workspace } from '../../src/store/workspace';

const RUNS_PER_METHOD = Number(process.env.SCHOLIA_FUZZ_RUNS ?? 120);
const ERROR_CODES: readonly ApiErrorCode[] = ['unknown_method', 'invalid_input', 'not_found', 'conflict', 'bad_file', 'workspace', 'unauthorized', 'unavailable'];
/** Methods that only read: they leave every row as it was even when they succeed. */
const READ_ONLY = /\.(list|get|current|columns|info|search|usage|dismissals|export|scorecard|workspace|insights)$/;

const dir = mkdtempSync(join(tmpdir(), 'scholia-fuzz-'));
const opened: Workspace[] = [];
/** How the calls ended, per method: shows the inputs get past validation into the handlers. */
const outcomes = new Map<string, Record<string, number>>();
afterAll(() => {
  const lines = [...outcomes].filter(([m]) => isMethod(m)).map(([m, o]) => `${m} ${Object.entries(o).map(([k, v]) => `${k}:${v}`).join(' ')}`);
  console.log(`fuzz outcomes\n${lines.join('\n')}`);
  for (const ws of opened) ws.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What the generators draw real ids and files from; refreshed after every call. */
interface Pools {
  documents: string[];
  tags: string[];
  annotations: string[];
  editCounts: number[];
  /** Code point lengths of the documents' current texts, in the order of `documents`. */
  lengths: number[];
  /** A native export of the seeded workspace, to break in random ways. */
  nativeExport: string;
}

interface Fixture {
  ws: Workspace;
  dispatch: Dispatch;
  pools: Pools;
  internalErrors: unknown[];
  refresh(): void;
  snapshot(): string;
  checkInvariants(): void;
}

let counter = 0;
async function fixture(): Promise<Fixture> {
  const ws = await Workspace.open(join(dir, `w${counter++}.sqlite`));
  opened.push(ws);
  const internalErrors: unknown[] = [];
  const dispatch = createDispatch(createService({ workspace: ws, author: 'fuzz' }), (error) => internalErrors.push(error));
  const must = async <T,>(method: string, input: unknown): Promise<T> => {
    const e = (await dispatch(method, input)) as Envelope<T>;
    if (!e.ok) throw new Error(`${method}: ${e.error.message}`);
    return e.value;
  };
  const a = await must<DocumentSummary>('documents.create', { title: 'Readout', text: 'Premier Li Qiang met 😀 delegates in 𠀋京.\r\nThe the port reopened.' });
  const b = await must<DocumentSummary>('documents.create', { title: 'Second', text: 'Short text, two lines.\nEnd.' });
  const tags = await must<Tag[]>('tags.list', {});
  await must<Annotation>('annotations.create', { documentId: a.id, baseEditCount: 0, start: 8, end: 16, tagIds: [tags[0]!.id], note: 'a person', attributes: { severity: 'minor' } });
  await must<Annotation>('annotations.create', { documentId: b.id, baseEditCount: 0, start: 0, end: 5 });
  await must('edits.apply', { documentId: a.id, baseEditCount: 0, changes: [{ start: 41, end: 45, inserted: '' }] });
  const exported = await must<TransferExport>('transfer.export', { all: true, format: 'native' });
  const pools: Pools = { documents: [], tags: [], annotations: [], editCounts: [], lengths: [], nativeExport: exported.files[0]!.content };
  const refresh = () => {
    const docs = ws.db.prepare('SELECT id, edit_count, current_length FROM documents').all() as { id: string; edit_count: number; current_length: number }[];
    pools.documents = docs.map((r) => r.id);
    pools.editCounts = docs.map((r) => r.edit_count);
    pools.lengths = docs.map((r) => r.current_length);
    pools.tags = (ws.db.prepare('SELECT id FROM tags').all() as { id: string }[]).map((r) => r.id);
    pools.annotations = (ws.db.prepare('SELECT id FROM annotations').all() as { id: string }[]).map((r) => r.id);
  };
  refresh();
  const snapshot = () => {
    // text_facts is a cache of figures worked out from texts (store/text-facts.ts), which reports fill as they read.
    const tables = (ws.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'text_facts' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    return JSON.stringify(tables.map((t) => [t, (ws.db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]));
  };
  const checkInvariants = () => {
    const docs = (ws.db.prepare('SELECT id, edit_count FROM documents').all() as { id: string; edit_count: number }[]).map((d) => ({
      ...d,
      original_text: readOriginal(ws.db, d.id)!,
      current_text: readText(ws.db, d.id),
    }));
    for (const d of docs) {
      const edits = listEdits(ws.db, d.id);
      expect(edits.length).toBe(d.edit_count);
      expect(replayEdits(d.original_text, edits)).toBe(d.current_text);
    }
    expect(ws.db.pragma('foreign_key_check')).toEqual([]);
  };
  return { ws, dispatch, pools, internalErrors, refresh, snapshot, checkInvariants };
}

// ---- generators -------------------------------------------------------------

const fromPool = (pool: () => readonly string[]) => fc.nat().map((i) => (pool().length === 0 ? 'missing' : pool()[i % pool().length]!));
const nastyString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('', ' ', '\u0000', 'a\u0000b', '\ud800', 'x\udc00', '\udc00\ud800', '😀', '\u202e', '\u0007', '\n', '../../etc/passwd', '<img src=x onerror=alert(1)>', '__proto__', 'constructor', '%00', 'x'.repeat(5000)),
);
const anyNumber = fc.oneof(
  fc.integer({ min: -3, max: 80 }),
  fc.constantFrom(-1, 0, 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e300, -0, 0.5, Number.NaN, Number.POSITIVE_INFINITY),
  fc.double(),
);
const someBytes = (pools: Pools): fc.Arbitrary<Uint8Array> =>
  fc.oneof(
    fc.uint8Array({ maxLength: 64 }),
    fc.string({ unit: 'grapheme', maxLength: 60 }).map((s) => new TextEncoder().encode(s)),
    fc.constantFrom(new Uint8Array([0xff, 0xfe, 0x41, 0x00]), new Uint8Array([0xef, 0xbb, 0xbf]), new Uint8Array([0xc3]), new Uint8Array()),
    // A valid native export, broken in one place, or cut short.
    fc.tuple(fc.nat(), fc.anything({ maxDepth: 2 })).map(([at, value]) => new TextEncoder().encode(breakJson(pools.nativeExport, at, value))),
    fc.nat().map((at) => new TextEncoder().encode(pools.nativeExport.slice(0, at % (pools.nativeExport.length + 1)))),
    fc.constantFrom(
      'T1\tPerson 0 5\tHello\n#1\tAnnotatorNotes T1\tnote\n',
      'T1\tPerson 0 99\tHello\n',
      '{"text": "Hello world", "label": [[0, 5, "Person"]]}\n',
      '{"text": "Hello", "label": [[3, 1, "X"]]}\n',
      '{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": []}}',
      '{"format": "scholia-annotations", "version": 1}',
      '{"format": "scholia-annotations", "version": 99}',
      '[]',
      'null',
    ).map((s) => new TextEncoder().encode(s)),
  );

/** The JSON text with the value at one (pseudo-randomly chosen) place replaced. */
function breakJson(json: string, at: number, value: unknown): string {
  const root = JSON.parse(json) as unknown;
  const places: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach((child, i) => (places.push({ parent: node, key: i }), walk(child)));
    else if (node !== null && typeof node === 'object') for (const [k, child] of Object.entries(node)) places.push({ parent: node as Record<string, unknown>, key: k }), walk(child);
  };
  walk(root);
  const place = places[at % places.length]!;
  if (Array.isArray(place.parent)) place.parent[place.key as number] = value;
  else if (value === undefined) delete place.parent[place.key as string];
  else place.parent[place.key as string] = value;
  return JSON.stringify(root);
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: { check: string; pattern?: RegExp } } }[];
}
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Almost-valid values for `schema`, with real ids of the workspace, named by the field they go into. */
function arbitraryFor(schema: z.ZodType, field: string, method: string, pools: Pools): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const noise = fc.oneof(nastyString, anyNumber, fc.constant(null), fc.boolean(), fc.anything({ maxDepth: 1 }));
  const mostly = (good: fc.Arbitrary<unknown>) => fc.oneof({ weight: 19, arbitrary: good }, { weight: 1, arbitrary: noise });
  switch (def.type) {
    case 'string': {
      const pattern = def.checks?.map((c) => c._zod.def.pattern).find((p) => p !== undefined)?.source ?? '';
      if (pattern.includes('A-Za-z0-9_-')) {
        const pool = () =>
          field === 'documentId' || field === 'documentIds' || (field === 'id' && method.startsWith('documents.'))
            ? pools.documents
            : field === 'id' && method.startsWith('annotations.')
              ? pools.annotations
              : field === 'id' && method.startsWith('transfer.')
                ? pools.documents
                : pools.tags;
        return fc.oneof({ weight: 12, arbitrary: fromPool(pool) }, { weight: 1, arbitrary: fc.constantFrom('missing', 'x', 'a-b_c') }, { weight: 1, arbitrary: noise });
      }
      if (pattern.includes('#')) return mostly(fc.oneof(fc.constantFrom('#000000', '#abcdef', '#ABC123'), fc.string()));
      if (pattern.includes('1-9')) return mostly(fc.constantFrom('1', '5', '9', '0', '10'));
      if (pattern.includes('A-Za-z0-9+/')) return mostly(someBytes(pools).map((b) => Buffer.from(b).toString('base64')));
      if (pattern.includes('manual')) return mostly(fc.constantFrom('manual', 'revert', 'rule:repeated-word', 'rule:', 'robot'));
      if (pattern.includes('a-z0-9-')) return mostly(fc.constantFrom('repeated-word', 'x', 'Bad Rule', ''));
      if (field === 'name' && method === 'transfer.import') return mostly(fc.constantFrom('a.txt', 'a.json', 'a.jsonl', 'a.ann', 'a.jsonld', 'a.scholia.json', 'noext', '.txt', 'C:\\x\\y.txt'));
      if (field === 'fileName') return mostly(fc.constantFrom('readout.txt', '/tmp/a.txt', 'x', '.hidden', 'C:\\docs\\a.txt'));
      if (field === 'createdAt') return mostly(fc.constantFrom('2026-01-02T03:04:05.000Z', '2026-13-45T00:00:00Z', 'yesterday'));
      return fc.oneof({ weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 20 }) }, { weight: 1, arbitrary: nastyString });
    }
    case 'number':
      if (field === 'baseEditCount') return fc.oneof({ weight: 3, arbitrary: fromPool(() => pools.editCounts.map(String)).map(Number) }, { weight: 1, arbitrary: anyNumber });
      return fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 40 }) }, { weight: 1, arbitrary: anyNumber });
    case 'boolean':
      return mostly(fc.boolean());
    case 'enum':
      return mostly(fc.constantFrom(...Object.values(def.entries ?? {})));
    case 'literal':
      return mostly(fc.constantFrom(...(def.values ?? [null])));
    case 'optional':
    case 'default':
      return fc.oneof(fc.constant(undefined), arbitraryFor(def.innerType!, field, method, pools));
    case 'nullable':
      return fc.oneof(fc.constant(null), arbitraryFor(def.innerType!, field, method, pools));
    case 'array':
      return mostly(fc.array(arbitraryFor(def.element!, field, method, pools), { minLength: 1, maxLength: 3 }));
    case 'record':
      return mostly(fc.dictionary(fc.oneof(fc.constantFrom('severity', 'category'), nastyString), fc.oneof(fc.constantFrom('minor', 'major'), nastyString), { maxKeys: 3 }));
    case 'object': {
      const shape = def.shape ?? {};
      const fields = Object.fromEntries(Object.entries(shape).map(([key, child]) => [key, arbitraryFor(child, key, method, pools)]));
      const record = fc.record(fields).map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)));
      const keys = Object.keys(shape);
      return fc.oneof(
        { weight: 12, arbitrary: record },
        // One field missing, or one too many.
        { weight: 1, arbitrary: fc.tuple(record, fc.nat()).map(([r, i]) => (keys.length === 0 ? r : Object.fromEntries(Object.entries(r).filter(([k]) => k !== keys[i % keys.length])))) },
        { weight: 1, arbitrary: fc.tuple(record, fc.constantFrom('extra', 'quote', '__proto__', 'constructor'), fc.anything({ maxDepth: 1 })).map(([r, k, v]) => ({ ...r, [k]: v })) },
        { weight: 1, arbitrary: noise },
      );
    }
    default:
      return fc.anything({ maxDepth: 2 });
  }
}

/**
 * Inputs whose fields must agree with each other and with the workspace (the
 * edit count and length of one document) to get past the checks at all.
 */
function coherentInput(method: string, pools: Pools): fc.Arbitrary<unknown> | null {
  const doc = fc.nat().map((i) => (pools.documents.length === 0 ? null : i % pools.documents.length));
  const within = (length: number) => fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => [a % (length + 1), b % (length + 1)].sort((x, y) => x - y) as [number, number]);
  if (method === 'edits.apply') {
    return fc.tuple(doc, fc.nat(), fc.array(fc.string({ unit: 'grapheme', maxLength: 5 }), { minLength: 1, maxLength: 3 })).map(([i, seed, inserts]) => {
      if (i === null) return {};
      let length = pools.lengths[i]!;
      const changes = inserts.map((inserted, k) => {
        const a = (seed * (k + 7)) % (length + 1);
        const b = Math.min(length, a + (seed % 4));
        length += [...inserted].length - (b - a);
        return { start: a, end: b, inserted };
      });
      return { documentId: pools.documents[i], baseEditCount: pools.editCounts[i], changes };
    });
  }
  if (method === 'annotations.create') {
    return fc.tuple(doc, fc.nat(), fc.array(fromPool(() => pools.tags), { maxLength: 2 })).chain(([i, , tagIds]) =>
      i === null ? fc.constant({}) : within(pools.lengths[i]!).map(([start, end]) => ({ documentId: pools.documents[i], baseEditCount: pools.editCounts[i], start, end: Math.max(end, start + 1), tagIds })),
    );
  }
  return null;
}

// ---- the properties ---------------------------------------------------------

async function checkCall(f: Fixture, method: unknown, input: unknown): Promise<void> {
  const name = typeof method === 'string' ? method : `(${typeof method})`;
  const before = f.snapshot();
  f.internalErrors.length = 0;
  let envelope: Envelope<unknown>;
  try {
    envelope = await f.dispatch(method, input);
  } catch (error) {
    throw new Error(`dispatch threw on ${name}: ${String(error)}`);
  }
  expect(envelope, 'an envelope always comes back').toMatchObject({ ok: expect.any(Boolean) });
  const tally = outcomes.get(name) ?? {};
  const outcome = envelope.ok ? 'ok' : envelope.error.code;
  tally[outcome] = (tally[outcome] ?? 0) + 1;
  outcomes.set(name, tally);
  if (!envelope.ok) {
    expect(ERROR_CODES, `${name} answered ${envelope.error.code}: ${envelope.error.message}`).toContain(envelope.error.code);
    expect(envelope.error.message.length).toBeGreaterThan(0);
    expect(f.snapshot(), `${name} failed (${envelope.error.message}) but changed the workspace`).toBe(before);
  } else if (READ_ONLY.test(name)) {
    expect(f.snapshot(), `${name} only reads but changed the workspace`).toBe(before);
  }
  expect(f.internalErrors, `${name} failed inside`).toEqual([]);
  f.checkInvariants();
  f.refresh();
}

describe('random inputs at every api method', () => {
  it('covers every method of the contract', () => {
    expect(methods.length).toBeGreaterThanOrEqual(20);
    for (const m of methods) expect(isMethod(m)).toBe(true);
  });

  for (const method of methods) {
    it(`${method}: an envelope always, a typed error for bad input, no partial write`, async () => {
      const f = await fixture();
      const schema = inputs[method] as unknown as z.ZodType;
      const coherent = coherentInput(method, f.pools);
      const input = fc.oneof(
        { weight: 8, arbitrary: arbitraryFor(schema, '', method, f.pools) },
        { weight: coherent === null ? 0 : 6, arbitrary: coherent ?? fc.constant({}) },
        { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      );
      await fc.assert(
        fc.asyncProperty(input, async (value) => checkCall(f, method, value)),
        { numRuns: RUNS_PER_METHOD },
      );
    }, 60_000);
  }

  it('unknown method names of every kind', async () => {
    const f = await fixture();
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty', 'documents', 'documents.', '.list', 'DOCUMENTS.LIST'), fc.anything({ maxDepth: 1 })), fc.anything({ maxDepth: 2 }), async (method, input) => {
        fc.pre(!isMethod(method));
        await checkCall(f, method, input);
      }),
      { numRuns: 200 },
    );
  });
});

describe('random files at every importer', () => {
  it('transfer.import in every format: a result or a typed bad_file, never half an import', async () => {
    const f = await fixture();
    const format = fc.constantFrom('auto', 'text', 'native', 'w3c', 'brat', 'doccano');
    const name = fc.constantFrom('a.txt', 'a.ann', 'a.json', 'a.jsonl', 'a.jsonld', 'b.txt');
    const file = fc.record({ name, contentBase64: someBytes(f.pools).map((b) => Buffer.from(b).toString('base64')) });
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 3 }), format, fc.option(fromPool(() => f.pools.documents), { nil: undefined }), async (files, fmt, documentId) => {
        await checkCall(f, 'transfer.import', { files, format: fmt, ...(documentId === undefined ? {} : { documentId }) });
      }),
      { numRuns: 300 },
    );
  });
});
