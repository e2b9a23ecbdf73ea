// TMX (translation memory exchange) in: each translation unit becomes an
// aligned pair, units on lines of their own. The source language is the
// header's srclang (or, for `*all*`, the first variant's); the target is the
// requested language or else the first other language found.

import type { Element } from '@xmldom/xmldom';
import type { AlignmentLink } from './types';
import { children, descendantsNamed, firstChild, inlineText, parseXml, XmlError } from './xml';

export interface TmxUnit {
  id: string | null;
  source: string;
  target: string | null;
  notes: string[];
}

export interface TmxDocument {
  sourceLanguage: string;
  targetLanguage: string;
  units: TmxUnit[];
  source: string;
  translation: string;
  alignment: AlignmentLink[];
}

export class TmxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TmxError';
  }
}

export type TmxResult = { ok: true; document: TmxDocument } | { ok: false; error: TmxError };

export function detect(fileName: string, text: string): boolean {
  if (/\.tmx$/i.test(fileName)) return true;
  return /^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!(?:--[\s\S]*?--|DOCTYPE[^>]*)>\s*)*<tmx[\s>]/.test(text.slice(0, 4096).replace(/^\uFEFF/, ''));
}

function primary(tag: string): string {
  return tag.toLowerCase().split(/[-_]/)[0]!;
}

export function parse(text: string, targetLanguage?: string): TmxResult {
  try {
    let root;
    try {
      root = parseXml(text).documentElement!;
    } catch (error) {
      throw new TmxError(error instanceof XmlError ? error.message : String(error));
    }
    if (root.localName !== 'tmx') throw new TmxError(`not a TMX file: the root element is <${root.tagName}>`);
    const header = firstChild(root, 'header');
    const body = firstChild(root, 'body');
    if (!body) throw new TmxError('the TMX file has no <body>');
    const tus = children(body, 'tu');
    const langOf = (tuv: Element) => tuv.getAttribute('xml:lang') ?? tuv.getAttribute('lang') ?? '';
    let sourceLanguage = header?.getAttribute('srclang') ?? '';
    if (!sourceLanguage || sourceLanguage === '*all*') sourceLanguage = langOf(children(tus[0] ?? body, 'tuv')[0] ?? body) || '';
    if (!sourceLanguage) throw new TmxError('the TMX file names no source language');
    let target = targetLanguage ?? '';
    if (!target) {
      for (const tu of tus) {
        const other = children(tu, 'tuv').map(langOf).find((l) => l && primary(l) !== primary(sourceLanguage));
        if (other) {
          target = other;
          break;
        }
      }
    }
    if (!target) throw new TmxError('the TMX file has no translations (only one language)');
    const units: TmxUnit[] = [];
    for (const tu of tus) {
      const variants = children(tu, 'tuv');
      const pick = (lang: string) => variants.find((v) => langOf(v).toLowerCase() === lang.toLowerCase()) ?? variants.find((v) => primary(langOf(v)) === primary(lang));
      const s = pick(sourceLanguage);
      if (!s) continue;
      const t = pick(target);
      const seg = (v: Element | undefined) => (v ? firstChild(v, 'seg') : undefined);
      units.push({
        id: tu.getAttribute('tuid'),
        source: inlineText(seg(s) ?? s),
        target: t && seg(t) ? inlineText(seg(t)!) : null,
        notes: descendantsNamed(tu, 'note').map((n) => inlineText(n).trim()),
      });
    }
    if (units.length === 0) throw new TmxError(`the TMX file has no units in ${sourceLanguage}`);
    return { ok: true, document: { sourceLanguage, targetLanguage: target, units, ...joinUnits(units) } };
  } catch (error) {
    if (error instanceof TmxError) return { ok: false, error };
    throw error;
  }
}

function joinUnits(units: TmxUnit[]): Pick<TmxDocument, 'source' | 'translation' | 'alignment'> {
  let source = '';
  let translation = '';
  let s = 0;
  let t = 0;
  const alignment: AlignmentLink[] = [];
  units.forEach((unit, i) => {
    if (i > 0) {
      source += '\n';
      translation += '\n';
      s++;
      t++;
    }
    const sl = [...unit.source].length;
    const tl = unit.target === null ? 0 : [...unit.target].length;
    alignment.push({ source: sl ? { start: s, end: s + sl } : null, translation: tl ? { start: t, end: t + tl } : null });
    source += unit.source;
    translation += unit.target ?? '';
    s += sl;
    t += tl;
  });
  return { source, translation, alignment };
}
