// A new workspace in a temporary folder and the api as a window calls it
// (dispatch answers envelopes; `call` gives the value or throws with the
// error's code). Workspaces are closed after each test.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import { Workspace } from '../../src/store/workspace';

export function workspaceApis(prefix: string) {
  const open: Workspace[] = [];
  afterEach(() => {
    for (const w of open.splice(0)) w.close();
  });
  return async () => {
    const ws = await Workspace.open(join(mkdtempSync(join(tmpdir(), `scholia-${prefix}-`)), 'workspace.sqlite'));
    open.push(ws);
    const dispatch = createDispatch(createService({ workspace: ws, author: 'tester' }));
    const call = async <T,>(method: string, input: unknown): Promise<T> => {
      const envelope = (await dispatch(method, input)) as Envelope<T>;
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
      return envelope.value;
    };
    return { ws, call };
  };
}
