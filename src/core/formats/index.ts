// The export and import formats: what the store, api and CLI call.

export type { DocumentBundle, ExportResult, ImportedBundle, ImportOptions, ImportResult, WorkspaceExport } from './bundle';
export { canonicalOrder } from './bundle';
export type { FormatIssue } from './errors';
export { FormatError } from './errors';
export type { ExportFormatId, FormatId, FormatInfo, ImportFormatId } from './format-list';
export { exportFormatIds, FALLBACK_FORMAT, formatInfo, formatList, importFormatIds } from './format-list';
export type { ExportContext, ExportedFiles, FormatCodec, FormatImportContext, ImportedFile, ImportSource, IncomingFile } from './format';
export { detectFormat } from './detect';
export { exportAs, exporterOf, formats, importerOf } from './registry';
export { groupFiles, type FileGroup } from './file-groups';
export type { NativeExportOptions } from './native';
export { exportNative, importNative } from './native';
export { NATIVE_FORMAT, NATIVE_VERSION } from './native-schema';
export type { W3CExportOptions, W3CImportResult } from './w3c';
export { annotationIri, documentIri, exportW3C, importW3C } from './w3c';
export type { BratFile, BratSource } from './brat';
export { exportBrat, importBrat } from './brat';
export type { DoccanoSpan } from './doccano';
export { exportDoccano, importDoccano } from './doccano';
export { exportPlainText, importPlainText } from './plaintext';
export { joinTagPath, splitTagPath } from './tagpaths';
export { fileStem, uniqueName } from './file-names';
export { importGroups } from './import-groups';
