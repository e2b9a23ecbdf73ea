// Imports and exports as tasks a caller can follow and cancel: each is known
// by the taskId its caller chose, answers transfer.progress while it runs, and
// stops on transfer.cancel with nothing written. The hosts run them in a
// worker thread over its own connection to the workspace, so a long import
// never keeps other calls (other windows) waiting; elsewhere (the command
// line, tests) they run in the calling thread, yielding between files.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IncomingFile } from '../../core/formats';
import type { Workspace } from '../../store/workspace';
import type { ApiError, ExportFormat, TransferExport, TransferImport, TransferProgress } from '../common/contract';
import { RequestError, TransferCancelled } from './errors';
import { exportFiles, importFiles, type ImportRequest, type TransferControl } from './transfer';

export type TransferJob =
  | { kind: 'import'; files: IncomingFile[]; request: ImportRequest }
  | { kind: 'export'; documentIds: string[] | 'all'; format: ExportFormat; exportedAt: string };

type Outcome<J extends TransferJob> = J extends { kind: 'import' } ? TransferImport : TransferExport;

/** What the worker thread is given (transfer-worker.ts). */
export interface TransferWorkerData {
  workspacePath: string;
  nativeBinding: string | undefined;
  job: TransferJob;
  /** One Int32: set to 1 when the caller cancels. */
  cancelFlag: SharedArrayBuffer;
}

/** What the worker thread posts back. */
export type TransferWorkerMessage = { type: 'progress'; progress: TransferProgress } | { type: 'done'; value: TransferImport | TransferExport } | { type: 'failed'; error: ApiError };

export interface Transfers {
  run<J extends TransferJob>(job: J, taskId: string | undefined): Promise<Outcome<J>>;
  progress(taskId: string): TransferProgress | null;
  /** False when no task with that id is running. */
  cancel(taskId: string): boolean;
}

interface Task {
  progress: TransferProgress;
  cancel(): void;
}

/** Where to run: in this thread, or in a worker thread opening the workspace by its path (with the host's better-sqlite3 build). */
export type TransferThread = { kind: 'here' } | { kind: 'worker'; nativeBinding?: string | undefined };

export function createTransfers(workspace: Workspace, thread: TransferThread = { kind: 'here' }): Transfers {
  const tasks = new Map<string, Task>();
  const start = (job: TransferJob): TransferProgress => (job.kind === 'import' ? { phase: 'reading', done: 0, total: job.files.length } : { phase: 'exporting', done: 0, total: 2 });
  return {
    async run<J extends TransferJob>(job: J, taskId: string | undefined): Promise<Outcome<J>> {
      if (taskId !== undefined && tasks.has(taskId)) throw new RequestError('conflict', `an import or export with task id ${taskId} is already running`);
      const task: Task = { progress: start(job), cancel: () => {} };
      if (taskId !== undefined) tasks.set(taskId, task);
      try {
        return (await (thread.kind === 'worker' ? inWorker(workspace.path, thread.nativeBinding, job, task) : here(workspace, job, task))) as Outcome<J>;
      } finally {
        if (taskId !== undefined) tasks.delete(taskId);
      }
    },
    progress: (taskId) => tasks.get(taskId)?.progress ?? null,
    cancel(taskId) {
      const task = tasks.get(taskId);
      task?.cancel();
      return task !== undefined;
    },
  };
}

async function here(workspace: Workspace, job: TransferJob, task: Task): Promise<TransferImport | TransferExport> {
  let cancelled = false;
  task.cancel = () => {
    cancelled = true;
  };
  const control: TransferControl = {
    progress: (p) => {
      task.progress = p;
    },
    checkCancelled: () => {
      if (cancelled) throw new TransferCancelled(job.kind);
    },
  };
  // A turn of the event loop first, so a cancel (or any other call) sent meanwhile is heard.
  await new Promise((resolve) => setImmediate(resolve));
  return job.kind === 'import' ? importFiles(workspace, job.files, job.request, control) : exportFiles(workspace, job.documentIds, job.format, job.exportedAt, control);
}

function inWorker(workspacePath: string, nativeBinding: string | undefined, job: TransferJob, task: Task): Promise<TransferImport | TransferExport> {
  const cancelFlag = new SharedArrayBuffer(4);
  const data: TransferWorkerData = { workspacePath, nativeBinding, job, cancelFlag };
  const worker = new Worker(workerEntry(), { workerData: data });
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    task.cancel = () => {
      // The worker stops at its next step; an import rolls back its transaction. An export wrote nothing: stop it at once.
      Atomics.store(new Int32Array(cancelFlag), 0, 1);
      if (job.kind === 'export') {
        settle(() => reject(new TransferCancelled('export')));
        void worker.terminate();
      }
    };
    worker.on('message', (message: TransferWorkerMessage) => {
      if (message.type === 'progress') task.progress = message.progress;
      else if (message.type === 'done') settle(() => resolve(message.value));
      else settle(() => reject(message.error.code === 'cancelled' ? new TransferCancelled(job.kind) : new RequestError(message.error.code, message.error.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`the ${job.kind} stopped before it finished (worker exit code ${code})`))));
  });
}

/**
 * The worker's script: next to the built entry (out/cli, out/main) or one
 * folder up from a chunk. From the sources (development, tests under tsx),
 * the .ts next to this module, loaded after registering tsx in the worker
 * (a worker inherits no loader hooks).
 */
function workerEntry(): URL {
  if (import.meta.url.endsWith('.ts')) {
    const source = new URL('./transfer-worker.ts', import.meta.url).href;
    const boot = `import { register } from ${JSON.stringify(import.meta.resolve('tsx/esm/api'))}; register(); await import(${JSON.stringify(source)});`;
    return new URL(`data:text/javascript,${encodeURIComponent(boot)}`);
  }
  for (const candidate of ['./transfer-worker.js', '../transfer-worker.js']) {
    const url = new URL(candidate, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error('transfer-worker.js is not built next to the host (run npm run build)');
}
