import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exportFormats, importFormats } from '../../../src/api/common/contract';
import type { WorkspaceExport } from '../../../src/core/formats/bundle';
import { groupFiles } from '../../../src/core/formats/file-groups';
import type { FormatImportContext } from '../../../src/core/formats/format';
import { formatList, type ExportFormatId } from '../../../src/core/formats/format-list';
import { exportAs, formats, importerOf } from '../../../src/core/formats/registry';
import type { Tag } from '../../../src/core/model';
import { workspaceFor } from './arbitraries';
import { counter, sampleWorkspace, T1 } from './sample';

describe('the format registry', () => {
  it('is what the contract offers', () => {
    expect(exportFormats).toEqual(formatList.filter((f) => f.exports).map((f) => f.id));
    expect([...importFormats].sort()).toEqual(['auto', ...formatList.filter((f) => f.imports).map((f) => f.id)].sort());
  });

  it('has code for what each format says it does', () => {
    for (const format of formats) {
      expect(format.import !== undefined, `${format.id} imports`).toBe(format.imports);
      expect(format.export !== undefined, `${format.id} exports`).toBe(format.exports);
      if ('standoff' in format) expect(format.extensions).toEqual(expect.arrayContaining([format.standoff.text, format.standoff.annotations]));
    }
  });
});

/** What a user sees of a workspace: each document's text and its annotations, tags by path. */
function view(workspace: WorkspaceExport) {
  const byId = new Map(workspace.tags.map((tag) => [tag.id, tag]));
  const path = (tag: Tag | undefined): string => (tag === undefined ? '?' : tag.parentId === null ? tag.name : `${path(byId.get(tag.parentId))}/${tag.name}`);
  return workspace.documents.map(({ document, annotations }) => ({
    text: document.text,
    annotations: annotations
      .map((a) => ({ start: a.start, end: a.end, detached: a.detached, tags: a.tagIds.map((id) => path(byId.get(id))).sort(), note: a.note, attributes: a.attributes }))
      .sort((x, y) => x.start - y.start || x.end - y.end || JSON.stringify(x).localeCompare(JSON.stringify(y))),
  }));
}

/** Exported by the registry, detected and grouped as an import of those files would be, and read back. */
async function roundTrip(id: ExportFormatId, workspace: WorkspaceExport): Promise<WorkspaceExport> {
  const { files } = exportAs(id, workspace, { all: true, exportedAt: T1 });
  const info = formatList.find((f) => f.id === id)!;
  for (const file of files) expect(info.extensions.some((ext) => file.name.endsWith(`.${ext}`)), file.name).toBe(true);
  const groups = groupFiles(
    files.map((f) => ({ name: f.name, bytes: new TextEncoder().encode(f.content) })),
    'auto',
  );
  const newId = counter();
  const context: FormatImportContext = {
    options: (file) => ({ file, tags: [], author: 'ana', newId, now: () => T1 }),
    document: () => workspace.documents[0]!.document,
  };
  const back: WorkspaceExport = { tags: [], documents: [] };
  for (const group of groups) {
    expect(group.format).toBe(id);
    const imported = await importerOf(group.format)(group, context);
    if (imported.kind === 'documents') {
      back.tags.push(...imported.bundle.tags);
      back.documents.push(...imported.bundle.documents);
    } else {
      back.tags.push(...imported.tags);
      back.documents.push({ document: imported.document, annotations: imported.annotations, edits: [] });
    }
  }
  return back;
}

describe.each(formats.filter((f) => f.imports && f.exports).map((f) => f.id as ExportFormatId))('%s round trip', (id) => {
  it('reads back its own files, by detection, and a second round trip changes nothing', async () => {
    // One document (formats of annotations only go onto one), with text: an empty file is no document.
    // Known, left to the brat import work: a brat document without annotations exports an empty .ann, which its import refuses.
    const annotated = (ws: WorkspaceExport) => id !== 'brat' || exportAs(id, ws, { all: true, exportedAt: T1 }).files.every((f) => f.content !== '');
    const workspaces = workspaceFor(id)
      .filter((ws) => ws.documents.length > 0 && ws.documents[0]!.document.text !== '')
      .map((ws) => ({ ...ws, documents: ws.documents.slice(0, 1) }))
      .filter(annotated);
    await fc.assert(
      fc.asyncProperty(workspaces, async (workspace) => {
        const once = await roundTrip(id, workspace);
        expect(once.documents.map((d) => d.document.text)).toEqual(workspace.documents.map((d) => d.document.text));
        const twice = await roundTrip(id, once);
        expect(view(twice)).toEqual(view(once));
      }),
      { numRuns: 30 },
    );
  });
});

describe('exported file names', () => {
  const workspace = (): WorkspaceExport => {
    const ws = sampleWorkspace();
    return { ...ws, documents: ws.documents.slice(0, 1) };
  };
  const names = (id: ExportFormatId) => exportAs(id, workspace(), { all: false, exportedAt: T1 }).files.map((f) => f.name);

  it('say the format: brat is <title>.brat.txt and .brat.ann, plain text <title>.txt, so the two never collide', () => {
    const title = workspace().documents[0]!.document.title;
    expect(names('brat')).toEqual([`${title}.brat.txt`, `${title}.brat.ann`]);
    expect(names('text')).toEqual([`${title}.txt`]);
  });

  it('a brat export imports back as one document per pair, titled as before', async () => {
    const back = await roundTrip('brat', workspace());
    expect(back.documents.map((d) => d.document.title)).toEqual([workspace().documents[0]!.document.title]);
  });
});
