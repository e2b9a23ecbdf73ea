// Issue 13: native export of a long document (the store read and the JSON, as
// the api's export does) before and after it has the edits the bench's store
// measurement leaves (EDITS_MEASURED), in this process alone, without the browser:
//   node_modules/.bin/tsx tests/bench/export-edits.ts [1mb|5mb|15mb ...]
// Not a test. Wall-clock times vary with the machine's load (the load average
// is printed beside them); the process's CPU time varies much less on a
// shared machine, so it is printed too.

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/api/node/transfer';
import { exportNative } from '../../src/core/formats';
import { exportBundle } from '../../src/store/export-bundle';
import { listTags } from '../../src/store/tags';
import { Workspace } from '../../src/store/workspace';
import { generateAnnotations, generateText } from './generate';
import { EDITS_MEASURED, measureEdits } from './edit-figures';
import { insertAnnotations } from './node-figures';
import { median, round } from './stats';

const SIZES: Record<string, { bytes: number; annotations: number }> = {
  '1mb': { bytes: 1_000_000, annotations: 10_000 },
  '5mb': { bytes: 5_000_000, annotations: 50_000 },
  '15mb': { bytes: 15_000_000, annotations: 150_000 },
};

interface ExportFigures {
  wallMs: number;
  cpuMs: number;
}

/** The document read from the store and written as native JSON: medians of 3. */
function measureExport(workspace: Workspace, documentId: string): ExportFigures {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < 3; k++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    exportNative(exportBundle(workspace.db, [documentId]));
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

const wanted = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'scholia-bench-export-'));
try {
  for (const key of wanted.length > 0 ? wanted : ['1mb', '5mb']) {
    const size = SIZES[key];
    if (!size) throw new Error(`unknown size ${key} (one of ${Object.keys(SIZES).join(', ')})`);
    const { text } = generateText(size.bytes);
    const workspace = await Workspace.open(join(dir, `${key}.sqlite`));
    try {
      const request = { format: 'auto' as const, author: 'bench', now: new Date().toISOString() };
      await importFiles(workspace, [{ name: `readout-${key}.txt`, bytes: Buffer.from(text, 'utf8') }], request);
      const documentId = (workspace.db.prepare('SELECT id FROM documents').get() as { id: string }).id;
      const tagIds = listTags(workspace.db)
        .filter((t) => t.parentId === null)
        .map((t) => t.id);
      insertAnnotations(workspace, documentId, text, generateAnnotations(text, size.annotations, tagIds));
      const plain = measureExport(workspace, documentId);
      measureEdits(workspace, documentId);
      const edited = measureExport(workspace, documentId);
      const load = loadavg().map((l) => l.toFixed(2)).join(' ');
      const show = (f: ExportFigures) => `${round(f.wallMs)} ms (CPU ${round(f.cpuMs)} ms)`;
      console.log(`${key}: export native ${show(plain)}, with ${EDITS_MEASURED} edits ${show(edited)}; load average ${load}`);
    } finally {
      workspace.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
