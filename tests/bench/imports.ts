// Issue 12, item 10: how imports and edits grow with their input. Prints one
// line per case with the milliseconds it took; run before and after a change:
//   node_modules/.bin/tsx tests/bench/imports.ts [case-name-substring]
// Not a test: wall-clock times vary with the machine, the shape is what counts
// (doubling the input should about double the time).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createService } from '../../src/api/node/service';
import { importFiles } from '../../src/api/node/transfer';
import { insertAnnotation } from '../../src/store/annotations';
import { TextLayout } from '../../src/store/text';
import { Workspace } from '../../src/store/workspace';

const dir = mkdtempSync(join(tmpdir(), 'scholia-bench-imports-'));
let n = 0;
const request = { format: 'auto' as const, author: 'bench', now: '2026-01-01T00:00:00.000Z' };
const file = (name: string, content: string) => ({ name, bytes: Buffer.from(content, 'utf8') });

async function measure(name: string, run: (ws: Workspace) => Promise<unknown> | unknown, setup?: (ws: Workspace) => Promise<void> | void): Promise<void> {
  const filter = process.argv[2];
  if (filter !== undefined && !name.includes(filter)) return;
  const ws = await Workspace.open(join(dir, `w${++n}.sqlite`));
  try {
    await setup?.(ws);
    const started = performance.now();
    let outcome = 'ok';
    try {
      await run(ws);
    } catch (error) {
      outcome = `refused: ${(error as Error).message.slice(0, 100)}`;
    }
    console.log(`${name.padEnd(48)} ${(performance.now() - started).toFixed(0).padStart(7)} ms  ${outcome}`);
  } finally {
    ws.close();
  }
}

const nativeFile = (tags: object[], documents: object[] = []) =>
  file('bench.scholia.json', JSON.stringify({ format: 'scholia-annotations', version: 1, exportedAt: request.now, tags, documents }));
const tag = (i: number, parent: string | null) => ({ id: `t${i}`, name: `Tag ${i}`, color: '#112233', parent, key: null, description: '' });

for (const count of [1000, 2000, 4000]) {
  await measure(`native import, ${count} tags`, (ws) => importFiles(ws, [nativeFile(Array.from({ length: count }, (_, i) => tag(i, null)))], request));
}
await measure('native import, 5,000-deep tag chain', (ws) => importFiles(ws, [nativeFile(Array.from({ length: 5000 }, (_, i) => tag(i, i === 0 ? null : `t${i - 1}`)))], request));

const words = Array.from({ length: 5000 }, (_, i) => `w${i}`);
const starts = words.map((_, i) => words.slice(0, i).reduce((sum, w) => sum + w.length + 1, 0));
const labels = file('labels.jsonl', `${JSON.stringify({ text: words.join(' '), label: words.map((w, i) => [starts[i]!, starts[i]! + w.length, `L${i}`]) })}\n`);
await measure('doccano import, 5,000 labels', (ws) => importFiles(ws, [labels], request));

const MiB = 'The minister said the plan will go ahead. '.repeat(Math.ceil((1024 * 1024) / 43)).slice(0, 1024 * 1024);
await measure(
  'W3C anchoring, 20 quotes of "the" with a matching 2,000-char prefix, 1 MiB',
  async (ws) => {
    const documentId = (ws.db.prepare('SELECT id FROM documents').get() as { id: string }).id;
    // The text repeats, so the prefix matches before every occurrence of the quote: the worst case.
    const at = MiB.indexOf('the plan', 4000);
    const annotations = Array.from({ length: 20 }, (_, i) => ({
      type: 'Annotation',
      id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      target: { source: `urn:scholia:document:${documentId}`, selector: [{ type: 'TextQuoteSelector', exact: 'the', prefix: MiB.slice(at - 2000, at), suffix: 'y' }] },
    }));
    await importFiles(ws, [file('w3c.jsonld', JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection', first: { type: 'AnnotationPage', items: annotations } }))], { ...request, format: 'w3c', documentId });
  },
  async (ws) => void (await importFiles(ws, [file('big.txt', MiB)], request)),
);

interface EditsShape {
  /** Annotations spread evenly over the text, each this many code points long (2 when not said). */
  annotations?: { count: number; length?: number };
  changes: number;
  /** Changes at one place, as typing sends them, instead of spread over the text back to front. */
  typing?: boolean;
}

async function editsCase(name: string, text: string, shape: EditsShape): Promise<void> {
  let documentId = '';
  const length = [...text].length;
  const changeCount = shape.changes;
  await measure(
    name,
    (ws) => {
      const api = createService({ workspace: ws, author: 'bench' });
      const step = Math.floor(length / (changeCount + 1));
      // Spread: back to front, as "Fix all safe" sends them, each change's offsets hold on the text before it.
      // Typing: a character after the previous one, in the middle of the text.
      const changes = Array.from({ length: changeCount }, (_, i) =>
        shape.typing ? { start: (length >> 1) + i, end: (length >> 1) + i, inserted: 'X' } : { start: (changeCount - i) * step, end: (changeCount - i) * step + 1, inserted: 'X' },
      );
      api['edits.apply']({ documentId, baseEditCount: 0, changes, origin: 'manual' });
    },
    async (ws) => {
      documentId = (await importFiles(ws, [file('doc.txt', text)], request)).documentIds[0]!;
      const count = shape.annotations?.count ?? 0;
      const span = shape.annotations?.length ?? 2;
      const points = [...text];
      ws.transaction(() => {
        const step = Math.floor((length - span) / (count + 1));
        const layout = TextLayout.read(ws.db, documentId);
        for (let i = 0; i < count; i++) {
          const quote = points.slice(i * step, i * step + span).join('');
          insertAnnotation(ws.db, { id: `a${i}`, documentId, start: i * step, end: i * step + span, quote, tagIds: [], note: '', attributes: {}, author: 'b', createdAt: 'x', updatedAt: 'x', detached: false }, layout);
        }
      });
    },
  );
}
// Astral characters (emoji) make every code point offset a lookup.
const emojiMiB = 'The minister 👍 said the plan 🇫🇷 will go ahead. '.repeat(Math.ceil((1024 * 1024) / 50)).slice(0, 1024 * 1024 - 2);
await editsCase('edits.apply, 5,000 changes, 1 MiB, 10k annotations', MiB, { annotations: { count: 10_000 }, changes: 5000 });
await editsCase('edits.apply, 5,000 changes, 1 MiB, 10k annotations of 2,000', MiB, { annotations: { count: 10_000, length: 2000 }, changes: 5000 });
await editsCase('edits.apply, 10,000 changes, 1 MiB emoji, 10k annotations of 2,000', emojiMiB, { annotations: { count: 10_000, length: 2000 }, changes: 10_000 });
await editsCase('edits.apply, 5,000 typed, 1 MiB, 10k annotations of 2,000', MiB, { annotations: { count: 10_000, length: 2000 }, changes: 5000, typing: true });
await editsCase('edits.apply, 1,000 changes, 10 MiB', MiB.repeat(10), { changes: 1000 });
await editsCase('edits.apply, 10,000 changes, 10 MiB emoji', emojiMiB.repeat(10), { changes: 10_000 });

rmSync(dir, { recursive: true, force: true });
