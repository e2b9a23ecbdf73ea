// XLIFF 1.2 and 2.x: a file of units becomes one document whose text is the
// targets and whose source is the sources, aligned segment by segment. The
// file is kept whole, and an export writes the corrected targets back into it
// (core/bilingual/xliff.ts keeps what Scholia did not read). A document that
// came some other way is written as a new XLIFF 2.0 file, a unit per link.

import * as xliff from '../bilingual/xliff';
import type { AlignmentLink, BilingualSource } from '../bilingual/types';
import type { DocumentRecord } from '../model';
import { bilingualBundle, checkLanguages, guessLanguage } from './bilingual-documents';
import { importContext, type DocumentBundle } from './bundle';
import type { FormatIssue } from './errors';
import { FormatError } from './errors';
import { fileStem, uniqueName } from './file-names';
import { fileText, type FormatCodec } from './format';

/** Which segment each link's translation belongs to: the first one its source overlaps; an addition goes with the link before it. */
function targetsBySegment(segmentSources: readonly (AlignmentLink['source'])[], translation: string, alignment: readonly AlignmentLink[]): (string | null)[] {
  const points = [...translation];
  const ranges: ({ start: number; end: number } | null)[] = segmentSources.map(() => null);
  let segment = 0;
  for (const link of alignment) {
    if (link.source) {
      const at = segmentSources.findIndex((s) => s !== null && s.start < link.source!.end && s.end > link.source!.start);
      if (at >= 0) segment = at;
    }
    if (!link.translation) continue;
    const range = ranges[segment];
    ranges[segment] = range ? { start: Math.min(range.start, link.translation.start), end: Math.max(range.end, link.translation.end) } : { ...link.translation };
  }
  return ranges.map((r) => (r ? points.slice(r.start, r.end).join('') : null));
}

function writeBack(document: DocumentRecord, source: BilingualSource & { exchange: { text: string } }): { text: string; issues: FormatIssue[] } {
  const parsed = xliff.parse(source.exchange.text);
  if (!parsed.ok) throw new FormatError({ record: `document ${document.id}` }, `its XLIFF file no longer reads: ${parsed.error.message}`);
  const targets = targetsBySegment(parsed.document.alignment.map((l) => l.source), document.text, source.alignment);
  const updates = targets.flatMap((target, index) =>
    target === null && parsed.document.segments[index]!.target === null ? [] : [{ index, target: target ?? '' }],
  );
  const written = xliff.write(source.exchange.text, updates, document.targetLanguage ?? undefined);
  if (!written.ok) throw new FormatError({ record: `document ${document.id}` }, written.error.message);
  const issues = written.flattened.map((index) => ({
    record: `document ${document.id}, unit ${parsed.document.segments[index]!.unitId}`,
    problem: 'its target was corrected, so its inline codes were replaced by plain text',
  }));
  return { text: written.text, issues };
}

// A carriage return is written as a reference: XML parsers turn a raw one into a line feed.
const escapeXml = (text: string) => text.replace(/[&<>"\r]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' })[c]!);

/** A new XLIFF 2.0 file: a unit per link that has a source, an addition's translation joined to the unit before it. */
function newXliff(document: DocumentRecord, source: BilingualSource): string {
  const sources = [...source.text];
  const withSource = source.alignment.filter((l) => l.source);
  const targets = targetsBySegment(withSource.map((l) => l.source), document.text, source.alignment);
  const units = withSource.map((link, i) => {
    const text = sources.slice(link.source!.start, link.source!.end).join('');
    const target = targets[i];
    return [
      `    <unit id="u${i + 1}">`,
      `      <segment id="s${i + 1}" state="${target ? 'translated' : 'initial'}">`,
      `        <source>${escapeXml(text)}</source>`,
      ...(target ? [`        <target>${escapeXml(target)}</target>`] : []),
      '      </segment>',
      '    </unit>',
    ].join('\n');
  });
  const trgLang = document.targetLanguage ?? guessLanguage(document.text);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="${escapeXml(source.language)}" trgLang="${escapeXml(trgLang)}">`,
    `  <file id="f1" original="${escapeXml(document.title)}">`,
    ...units,
    '  </file>',
    '</xliff>',
    '',
  ].join('\n');
}

export function exportXliff(documents: readonly DocumentBundle[]): { files: { name: string; content: string }[]; omitted: FormatIssue[] } {
  const taken = new Set<string>();
  const files: { name: string; content: string }[] = [];
  const omitted: FormatIssue[] = [];
  for (const { document, source, annotations } of documents) {
    if (!source) {
      omitted.push({ record: `document ${document.id} (${document.title})`, problem: 'it has no source, and XLIFF pairs a source with its translation' });
      continue;
    }
    const name = `${uniqueName(fileStem(document.title) || 'document', taken)}.xlf`;
    if (source.exchange) {
      const { text, issues } = writeBack(document, { ...source, exchange: source.exchange });
      files.push({ name, content: text });
      omitted.push(...issues);
    } else files.push({ name, content: newXliff(document, source) });
    if (annotations.length > 0) omitted.push({ record: `document ${document.id} (${document.title})`, problem: `its ${annotations.length} annotations: XLIFF holds the targets, not annotations` });
  }
  return { files, omitted };
}

export const xliffFormat: FormatCodec = {
  detect: (file) => (file.head !== undefined && xliff.detect('', file.head) ? 'signature' : file.extension === 'xlf' || file.extension === 'xliff' ? 'extension' : undefined),
  import: async ({ file }, context) => {
    const text = fileText(file);
    const parsed = xliff.parse(text);
    if (!parsed.ok) throw new FormatError({ file: file.name }, `${parsed.error.message}; nothing was imported`);
    const doc = parsed.document;
    const missing = doc.segments.filter((s) => s.target === null || (s.target.trim() === '' && s.source.trim() !== ''));
    if (missing.length > 0) {
      const units = [...new Set(missing.map((s) => s.unitId))];
      throw new FormatError(
        { file: file.name, record: `unit ${units.slice(0, 5).join(', ')}${units.length > 5 ? ` and ${units.length - 5} more` : ''}` },
        `${units.length === 1 ? 'this unit has' : 'these units have'} no target: Scholia corrects translations, so every unit needs one; nothing was imported`,
      );
    }
    const translationLanguage = doc.targetLanguage ?? guessLanguage(doc.translation);
    checkLanguages(file.name, [
      { text: doc.source, language: doc.sourceLanguage, what: 'source' },
      { text: doc.translation, language: translationLanguage, what: 'target' },
    ]);
    const options = context.options(file.name);
    const bundle = await bilingualBundle(
      {
        file: file.name,
        name: file.name,
        source: doc.source,
        sourceLanguage: doc.sourceLanguage,
        translation: doc.translation,
        translationLanguage,
        alignment: doc.alignment,
        exchange: { format: 'xliff', text },
      },
      importContext(options),
    );
    return { kind: 'documents', bundle: { tags: [], documents: [bundle] }, issues: [] };
  },
  export: (workspace) => exportXliff(workspace.documents),
};
