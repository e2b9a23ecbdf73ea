// Two windows on one workspace, each with its own view of a document: a call
// that carries offsets names the text version they were computed on, and is
// mapped through the edits since (core/mapping) or refused; updates are
// patches of the fields changed, and a note changes only from the note the
// window saw — so nothing one window acknowledged is overwritten by another.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import type { Annotation, DocumentSummary, Tag } from '../../src/core/model';
import { startWebHost } from '../../src/server/web-host';
import { workspaceApis } from './api-harness';

const openApi = workspaceApis('two-windows');

/** A workspace with one document, and the api as a window calls it (envelopes, not throws). */
async function api() {
  const { dispatch, send, call } = await openApi();
  const doc = await call<DocumentSummary>('documents.create', { title: 'Fox', text: 'The quick brown fox jumps over the lazy dog.' });
  return { dispatch, send, call, doc };
}

describe('offsets carry the version of the text they were computed on', () => {
  it('window B annotates “quick” on the text before window A inserted “VERY ”: the annotation lands on “quick”', async () => {
    const { call, doc } = await api();
    // Both windows opened the document at version 0; A inserts first.
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 4, end: 4, inserted: 'VERY ' }] });
    const created = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 4, end: 9 });
    expect(created).toMatchObject({ start: 9, end: 14, quote: 'quick' });
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id }))[0]).toMatchObject({ quote: 'quick' });
  });

  it('moving an annotation with offsets from an older version maps them the same way', async () => {
    const { call, doc } = await api();
    const fox = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 16, end: 19 });
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 4, inserted: '' }] });
    // Window B, still at version 0, moves the annotation onto “brown” [10, 15).
    const moved = await call<Annotation>('annotations.update', { id: fox.id, baseEditCount: 0, range: { start: 10, end: 15 } });
    expect(moved).toMatchObject({ start: 6, end: 11, quote: 'brown' });
  });

  it('a range whose text was deleted since is refused as a conflict, and nothing is stored', async () => {
    const { send, call, doc } = await api();
    await call('edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 4, end: 10, inserted: '' }] });
    const refused = await send('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 4, end: 9 });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/deleted/) } });
    expect(await call('annotations.list', { documentId: doc.id })).toEqual([]);
  });

  it('a version the document never had, or no version at all, is refused', async () => {
    const { send, doc } = await api();
    expect(await send('annotations.create', { documentId: doc.id, baseEditCount: 3, start: 4, end: 9 })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await send('annotations.create', { documentId: doc.id, start: 4, end: 9 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('updates are patches of the fields changed', () => {
  it('window A adds a tag while window B saves a note and sets an attribute: all three are kept', async () => {
    const { call, doc } = await api();
    const [person, place] = await call<Tag[]>('tags.list', {});
    const a = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 4, end: 9, tagIds: [person!.id], attributes: { severity: 'minor', kept: 'yes' } });
    await call('annotations.update', { id: a.id, addTagIds: [place!.id] });
    await call('annotations.update', { id: a.id, note: { base: '', value: 'fast' }, setAttributes: { severity: 'major' }, removeAttributes: ['kept'] });
    const after = await call<Annotation>('annotations.update', { id: a.id, removeTagIds: [person!.id] });
    expect(after).toMatchObject({ tagIds: [place!.id], note: 'fast', attributes: { severity: 'major' } });
  });

  it('a note saved from a note that has changed since is refused, not overwritten', async () => {
    const { send, call, doc } = await api();
    const a = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 4, end: 9, note: 'first' });
    await call('annotations.update', { id: a.id, note: { base: 'first', value: 'first\nfrom A' } });
    expect(await send('annotations.update', { id: a.id, note: { base: 'first', value: 'first\nfrom B' } })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/note/) },
    });
    expect((await call<Annotation[]>('annotations.list', { documentId: doc.id }))[0]!.note).toBe('first\nfrom A');
  });

  it('50 windows append a line to one note at once through the web host: every acknowledged line survives, and a refused one lands on retry', async () => {
    const { dispatch, call, doc } = await api();
    const a = await call<Annotation>('annotations.create', { documentId: doc.id, baseEditCount: 0, start: 4, end: 9, note: 'Lines:' });
    const host = await startWebHost({ dispatch, rendererRoot: mkdtempSync(join(tmpdir(), 'scholia-renderer-')), token: 't0ken', port: 0 });
    const post = async <T,>(method: string, input: unknown): Promise<Envelope<T>> =>
      (await fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': 't0ken' },
        body: JSON.stringify(input),
      }).then((r) => r.json())) as Envelope<T>;
    try {
      const noteNow = async () => {
        const listed = await post<Annotation[]>('annotations.list', { documentId: doc.id });
        if (!listed.ok) throw new Error(listed.error.message);
        return listed.value[0]!.note;
      };
      // Every window reads the note, then all send their line at once.
      const seen = await Promise.all(Array.from({ length: 50 }, () => noteNow()));
      const first = await Promise.all(seen.map((base, i) => post<Annotation>('annotations.update', { id: a.id, note: { base, value: `${base}\nline ${i}` } })));
      const acknowledged = first.flatMap((e, i) => (e.ok ? [i] : []));
      expect(acknowledged.length).toBeGreaterThanOrEqual(1);
      for (const e of first) if (!e.ok) expect(e.error.code).toBe('conflict');
      const afterFirst = await noteNow();
      for (const i of acknowledged) expect(afterFirst.split('\n')).toContain(`line ${i}`);

      // The refused windows do what the renderer does: read the note again and re-apply their line.
      const refused = first.flatMap((e, i) => (e.ok ? [] : [i]));
      await Promise.all(
        refused.map(async (i) => {
          for (;;) {
            const base = await noteNow();
            const sent = await post<Annotation>('annotations.update', { id: a.id, note: { base, value: `${base}\nline ${i}` } });
            if (sent.ok) return;
            expect(sent.error.code).toBe('conflict');
          }
        }),
      );
      const lines = (await noteNow()).split('\n');
      expect(lines[0]).toBe('Lines:');
      expect(lines.slice(1).sort()).toEqual(Array.from({ length: 50 }, (_, i) => `line ${i}`).sort());
    } finally {
      await host.close();
    }
  });
});
