// The bilingual methods: a document's source and alignment, the bilingual
// checks, and the workspace's glossary. Split from service.ts to keep each
// module to one subject; service.ts spreads these into its handlers.

import { alignTexts } from '../../core/bilingual/align';
import { applyAlignmentOperation, type AlignmentOperation } from '../../core/bilingual/alignment-edits';
import { checkBilingual } from '../../core/bilingual/checks/index';
import { glossaryFromCsv, glossaryFromTbx, glossaryToCsv } from '../../core/bilingual/glossary';
import { checkPairing } from '../../core/bilingual/pairing';
import type { AlignmentLink } from '../../core/bilingual/types';
import { decodeText } from '../../core/decode';
import { guessLanguage } from '../../core/formats/bilingual-documents';
import { baseName } from '../../core/formats/documents';
import { getSource, importGlossary, listGlossary, setAlignment, setSource } from '../../store/bilingual';
import { listSourceAnnotations } from '../../store/annotations';
import { getDocument } from '../../store/documents';
import type { Database } from 'better-sqlite3';
import type { BilingualView, Method, Output, ParsedInput } from '../common/contract';
import { RequestError } from './errors';

type BilingualMethod = Extract<Method, `bilingual.${string}` | `glossary.${string}`>;
export type BilingualHandlers = { [M in BilingualMethod]: (input: ParsedInput<M>) => Output<M> };


export function bilingualView(db: Database, documentId: string): BilingualView | null {
  const document = getDocument(db, documentId);
  const source = getSource(db, documentId);
  if (!source) return null;
  return {
    source: source.text,
    sourceLanguage: source.language,
    translationLanguage: document.targetLanguage,
    alignment: source.alignment,
    exchange: source.exchange?.format ?? null,
    annotations: listSourceAnnotations(db, documentId),
  };
}

/** A range of a document's source with the text it covers; throws RequestError when the document has no source or the range is outside it. */
export function sourceSpan(db: Database, documentId: string, range: { start: number; end: number }): { start: number; end: number; quote: string } {
  const source = getSource(db, documentId);
  if (!source) throw new RequestError('invalid_input', `document ${documentId} has no source to annotate or point to`);
  const points = [...source.text];
  if (range.end > points.length) throw new RequestError('invalid_input', `range [${range.start}, ${range.end}) is outside the source (length ${points.length})`);
  return { start: range.start, end: range.end, quote: points.slice(range.start, range.end).join('') };
}

export const spanOf = ({ start, end }: { start: number; end: number }) => ({ start, end });

/** Aligns a source with a document's text, refusing a source that is not this document's; throws RequestError. */
export function alignNewSource(source: string, sourceLanguage: string, translation: string, translationLanguage: string): AlignmentLink[] {
  const alignment = alignTexts(source, translation, { sourceLanguage, translationLanguage });
  const verdict = checkPairing({ source, sourceLanguage, translation, translationLanguage, alignment });
  if (!verdict.ok) throw new RequestError('invalid_input', `this source does not go with the document: ${verdict.reason}; nothing was changed`);
  return alignment;
}

export function createBilingualHandlers(db: Database, tx: <T>(fn: () => T) => T, now: () => string): BilingualHandlers {
  const glossaryFile = (fileName: string, bytes: Buffer, sourceLanguage: string | undefined, targetLanguage: string | undefined) => {
    const name = baseName(fileName);
    const decoded = decodeText(bytes);
    if (!decoded.ok) throw new RequestError('bad_file', `${name}: ${decoded.error.message}`);
    const tbx = /\.(tbx|xml)$/i.test(name) || /^\s*(<\?xml|<martif|<tbx)/.test(decoded.text.slice(0, 200));
    if (tbx && (!sourceLanguage || !targetLanguage)) throw new RequestError('invalid_input', `${name} is TBX: name its source and target languages`);
    const result = tbx ? glossaryFromTbx(decoded.text, sourceLanguage!, targetLanguage!) : glossaryFromCsv(decoded.text);
    if (!result.ok) throw new RequestError('bad_file', `${name}: ${result.error.message}; the glossary was not changed`);
    return result.entries;
  };

  return {
    'bilingual.get': ({ documentId }) => bilingualView(db, documentId),
    'bilingual.setSource': ({ documentId, text, language, translationLanguage }) => {
      if (text.includes('\u0000')) throw new RequestError('invalid_input', 'the source holds a NUL character, which is not text');
      // Aligned outside the write transaction (it may take a second on a long text); written only if the document did not change meanwhile.
      const document = getDocument(db, documentId);
      const targetLanguage = translationLanguage ?? document.targetLanguage ?? guessLanguage(document.text);
      const alignment = alignNewSource(text, language, document.text, targetLanguage);
      return tx(() => {
        const current = getDocument(db, documentId);
        if (current.editCount !== document.editCount) throw new RequestError('conflict', 'the document changed while its source was being aligned; try again');
        setSource(db, documentId, { text, language, alignment, exchange: null }, now());
        if (!current.targetLanguage) db.prepare('UPDATE documents SET target_language = ? WHERE id = ?').run(targetLanguage, documentId);
        return bilingualView(db, documentId)!;
      });
    },
    'bilingual.updateAlignment': ({ documentId, operation }) =>
      tx(() => {
        const source = getSource(db, documentId);
        if (!source) throw new RequestError('not_found', `document ${documentId} has no source`);
        return setAlignment(db, documentId, applyAlignmentOperation(source.alignment, operation as AlignmentOperation), now());
      }),
    'bilingual.check': ({ documentId }) => {
      const document = getDocument(db, documentId);
      const source = getSource(db, documentId);
      if (!source) throw new RequestError('not_found', `document ${documentId} has no source`);
      return checkBilingual(
        {
          source: source.text,
          sourceLanguage: source.language,
          translation: document.text,
          translationLanguage: document.targetLanguage ?? guessLanguage(document.text),
          alignment: source.alignment,
        },
        listGlossary(db),
      );
    },
    'glossary.list': () => listGlossary(db),
    'glossary.import': ({ fileName, contentBase64, sourceLanguage, targetLanguage, replace }) => {
      const entries = glossaryFile(fileName, Buffer.from(contentBase64, 'base64'), sourceLanguage, targetLanguage);
      return tx(() => importGlossary(db, entries, replace));
    },
    'glossary.export': () => ({ name: 'glossary.csv', content: glossaryToCsv(listGlossary(db)) }),
  };
}
