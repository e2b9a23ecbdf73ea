// An import or export the user can follow and cancel: past SHOW_AFTER_MS a
// toast shows how far it has come (asked of the host, which runs it apart)
// with a Cancel button. A cancelled import writes nothing and a cancelled
// export gives no files: the call then fails with the code `cancelled`.

import { toast } from 'svelte-sonner';
import { ApiCallError, type ApiClient } from '../../api/common/client';
import type { Input, Output, TransferProgress } from '../../api/common/contract';

/** Quicker than this, a transfer shows nothing: the answer is there before a toast would be read. */
const SHOW_AFTER_MS = 300;
const POLL_MS = 250;

type Tracked = 'transfer.import' | 'transfer.export';

/** Runs the import or export; `label` names it in the toast ("Importing report.json"). */
export async function trackedTransfer<M extends Tracked>(client: ApiClient, method: M, input: Input<M>, label: string): Promise<Output<M>> {
  const taskId = crypto.randomUUID();
  const toastId = `transfer-${taskId}`;
  let finished = false;
  let shown = false;
  const cancel = () => {
    toast.loading(`${label}: cancelling…`, { id: toastId, duration: Number.POSITIVE_INFINITY, dismissible: false });
    void client.call('transfer.cancel', { taskId }).catch(() => undefined);
  };
  const show = (progress: TransferProgress | null) => {
    if (finished) return;
    shown = true;
    toast.loading(label, {
      id: toastId,
      description: describe(progress),
      duration: Number.POSITIVE_INFINITY,
      dismissible: false,
      action: { label: 'Cancel', onClick: cancel },
    });
  };
  const poll = async () => {
    while (!finished) {
      const progress = await client.call('transfer.progress', { taskId }).catch(() => null);
      if (!finished) show(progress);
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  };
  const timer = setTimeout(() => void poll(), SHOW_AFTER_MS);
  try {
    return await client.call(method, { ...input, taskId } as Input<M>);
  } finally {
    finished = true;
    clearTimeout(timer);
    if (shown) toast.dismiss(toastId);
  }
}

/** Whether a transfer failed because the user cancelled it. */
export function wasCancelled(error: unknown): boolean {
  return error instanceof ApiCallError && error.code === 'cancelled';
}

function describe(progress: TransferProgress | null): string {
  if (progress === null) return 'Starting…';
  const { phase, done, total } = progress;
  if (phase === 'reading') return `Reading file ${Math.min(done + 1, total)} of ${total}`;
  if (phase === 'writing') return `Writing document ${done} of ${total}`;
  return done === 0 ? 'Reading the workspace' : 'Writing the files';
}
