// Export and import figures measured in a process of their own, on the
// stored document, as an export from the command line or the host would run:
// the bench's own heap (browsers' data, generated inputs) would otherwise add
// its garbage collection to them.
//
//   node --import tsx tests/bench/formats-child.ts WORKSPACE DOCUMENT_ID RUNS  → one JSON line

import { Workspace } from '../../src/store/workspace';
import { measureFormats } from './node-figures';

const [path, documentId, runs] = process.argv.slice(2);
if (!path || !documentId) {
  process.stderr.write('usage: formats-child.ts WORKSPACE DOCUMENT_ID [RUNS]\n');
  process.exit(2);
}
const workspace = await Workspace.open(path);
try {
  process.stdout.write(`${JSON.stringify(measureFormats(workspace, documentId, Number(runs ?? 5)))}\n`);
} finally {
  workspace.close();
}
