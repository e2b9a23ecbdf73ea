// A finding next to an astral character can be dismissed through the api and
// stays dismissed when the document is opened again (the editor's findings
// plugin, fed with the stored dismissals).

import { EditorState } from 'prosemirror-state';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import { createDispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import type { Dismissal, DocumentRecord } from '../../src/core/model';
import { allFindings, findingsPlugin } from '../../src/renderer/editor/findings';
import { textToDoc } from '../../src/renderer/editor/text-doc';
import { Workspace } from '../../src/store/workspace';

const open: Workspace[] = [];
afterEach(() => {
  for (const w of open.splice(0)) w.close();
});

it('dismisses the repeated spaces in “Go 😀aaaaaaaaaa word  next one”', async () => {
  const ws = await Workspace.open(join(mkdtempSync(join(tmpdir(), 'scholia-test-')), 'workspace.sqlite'));
  open.push(ws);
  const dispatch = createDispatch(createService({ workspace: ws, author: 'tester' }));
  // documents.create answers with a promise (it hashes the text first), so every call is awaited.
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const envelope = (await dispatch(method, input)) as Envelope<T>;
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.value;
  };
  const text = 'Go 😀aaaaaaaaaa word  next one';
  const document = await call<DocumentRecord>('documents.create', { title: 'Astral', text });
  const shown = (dismissals: readonly Dismissal[]) => {
    const doc = textToDoc(text);
    return allFindings(EditorState.create({ doc, plugins: [findingsPlugin(dismissals)] })).filter((f) => f.finding.rule === 'repeated-spaces');
  };

  const [finding] = shown([]);
  expect(finding).toBeDefined();
  expect(await call('findings.dismiss', { documentId: document.id, dismissal: finding!.dismissal })).toEqual({ dismissed: true });
  const stored = await call<Dismissal[]>('findings.dismissals', { documentId: document.id });
  expect(stored).toEqual([finding!.dismissal]);
  expect(shown(stored)).toEqual([]);
});
