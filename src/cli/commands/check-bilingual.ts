// `check FILE --source SOURCE_FILE [--glossary FILE]` and `check FILE.xlf`:
// today's artifact findings on the translation plus the bilingual checks,
// each finding saying which side (source or translation) its range is on.

import { alignTexts } from '../../core/bilingual/align';
import { checkBilingual } from '../../core/bilingual/checks/index';
import { glossaryFromCsv, glossaryFromTbx, type GlossaryEntry } from '../../core/bilingual/glossary';
import { checkPairing } from '../../core/bilingual/pairing';
import type { AlignmentLink, BilingualFinding, Side } from '../../core/bilingual/types';
import * as xliff from '../../core/bilingual/xliff';
import { guessLanguage } from '../../core/formats/bilingual-documents';
import { pairName } from '../../core/formats/text-pair-names';
import type { Finding } from '../../core/model';
import { checkText } from '../../core/rules';
import { baseName } from '../../core/formats/documents';

/** Today's finding, plus the side its range is on and, for a bilingual finding, its ranges on the other side. */
export interface SidedFinding extends Finding {
  side: Side;
  related: { side: Side; start: number; end: number }[];
}

export interface BilingualTexts {
  source: string;
  sourceLanguage: string;
  translation: string;
  translationLanguage: string;
  alignment: AlignmentLink[];
}

export type Prepared = { ok: true; texts: BilingualTexts } | { ok: false; message: string };

/** Source and translation from an XLIFF file, or a refusal naming the file. */
export function fromXliff(path: string, text: string): Prepared {
  const parsed = xliff.parse(text);
  if (!parsed.ok) return { ok: false, message: `${path}: ${parsed.error.message}` };
  const doc = parsed.document;
  return {
    ok: true,
    texts: { source: doc.source, sourceLanguage: doc.sourceLanguage, translation: doc.translation, translationLanguage: doc.targetLanguage ?? guessLanguage(doc.translation), alignment: doc.alignment.filter((l) => l.source || l.translation) },
  };
}

/** A translation and its source file, aligned; refused when the source is not this translation's. */
export function fromPair(path: string, translation: string, sourcePath: string, source: string): Prepared {
  const sourceLanguage = pairName(baseName(sourcePath))?.language ?? guessLanguage(source);
  const translationLanguage = pairName(baseName(path))?.language ?? guessLanguage(translation);
  const alignment = alignTexts(source, translation, { sourceLanguage, translationLanguage });
  const verdict = checkPairing({ source, sourceLanguage, translation, translationLanguage, alignment });
  if (!verdict.ok) return { ok: false, message: `${sourcePath} is not the source of ${path}: ${verdict.reason}` };
  return { ok: true, texts: { source, sourceLanguage, translation, translationLanguage, alignment } };
}

/** A glossary file, CSV or TBX (TBX read for the two texts' languages). */
export function readGlossary(path: string, text: string, texts: BilingualTexts): { ok: true; entries: GlossaryEntry[] } | { ok: false; message: string } {
  const tbx = /\.(tbx|xml)$/i.test(path) || /^\s*(<\?xml|<martif|<tbx)/.test(text.slice(0, 200));
  const result = tbx ? glossaryFromTbx(text, texts.sourceLanguage, texts.translationLanguage) : glossaryFromCsv(text);
  return result.ok ? result : { ok: false, message: `${path}: ${result.error.message}` };
}

function sided(f: BilingualFinding): SidedFinding {
  const ranges = (side: Side) => (side === 'source' ? f.source : f.translation).map((s) => ({ side, start: s.start, end: s.end }));
  const all = [...ranges(f.side), ...ranges(f.side === 'source' ? 'translation' : 'source')];
  // A fix is always on the translation: its range is the finding's, so `replacement` means what it means today.
  const primary = f.fix ? { side: 'translation' as const, start: f.fix.start, end: f.fix.end } : all[0]!;
  const related = all.filter((r) => !(r.side === primary.side && r.start === primary.start && r.end === primary.end));
  return { rule: f.rule, start: primary.start, end: primary.end, message: f.message, replacement: f.fix?.replacement ?? null, safe: f.safe, severity: f.severity, side: primary.side, related };
}

/** Artifact findings on the translation and bilingual findings, in one list ordered by side then position. */
export function checkBoth(texts: BilingualTexts, glossary: readonly GlossaryEntry[], rules: string[] | undefined): SidedFinding[] {
  const artifacts = checkText(texts.translation, { rules }).map((f): SidedFinding => ({ ...f, side: 'translation', related: [] }));
  const bilingual = rules === undefined ? checkBilingual(texts, glossary).map(sided) : [];
  const order = (f: SidedFinding) => (f.side === 'source' ? 0 : 1);
  return [...artifacts, ...bilingual].sort((a, b) => order(a) - order(b) || a.start - b.start || a.end - b.end);
}
