// Every format's code, by id: one line per format. Its facts (label, what it
// holds) are in format-list.ts, which the renderer can load without this.

import { bratFormat } from './brat';
import type { WorkspaceExport } from './bundle';
import { doccanoFormat } from './doccano';
import { fileStem } from './file-names';
import type { ExportedFiles, FormatCodec } from './format';
import { formatInfo, formatList, type ExportFormatId, type FormatId, type ImportFormatId } from './format-list';
import { nativeFormat } from './native';
import { plainTextFormat } from './plaintext';
import { textPairFormat } from './text-pair';
import { tmxFormat } from './tmx';
import { w3cFormat } from './w3c';
import { xliffFormat } from './xliff';

const codecs: { [K in FormatId]: FormatCodec } = {
  native: nativeFormat,
  w3c: w3cFormat,
  brat: bratFormat,
  doccano: doccanoFormat,
  xliff: xliffFormat,
  tmx: tmxFormat,
  'text-pair': textPairFormat,
  text: plainTextFormat,
};

/** The formats in the list's order, each with its facts and code. */
export const formats = formatList.map((info) => ({ ...info, ...codecs[info.id] }));

export type Importer = NonNullable<FormatCodec['import']>;
export type Exporter = NonNullable<FormatCodec['export']>;

export function importerOf(id: ImportFormatId): Importer {
  const importer = codecs[id].import;
  if (importer === undefined) throw new Error(`the ${formatInfo(id).label} format has no importer`);
  return importer;
}

export function exporterOf(id: ExportFormatId): Exporter {
  const exporter = codecs[id].export;
  if (exporter === undefined) throw new Error(`the ${formatInfo(id).label} format has no exporter`);
  return exporter;
}

/**
 * The workspace (or the documents of it being exported) as files of a format.
 * A file holding everything is named after the one document's title, else
 * scholia-workspace (all of it) or scholia-export.
 */
export function exportAs(id: ExportFormatId, workspace: WorkspaceExport, options: { all: boolean; exportedAt: string }): ExportedFiles {
  const title = workspace.documents.length === 1 ? workspace.documents[0]!.document.title : undefined;
  const stem = (title !== undefined ? fileStem(title) : '') || (options.all ? 'scholia-workspace' : 'scholia-export');
  return exporterOf(id)(workspace, { stem, title, exportedAt: options.exportedAt });
}
