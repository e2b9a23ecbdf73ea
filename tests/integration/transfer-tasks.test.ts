// Long imports run where they keep no one waiting (issue 12, item 10): on the
// real web host, another client's calls are answered while a large import is
// running, the import tells how far it has come, and a cancelled import leaves
// the workspace as it was.

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransferExport, TransferImport, TransferProgress, WorkspaceInfo } from '../../src/api/common/contract';
import type { DocumentSummary } from '../../src/core/model';
import { exportFiles } from '../../src/api/node/transfer';
import { insertAnnotation } from '../../src/store/annotations';
import { insertDocument } from '../../src/store/documents';
import { Workspace } from '../../src/store/workspace';
import { call, killAllHosts, must, startHost, type Host } from './reliability-host';

const dir = mkdtempSync(join(tmpdir(), 'scholia-transfer-tasks-'));
/** A native export of many documents with annotations: seconds to import. */
let bigFile: { name: string; contentBase64: string };

beforeAll(async () => {
  const source = await Workspace.open(join(dir, 'source.sqlite'));
  source.transaction(() => {
    for (let d = 0; d < 1500; d++) {
      const text = `Document ${d}. The minister said the plan will go ahead. `.repeat(20);
      const document = insertDocument(source.db, { title: `Doc ${d}`, text, sha256: createHash('sha256').update(text).digest('hex') });
      for (let a = 0; a < 10; a++) {
        const start = a * 60;
        insertAnnotation(source.db, {
          id: `${document.id}-${a}`,
          documentId: document.id,
          start,
          end: start + 8,
          quote: text.slice(start, start + 8),
          tagIds: [],
          note: '',
          attributes: {},
          author: 'a',
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          detached: false,
        });
      }
    }
  });
  const exported: TransferExport = exportFiles(source, 'all', 'native', '2026-01-01T00:00:00.000Z');
  source.close();
  bigFile = { name: exported.files[0]!.name, contentBase64: Buffer.from(exported.files[0]!.content, 'utf8').toString('base64') };
}, 120_000);

afterAll(async () => {
  await killAllHosts();
  rmSync(dir, { recursive: true, force: true });
});

/** Asks for the task's progress until it is in `phase`; fails if the import answered first. */
async function running(host: Host, taskId: string, phase: TransferProgress['phase'], answered: () => boolean): Promise<TransferProgress> {
  for (;;) {
    if (answered()) throw new Error(`the import answered before its progress showed ${phase}`);
    const progress = await must<TransferProgress | null>(host, 'transfer.progress', { taskId });
    if (progress !== null && progress.phase === phase) return progress;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('a large import on the web host', () => {
  it('leaves other calls answered while it runs, and tells how far it is', async () => {
    const host = await startHost(join(dir, 'busy.sqlite'));
    let importDone = false;
    const importing = call<TransferImport>(host, 'transfer.import', { files: [bigFile], taskId: 'busy-import' }).finally(() => {
      importDone = true;
    });
    const progress = await running(host, 'busy-import', 'writing', () => importDone);
    expect(progress.total).toBe(1500);
    // Another client asks meanwhile: answered while the import is still running.
    const info = await must<WorkspaceInfo>(host, 'workspace.info', {});
    expect(importDone).toBe(false);
    expect(info.documentCount).toBe(0);
    const imported = await importing;
    expect(imported.ok && imported.value.documentIds.length).toBe(1500);
    expect((await must<WorkspaceInfo>(host, 'workspace.info', {})).documentCount).toBe(1500);
    // Finished: no progress to tell, nothing to cancel.
    expect(await must(host, 'transfer.progress', { taskId: 'busy-import' })).toBeNull();
    expect(await must(host, 'transfer.cancel', { taskId: 'busy-import' })).toEqual({ cancelled: false });
  }, 180_000);

  it('cancelled, leaves the workspace unchanged', async () => {
    const host = await startHost(join(dir, 'cancel.sqlite'));
    const before = await must<DocumentSummary[]>(host, 'documents.list', {});
    let importDone = false;
    const importing = call<TransferImport>(host, 'transfer.import', { files: [bigFile], taskId: 'cancelled-import' }).finally(() => {
      importDone = true;
    });
    // Cancelled in the middle of writing: the documents written so far go with the transaction.
    await running(host, 'cancelled-import', 'writing', () => importDone);
    expect(await must(host, 'transfer.cancel', { taskId: 'cancelled-import' })).toEqual({ cancelled: true });
    const outcome = await importing;
    expect(outcome).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await must<DocumentSummary[]>(host, 'documents.list', {})).toEqual(before);
    expect((await must<WorkspaceInfo>(host, 'workspace.info', {})).documentCount).toBe(before.length);
    // The workspace takes the same file afterwards, whole.
    const again = await must<TransferImport>(host, 'transfer.import', { files: [bigFile] });
    expect(again.documentIds).toHaveLength(1500);
  }, 180_000);
});
