// A new workspace in a temporary folder and the api as a window calls it:
// `send` answers the envelope, `call` gives the value or throws with the
// error's code, `failure` gives the error of a call that must fail.
// Workspaces are closed after each test.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import { Workspace } from '../../src/store/workspace';

export type Call = <T>(method: string, input: unknown) => Promise<T>;

export function workspaceApis(prefix: string, { author = 'tester' }: { author?: string } = {}) {
  const open: Workspace[] = [];
  afterEach(() => {
    for (const w of open.splice(0)) w.close();
  });
  return async () => {
    const ws = await Workspace.open(join(mkdtempSync(join(tmpdir(), `scholia-${prefix}-`)), 'workspace.sqlite'));
    open.push(ws);
    const dispatch = createDispatch(createService({ workspace: ws, author }));
    const send = async <T,>(method: string, input: unknown) => (await dispatch(method, input)) as Envelope<T>;
    const call: Call = async <T,>(method: string, input: unknown): Promise<T> => {
      const envelope = await send<T>(method, input);
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
      return envelope.value;
    };
    const failure = async (method: string, input: unknown) => {
      const envelope = await send<unknown>(method, input);
      if (envelope.ok) throw new Error(`${method} did not fail`);
      return envelope.error;
    };
    return { ws, dispatch, send, call, failure };
  };
}
