// Issue 13: native export of a long document before and after it has the
// edits the bench's store measurement leaves (EDITS_MEASURED), in this process
// alone; the same figures `npm run bench` takes, without the browser:
//   node_modules/.bin/tsx tests/bench/export-edits.ts [1mb|5mb|15mb ...]
// Not a test: wall-clock times vary with the machine's load (print `uptime` beside them).

import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { importFiles } from '../../src/api/node/transfer';
import { listTags } from '../../src/store/tags';
import { Workspace } from '../../src/store/workspace';
import { generateAnnotations, generateText } from './generate';
import { EDITS_MEASURED, insertAnnotations, measureEdits, measureFormats } from './node-figures';
import { round } from './stats';

const SIZES: Record<string, { bytes: number; annotations: number }> = {
  '1mb': { bytes: 1_000_000, annotations: 10_000 },
  '5mb': { bytes: 5_000_000, annotations: 50_000 },
  '15mb': { bytes: 15_000_000, annotations: 150_000 },
};

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
      const plain = measureFormats(workspace, documentId, 3);
      measureEdits(workspace, documentId);
      const edited = measureFormats(workspace, documentId, 3);
      const load = loadavg().map((l) => l.toFixed(2)).join(' ');
      console.log(
        `${key}: export native ${round(plain.exportNativeMs)} ms (store read ${round(plain.storeReadMs)}), ` +
          `with ${EDITS_MEASURED} edits ${round(edited.exportNativeMs)} ms (store read ${round(edited.storeReadMs)}); load average ${load}`,
      );
    } finally {
      workspace.close();
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
