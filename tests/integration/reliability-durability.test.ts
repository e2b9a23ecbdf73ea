// Nothing committed is ever lost: the real web host is killed with SIGKILL in
// the middle of a burst of api writes (text edits and annotations, some in
// parallel), restarted on the same workspace, and everything the client saw
// acknowledged must be there, the file must pass integrity_check, and every
// document's edits replayed on its original must give its current text.
// Looped: bounded to ROUNDS rounds and BUDGET_MS of wall time.

import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EditsApplied, Envelope } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import { applyChange, replayEdits } from '../../src/core/edits';
import type { Annotation, DocumentSummary, Tag, TextChange } from '../../src/core/model';
import { codePointLength } from '../../src/core/offsets';
import { listAnnotations } from '../../src/store/annotations';
import { listEdits } from '../../src/store/edits';
import { readOriginal, readText } from '../../src/store/text';
import { Workspace } from '../../src/store/workspace';
import { call, killAllHosts, spawnHost, type Host } from './reliability-host';

const ROUNDS = 20;
const BUDGET_MS = 60_000;

const dir = mkdtempSync(join(tmpdir(), 'scholia-durability-'));
afterAll(async () => {
  await killAllHosts();
  rmSync(dir, { recursive: true, force: true });
});

// A small deterministic generator, so a failing run can be repeated with its seed.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface DocLedger {
  id: string;
  original: string;
  /** Every change the host acknowledged (or that was found committed), in order. */
  changes: TextChange[];
  /** The text those changes give: what the client believes is stored. */
  text: string;
  /** A batch sent whose answer never came: it may or may not be committed, but only as a whole. */
  inFlight: TextChange[] | null;
}

interface AnnotationLedger {
  documentId: string;
  tagIds: string[];
  /** Notes it may have: the last acknowledged one and any sent after it without an answer. */
  notes: string[];
  acknowledged: boolean;
}

interface Stats {
  rounds: number;
  kills: number;
  killsWhileStarting: number;
  killsWithWritesInFlight: number;
  acknowledgedWrites: number;
  verifiedEdits: number;
  verifiedAnnotations: number;
  unansweredButCommitted: number;
  unansweredAndNotCommitted: number;
}

const PIECES = ['a', 'the ', 'é', '😀', '\n', '中文', ' ', 'Ä', '\r\n', '𝒳', 'word ', '.', '"'];

describe('durability under SIGKILL', () => {
  it(`keeps every acknowledged write through up to ${ROUNDS} kills of the host mid-burst (≤ ${BUDGET_MS / 1000} s)`, async () => {
    const seed = Number(process.env.SCHOLIA_DURABILITY_SEED ?? Date.now() % 1_000_000);
    const random = rng(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
    const path = join(dir, 'workspace.sqlite');

    // Seed: two documents, set up in this process through the same api.
    const docs: DocLedger[] = [];
    let tagIds: string[];
    {
      const ws = await Workspace.open(path);
      const dispatch = createDispatch(createService({ workspace: ws, author: 'seed' }));
      const value = <T>(envelope: unknown): T => {
        const e = envelope as Envelope<T>;
        if (!e.ok) throw new Error(e.error.message);
        return e.value;
      };
      for (const [title, text] of [
        ['Readout', 'Premier Li Qiang met the delegation in Beijing on Monday. 😀 They discussed trade, tariffs and the port. '.repeat(4)],
        ['Press release', 'The ministry said the the reform would continue.We must act,now. 中文 text stays. '.repeat(4)],
      ] as const) {
        const summary = value<DocumentSummary>(await dispatch('documents.create', { title, text }));
        docs.push({ id: summary.id, original: text, changes: [], text, inFlight: null });
      }
      tagIds = value<Tag[]>(await dispatch('tags.list', {})).map((t) => t.id);
      ws.close();
    }

    const annotations = new Map<string, AnnotationLedger>();
    const stats: Stats = {
      rounds: 0,
      kills: 0,
      killsWhileStarting: 0,
      killsWithWritesInFlight: 0,
      acknowledgedWrites: 0,
      verifiedEdits: 0,
      verifiedAnnotations: 0,
      unansweredButCommitted: 0,
      unansweredAndNotCommitted: 0,
    };

    /** Checks the file as the crash left it, then takes what it holds as the new baseline. */
    const verify = (): void => {
      const db = new Database(path, { fileMustExist: true });
      try {
        expect(db.pragma('integrity_check', { simple: true }), `integrity_check after round ${stats.rounds} (seed ${seed})`).toBe('ok');
        expect(db.pragma('foreign_key_check')).toEqual([]);
        for (const doc of docs) {
          const summary = db.prepare('SELECT current_length, edit_count FROM documents WHERE id = ?').get(doc.id) as { current_length: number; edit_count: number } | undefined;
          const row = summary && { ...summary, original_text: readOriginal(db, doc.id)!, current_text: readText(db, doc.id) };
          expect(row, `document ${doc.id}`).toBeDefined();
          const edits = listEdits(db, doc.id);
          // The edit-replay invariant, and the summary columns agree with it.
          expect(row!.original_text).toBe(doc.original);
          expect(replayEdits(row!.original_text, edits)).toBe(row!.current_text);
          expect(row!.current_length).toBe(codePointLength(row!.current_text));
          expect(row!.edit_count).toBe(edits.length);
          // Every acknowledged change is there, in order, exactly as sent.
          expect(edits.length).toBeGreaterThanOrEqual(doc.changes.length);
          expect(edits.slice(0, doc.changes.length).map(({ start, end, inserted }) => ({ start, end, inserted }))).toEqual(doc.changes);
          stats.verifiedEdits += doc.changes.length;
          // Anything past them is the one unanswered batch, whole: a transaction is all or nothing.
          const extra = edits.slice(doc.changes.length).map(({ start, end, inserted }) => ({ start, end, inserted }));
          if (doc.inFlight !== null) {
            if (extra.length > 0) {
              expect(extra).toEqual(doc.inFlight);
              stats.unansweredButCommitted += 1;
            } else {
              stats.unansweredAndNotCommitted += 1;
            }
          } else {
            expect(extra).toEqual([]);
          }
          doc.changes.push(...extra);
          doc.text = row!.current_text;
          doc.inFlight = null;

          const stored = new Map(listAnnotations(db, doc.id).map((a) => [a.id, a]));
          const cps = [...row!.current_text];
          for (const a of stored.values()) {
            const known = annotations.get(a.id);
            expect(known, `annotation ${a.id} was never sent`).toBeDefined();
            if (!a.detached) {
              expect(a.quote, `quote of ${a.id}`).toBe(cps.slice(a.start, a.end).join(''));
            }
          }
          for (const [id, known] of annotations) {
            if (known.documentId !== doc.id) continue;
            const a: Annotation | undefined = stored.get(id);
            if (known.acknowledged) {
              expect(a, `acknowledged annotation ${id}`).toBeDefined();
              stats.verifiedAnnotations += 1;
            }
            if (a === undefined) {
              annotations.delete(id);
              stats.unansweredAndNotCommitted += 1;
              continue;
            }
            if (!known.acknowledged) stats.unansweredButCommitted += 1;
            expect(a.tagIds).toEqual(known.tagIds);
            expect(known.notes).toContain(a.note);
            known.acknowledged = true;
            known.notes = [a.note];
          }
        }
      } finally {
        db.close();
      }
    };

    const started = Date.now();
    let counter = 0;
    for (let round = 0; round < ROUNDS && Date.now() - started < BUDGET_MS; round++) {
      stats.rounds += 1;
      const { kill, ready } = spawnHost(path);
      if (round % 5 === 4) {
        // A crash while the host opens the workspace (quick_check, WAL recovery): nothing may break.
        await new Promise((r) => setTimeout(r, int(0, 500)));
        await kill('SIGKILL');
        stats.kills += 1;
        stats.killsWhileStarting += 1;
        verify();
        continue;
      }
      const host: Host = await ready;

      let stopped = false;
      let inFlight = 0;
      const send = async <T>(method: string, input: unknown): Promise<Envelope<T> | null> => {
        if (stopped) return null;
        inFlight += 1;
        try {
          return await call<T>(host, method, input);
        } catch {
          stopped = true; // the host is gone
          return null;
        } finally {
          inFlight -= 1;
        }
      };
      const acknowledged = <T>(envelope: Envelope<T> | null, what: string): envelope is { ok: true; value: T } => {
        if (envelope === null) return false;
        if (!envelope.ok) throw new Error(`${what} was refused: ${envelope.error.code}: ${envelope.error.message}`);
        stats.acknowledgedWrites += 1;
        return true;
      };

      const editLane = async (doc: DocLedger) => {
        while (!stopped) {
          let text = doc.text;
          const batch: TextChange[] = [];
          for (let n = int(1, 3); n > 0; n--) {
            const length = codePointLength(text);
            const start = int(0, length);
            const big = random() < 0.05 && length < 400_000;
            const inserted = big ? pick(PIECES).repeat(20_000) : Array.from({ length: int(0, 6) }, () => pick(PIECES)).join('');
            const end = length > 300 && random() < 0.5 ? Math.min(length, start + int(1, 8)) : start;
            const change = { start, end, inserted: inserted === '' && end === start ? 'x' : inserted };
            batch.push(change);
            text = applyChange(text, change).text;
          }
          doc.inFlight = batch;
          const envelope = await send<EditsApplied>('edits.apply', { documentId: doc.id, baseEditCount: doc.changes.length, changes: batch });
          if (!acknowledged(envelope, 'edits.apply')) return;
          expect(envelope.value.editCount).toBe(doc.changes.length + batch.length);
          doc.changes.push(...batch);
          doc.text = text;
          doc.inFlight = null;
        }
      };

      const createAnnotation = async () => {
        const doc = pick(docs);
        const id = `r${round}-a${counter++}`;
        const start = int(0, 100);
        const tags = tagIds.filter(() => random() < 0.3);
        const note = random() < 0.5 ? '' : `note ${id} 😀 ${pick(PIECES)}`;
        annotations.set(id, { documentId: doc.id, tagIds: tags, notes: [note], acknowledged: false });
        const envelope = await send<Annotation>('annotations.create', { id, documentId: doc.id, baseEditCount: doc.changes.length, start, end: start + int(1, 20), tagIds: tags, note });
        // An edit in flight may have deleted the range's text since: refused as a conflict, nothing stored.
        if (envelope && !envelope.ok && envelope.error.code === 'conflict') annotations.delete(id);
        else if (acknowledged(envelope, 'annotations.create')) annotations.get(id)!.acknowledged = true;
      };

      const updateNote = async () => {
        const candidates = [...annotations].filter(([, a]) => a.acknowledged);
        if (candidates.length === 0) return;
        const [id, known] = pick(candidates);
        const note = `edited ${counter++} ${pick(PIECES)}`;
        // This lane alone changes notes, so the one known note is the current one.
        const base = known.notes[0]!;
        known.notes.push(note);
        const envelope = await send<Annotation>('annotations.update', { id, note: { base, value: note } });
        if (acknowledged(envelope, 'annotations.update')) known.notes = [note];
      };

      // One lane updates notes (so their order is known); the other fires creations three at a time.
      const sequentialLane = async () => {
        while (!stopped) await (random() < 0.4 ? updateNote() : createAnnotation());
      };
      const parallelLane = async () => {
        while (!stopped) await Promise.all([createAnnotation(), createAnnotation(), createAnnotation()]);
      };

      const lanes = Promise.all([...docs.map(editLane), sequentialLane(), parallelLane()]);
      await new Promise((r) => setTimeout(r, int(100, 700)));
      if (inFlight > 0) stats.killsWithWritesInFlight += 1;
      await host.kill('SIGKILL');
      stats.kills += 1;
      await lanes;
      verify();
    }

    // One last start: the host opens what the crashes left and serves it.
    const host = await spawnHost(path).ready;
    for (const doc of docs) {
      const listed = await call<Annotation[]>(host, 'annotations.list', { documentId: doc.id });
      expect(listed.ok).toBe(true);
      const ids = new Set(listed.ok ? listed.value.map((a) => a.id) : []);
      for (const [id, known] of annotations) if (known.documentId === doc.id) expect(ids.has(id)).toBe(true);
      const got = await call<{ text: string; editCount: number }>(host, 'documents.get', { id: doc.id });
      expect(got.ok && got.value.text).toBe(doc.text);
    }
    await host.kill('SIGTERM');

    console.log(`durability (seed ${seed}): ${JSON.stringify(stats)} in ${Math.round((Date.now() - started) / 1000)} s`);
    expect(stats.rounds).toBeGreaterThanOrEqual(5);
    expect(stats.killsWithWritesInFlight).toBeGreaterThan(0);
  }, 120_000);
});
