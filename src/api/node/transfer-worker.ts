// A worker thread running one import or export (transfer-tasks.ts) over its
// own connection to the workspace, so the host's thread keeps answering other
// calls meanwhile. Posts its progress, then its result or its error; stops at
// the next step once the cancel flag is set (an import's transaction then
// rolls back).

import { parentPort, workerData } from 'node:worker_threads';
import { Workspace } from '../../store/workspace';
import { toApiError, TransferCancelled } from './errors';
import type { TransferWorkerData, TransferWorkerMessage } from './transfer-tasks';
import { exportFiles, importFiles, type TransferControl } from './transfer';

const { workspacePath, nativeBinding, job, cancelFlag } = workerData as TransferWorkerData;
const cancelled = new Int32Array(cancelFlag);
const post = (message: TransferWorkerMessage) => parentPort!.postMessage(message);
const control: TransferControl = {
  progress: (progress) => post({ type: 'progress', progress }),
  checkCancelled: () => {
    if (Atomics.load(cancelled, 0) !== 0) throw new TransferCancelled(job.kind);
  },
};

let workspace: Workspace | undefined;
try {
  workspace = await Workspace.open(workspacePath, { nativeBinding });
  const value =
    job.kind === 'import'
      ? // Structured cloning made the files' Buffers plain Uint8Arrays, which the importers read alike.
        await importFiles(workspace, job.files, job.request, control)
      : exportFiles(workspace, job.documentIds, job.format, job.exportedAt, control);
  post({ type: 'done', value });
} catch (error) {
  post({ type: 'failed', error: toApiError(error) });
} finally {
  workspace?.close();
}
