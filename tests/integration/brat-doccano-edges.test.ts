// Issue 12, item 8: brat and doccano files at their edges.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { exportFiles, importFiles } from '../../src/api/node/transfer';
import type { Annotation } from '../../src/core/model';
import { listAnnotations } from '../../src/store/annotations';
import { getDocument } from '../../src/store/documents';
import { Workspace } from '../../src/store/workspace';

const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});
const newWorkspace = async () => {
  const ws = await Workspace.open(join(mkdtempSync(join(tmpdir(), 'scholia-edges-')), 'w.sqlite'));
  open.push(ws);
  return ws;
};
const request = { format: 'auto' as const, author: 'tester', now: '2026-01-01T00:00:00.000Z' };
const file = (name: string, content: string) => ({ name, bytes: Buffer.from(content, 'utf8') });
const brat = (stem: string, txt: string, ann: string) => [file(`${stem}.txt`, txt), file(`${stem}.ann`, ann)];

describe('brat', () => {
  it('imports an empty .ann as a document without annotations, so a two-document export imports back whole', async () => {
    const ws = await newWorkspace();
    const one = await importFiles(ws, brat('empty', 'No annotations here.', ''), request);
    expect(one.annotationCount).toBe(0);
    expect(getDocument(ws.db, one.documentIds[0]!).text).toBe('No annotations here.');
    await importFiles(ws, brat('tagged', 'Li Qiang spoke.', 'T1\tPerson 0 8\tLi Qiang\n'), request);
    const exported = exportFiles(ws, 'all', 'brat', request.now);
    const again = await newWorkspace();
    const back = await importFiles(again, exported.files.map((f) => file(f.name, f.content)), { ...request, format: 'brat' });
    expect(back.documentIds).toHaveLength(2);
    expect(back.annotationCount).toBe(1);
  });

  it('refuses a duplicate T id, naming both lines', async () => {
    const ws = await newWorkspace();
    await expect(importFiles(ws, brat('dup', 'Li Qiang spoke.', 'T1\tPerson 0 2\tLi\nT1\tPerson 3 8\tQiang\n'), request)).rejects.toThrow(
      /dup\.ann.*line 2.*T1 is also the id on line 1/,
    );
  });

  it('refuses an attribute given twice for one span', async () => {
    const ws = await newWorkspace();
    await expect(
      importFiles(ws, brat('rep', 'Li Qiang spoke.', 'T1\tPerson 0 8\tLi Qiang\nA1\tRole T1 premier\nA2\tRole T1 minister\n'), request),
    ).rejects.toThrow(/rep\.ann.*line 3.*attribute Role of T1 is also given on line 2/);
  });

  it('keeps a text starting with U+FEFF through brat and plain-text round trips, annotations in place', async () => {
    const ws = await newWorkspace();
    const text = '\ufeffLi Qiang spoke.';
    const imported = await importFiles(ws, brat('bom', text, 'T1\tPerson 1 9\tLi Qiang\n'), request);
    expect(imported.issues).toEqual([]);
    const id = imported.documentIds[0]!;
    expect(getDocument(ws.db, id).text).toBe(text);
    expect(listAnnotations(ws.db, id).map((a: Annotation) => a.quote)).toEqual(['Li Qiang']);
    for (const format of ['brat', 'text'] as const) {
      const exported = exportFiles(ws, [id], format, request.now);
      const again = await newWorkspace();
      const back = await importFiles(again, exported.files.map((f) => file(f.name, f.content)), { ...request, format: format === 'brat' ? 'brat' : 'text' });
      expect(getDocument(again.db, back.documentIds[0]!).text, format).toBe(text);
      if (format === 'brat') expect(listAnnotations(again.db, back.documentIds[0]!).map((a) => [a.start, a.quote])).toEqual([[1, 'Li Qiang']]);
    }
  });
});

describe('doccano', () => {
  it('converts spans that only make sense as UTF-16 offsets (emoji before them), and says so', async () => {
    const ws = await newWorkspace();
    // "😀" is one code point but two UTF-16 units: a JavaScript tool writes [3, 9] for "Berlin".
    const line = JSON.stringify({ text: '😀 Berlin 😀 Paris', label: [[3, 9, 'LOC'], [13, 18, 'LOC']] });
    const result = await importFiles(ws, [file('js.jsonl', `${line}\n`)], request);
    expect(listAnnotations(ws.db, result.documentIds[0]!).map((a) => a.quote)).toEqual(['Berlin', 'Paris']);
    expect(result.issues).toContainEqual(expect.objectContaining({ record: expect.stringMatching(/js\.jsonl: line 1/), problem: expect.stringMatching(/UTF-16/) }));
  });
});
