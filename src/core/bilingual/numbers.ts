// Numbers in Chinese and English text, normalised so the two can be compared:
// 3.5万 = 35,000 = "35 thousand", 1.2亿 = "120 million", 百分之五 = 5%,
// 个百分点 = percentage points, 2026年12月2日 = "December 2, 2026".
//
// A mention carries comparison keys: `n:35000` (a number), `p:5` (percent),
// `pp:5` (percentage points), `md:12-2` (a month and day), `m:12` (a month).
// A date gives several keys (its year is a plain number, as "in 2026" is).

import { CodePointIndex } from '../offsets';
import { isCjk } from './sentences';

export type NumberKind = 'number' | 'percent' | 'points' | 'date' | 'month';

export interface NumberMention {
  /** Code points, end exclusive. */
  start: number;
  end: number;
  text: string;
  kind: NumberKind;
  /** The value for numbers, percent and points; the year (or NaN) for dates. */
  value: number;
  keys: string[];
  /** Written in words (三, 两千, "five") rather than digits. */
  words: boolean;
}

interface RawMention {
  start: number;
  end: number;
  kind: NumberKind;
  value: number;
  keys: string[];
  words: boolean;
}

/** The numbers in `text`, read by the rules of `language`. */
export function findNumbers(text: string, language: string): NumberMention[] {
  return toMentions(text, isCjk(language) ? chineseNumbers(text) : englishNumbers(text));
}

function toMentions(text: string, raw: RawMention[]): NumberMention[] {
  const index = new CodePointIndex(text);
  return raw
    .sort((a, b) => a.start - b.start)
    .map((m) => ({ ...m, text: text.slice(m.start, m.end), start: index.toCodePoint(m.start), end: index.toCodePoint(m.end) }));
}

/** Rounds away binary noise (1.2 × 10⁸ = 120000000.00000001). */
export function tidy(value: number): number {
  return Number(value.toPrecision(12));
}

function numberKey(kind: NumberKind, value: number): string {
  return `${kind === 'percent' ? 'p' : kind === 'points' ? 'pp' : 'n'}:${tidy(value)}`;
}

function dateKeys(year: number | null, month: number | null, day: number | null): string[] {
  const keys: string[] = [];
  if (month !== null && day !== null) keys.push(`md:${month}-${day}`);
  else if (month !== null) keys.push(`m:${month}`);
  if (year !== null) keys.push(`n:${year}`);
  return keys;
}

// ---------------------------------------------------------------- Chinese

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_SMALL_SCALES: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const SCALE_SUFFIX: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 100 };

/**
 * The value of a Chinese numeral (两千零二十六 = 2026, 三点五 = 3.5,
 * 三亿五千万 = 350,000,000), or null when the characters do not form one
 * (十四五 is a plan's name, 千万 means "by all means").
 */
export function parseChineseNumeral(numeral: string): number | null {
  const [integer, fraction, extra] = numeral.split('点');
  if (extra !== undefined || !integer) return null;
  let total = 0;
  let section = 0;
  let digit = 0;
  let sawDigit = false;
  for (const ch of integer) {
    if (ch in CN_DIGITS) {
      if (sawDigit) return null;
      digit = CN_DIGITS[ch]!;
      sawDigit = digit !== 0;
    } else if (ch in CN_SMALL_SCALES) {
      if (!sawDigit && !(ch === '十' && section % 100 === 0 && digit === 0)) return null;
      section += (sawDigit ? digit : 1) * CN_SMALL_SCALES[ch]!;
      digit = 0;
      sawDigit = false;
    } else if (ch === '万') {
      if (section + digit === 0) return null;
      section = (section + digit) * 1e4;
      digit = 0;
      sawDigit = false;
    } else if (ch === '亿') {
      if (total + section + digit === 0) return null;
      total = (total + section + digit) * 1e8;
      section = 0;
      digit = 0;
      sawDigit = false;
    } else return null;
  }
  let value = total + section + digit;
  if (fraction !== undefined) {
    if (fraction === '' || [...fraction].some((ch) => !(ch in CN_DIGITS))) return null;
    value += Number(`0.${[...fraction].map((ch) => CN_DIGITS[ch]).join('')}`);
  }
  return tidy(value);
}

/** A year written digit by digit (二〇二六), or null. */
function chineseYear(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (![...text].every((ch) => ch in CN_DIGITS && ch !== '两')) return null;
  return Number([...text].map((ch) => CN_DIGITS[ch]).join(''));
}

function smallNumber(text: string): number | null {
  return /^\d+$/.test(text) ? Number(text) : parseChineseNumeral(text);
}

/** Full-width digits and signs to ASCII, keeping every UTF-16 offset. */
function halfWidth(text: string): string {
  return text.replace(/[０-９．％]/g, (ch) => (ch === '．' ? '.' : ch === '％' ? '%' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

const NUM = '[零〇一二两三四五六七八九十百千万亿]';
const SMALL = '(?:\\d{1,2}|[零〇一二三四五六七八九十]{1,3})';
const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const CN_DATE = new RegExp(`${YEAR}年(?:(${SMALL})月(?:(${SMALL})[日号])?)?|(${SMALL})月(?:(${SMALL})[日号])?`, 'g');
const CN_PERCENT = new RegExp(`百分之((?:\\d+(?:\\.\\d+)?)|${NUM}+(?:点${NUM}+)?)`, 'g');
const CN_DIGIT_NUMBER = /(?<![A-Za-z\d.])\d+(?:,\d{3})*(?:\.\d+)?(万亿|亿|万|千|百)?(?:多|余)?(%|个百分点|百分点)?/g;
const CN_NUMERAL = new RegExp(`(第)?(${NUM}(?:[零〇一二两三四五六七八九十百千万亿点]*${NUM})?)(多|余|几)?(个百分点|成(?![为立功员本果长就熟效])|)`, 'g');
// Words a numeral counts (measure words and units): 三家, 五年, 两千名.
const CLASSIFIER = /^(个|名|位|家|项|条|次|年|岁|天|日|周|人|元|美元|欧元|英镑|日元|倍|座|所|种|类|批|件|份|台|辆|架|艘|只|头|股|吨|公斤|千克|克|公里|千米|米|厘米|平方|立方|亩|公顷|届|场|轮|期|章|款|层|部|本|篇|首|支|枚|颗|套|季度|小时|分钟|秒|例|起|宗|户|间|张|处|点|大|国|省|城|方)/;

function chineseNumbers(original: string): RawMention[] {
  const text = halfWidth(original);
  const out: RawMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const claim = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    for (let i = start; i < end; i++) taken[i] = true;
    return true;
  };
  for (const m of text.matchAll(CN_DATE)) {
    const year = m[1] !== undefined ? chineseYear(m[1]) : null;
    const month = m[2] ?? m[4];
    const day = m[3] ?? m[5];
    const monthValue = month !== undefined ? smallNumber(month) : null;
    const dayValue = day !== undefined ? smallNumber(day) : null;
    if (m[1] !== undefined && year === null) continue;
    if (monthValue !== null && (monthValue < 1 || monthValue > 12)) continue;
    if (dayValue !== null && (dayValue < 1 || dayValue > 31)) continue;
    if (month !== undefined && monthValue === null) continue;
    if (!claim(m.index, m.index + m[0].length)) continue;
    const kind: NumberKind = monthValue === null ? 'number' : dayValue === null && year === null ? 'month' : 'date';
    out.push({ start: m.index, end: m.index + m[0].length, kind, value: year ?? NaN, keys: dateKeys(year, monthValue, dayValue), words: !/\d/.test(m[0]) });
  }
  for (const m of text.matchAll(CN_PERCENT)) {
    const value = /\d/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!);
    if (value === null || !claim(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'percent', value, keys: [numberKey('percent', value)], words: !/\d/.test(m[1]!) });
  }
  for (const m of text.matchAll(CN_DIGIT_NUMBER)) {
    const digits = /^[\d,.]+/.exec(m[0])![0];
    let value = Number(digits.replace(/,/g, ''));
    for (const ch of m[1] ?? '') value *= SCALE_SUFFIX[ch]!;
    const kind: NumberKind = m[2] === '%' ? 'percent' : m[2] ? 'points' : 'number';
    if (!claim(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind, value: tidy(value), keys: [numberKey(kind, value)], words: false });
  }
  for (const m of text.matchAll(CN_NUMERAL)) {
    const numeral = m[2]!;
    let value = parseChineseNumeral(numeral);
    const plan = /^十([一二三四五六七八九]?)五$/.exec(numeral);
    if (plan && claim(m.index, m.index + m[0].length)) {
      // 十四五 is the 14th Five-Year Plan: two numbers in one name.
      const ordinal = 10 + (plan[1] ? CN_DIGITS[plan[1]]! : 0);
      out.push({ start: m.index, end: m.index + m[0].length, kind: 'number', value: ordinal, keys: [`n:${ordinal}`, 'n:5'], words: true });
      continue;
    }
    if (value === null) continue;
    const suffix = m[4]!;
    const after = text.slice(m.index + m[0].length);
    const hasScale = /[十百千万亿点]/.test(numeral);
    const counted = suffix !== '' || m[1] !== undefined || CLASSIFIER.test(after) || (hasScale && [...numeral].length >= 2);
    // 一 alone is mostly "a", "one of", "together" (一起), "some" (一些): too vague to require.
    if (!counted || (value === 1 && !hasScale && suffix === '')) continue;
    let kind: NumberKind = 'number';
    if (suffix === '个百分点') kind = 'points';
    else if (suffix.startsWith('成')) {
      kind = 'percent';
      value = tidy(value * 10);
    }
    const start = m.index + (m[1]?.length ?? 0);
    if (!claim(start, m.index + m[0].length)) continue;
    out.push({ start, end: m.index + m[0].length, kind, value, keys: [numberKey(kind, value)], words: true });
  }
  return out;
}

// ---------------------------------------------------------------- English

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const EN_ORDINALS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, tn: 1e12 };
const MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
const EN_DATE = new RegExp(
  `\\b(?:${MONTH}\\s+${DAY}(?:,?\\s+(\\d{4}))?|${DAY}\\s+${MONTH}(?:,?\\s+(\\d{4}))?|${MONTH},?\\s+(\\d{4}))\\b|\\b(January|February|March|April|June|July|August|September|October|November|December)\\b|(?<=\\b(?:in|since|until|by|of|early|late|mid|last|next|this|from|to|through)[\\s-])May\\b`,
  'g',
);
const UNIT_WORD = `(?:${Object.keys(EN_UNITS).join('|')}|(?:${Object.keys(EN_TENS).join('|')})(?:[-\\s](?:one|two|three|four|five|six|seven|eight|nine))?)`;
const EN_WORDS = new RegExp(`\\b(${UNIT_WORD}(?:\\s+(?:and\\s+)?(?:hundred|thousand|million|billion|trillion|${UNIT_WORD}))*)\\b`, 'gi');
const EN_DIGITS = /(?<![\p{L}\d.,])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:(?:st|nd|rd|th)\b)?(?:[\s-]?(hundred|thousand|million|billion|trillion)\b|(k|m|mn|bn|tn)\b)?(\s?%|\s?percent\b|\s?per cent\b|\s?percentage points?\b)?/gu;
const EN_SCALED_PERCENT = /^\s+(percent|per cent|percentage points?)\b/i;

function englishWordsValue(words: string): number | null {
  let total = 0;
  let current = 0;
  let any = false;
  for (const word of words.toLowerCase().split(/[\s-]+/)) {
    if (word === 'and') continue;
    if (word in EN_UNITS) current += EN_UNITS[word]!;
    else if (word in EN_TENS) current += EN_TENS[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in EN_SCALES) {
      total += (current || 1) * EN_SCALES[word]!;
      current = 0;
    } else return null;
    any = true;
  }
  return any ? total + current : null;
}

function englishNumbers(text: string): RawMention[] {
  const out: RawMention[] = [];
  const taken: boolean[] = new Array(text.length).fill(false);
  const claim = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    for (let i = start; i < end; i++) taken[i] = true;
    return true;
  };
  for (const m of text.matchAll(EN_DATE)) {
    const monthName = m[1] ?? m[5] ?? m[7] ?? m[9] ?? 'may';
    const month = MONTHS[monthName.toLowerCase()] ?? null;
    const dayText = m[2] ?? m[4];
    const day = dayText !== undefined ? Number(dayText) : null;
    const yearText = m[3] ?? m[6] ?? m[8];
    const year = yearText !== undefined ? Number(yearText) : null;
    if (day !== null && (day < 1 || day > 31)) continue;
    if (!claim(m.index, m.index + m[0].length)) continue;
    const kind: NumberKind = day === null && year === null ? 'month' : 'date';
    out.push({ start: m.index, end: m.index + m[0].length, kind, value: year ?? NaN, keys: dateKeys(year, month, day), words: false });
  }
  for (const m of text.matchAll(EN_DIGITS)) {
    let value = Number(m[1]!.replace(/,/g, '') + (m[2] ?? ''));
    const scale = (m[3] ?? m[4])?.toLowerCase();
    if (scale) value *= EN_SCALES[scale]!;
    const unit = m[5]?.trim().toLowerCase();
    const kind: NumberKind = !unit ? 'number' : unit.startsWith('percentage') ? 'points' : 'percent';
    if (!claim(m.index, m.index + m[0].length)) continue;
    out.push({ start: m.index, end: m.index + m[0].length, kind, value: tidy(value), keys: [numberKey(kind, value)], words: false });
  }
  for (const m of text.matchAll(EN_WORDS)) {
    const value = englishWordsValue(m[1]!);
    if (value === null) continue;
    let end = m.index + m[0].length;
    const unit = EN_SCALED_PERCENT.exec(text.slice(end));
    let kind: NumberKind = 'number';
    if (unit) {
      kind = unit[1]!.toLowerCase().startsWith('percentage') ? 'points' : 'percent';
      end += unit[0].length;
    }
    if (!claim(m.index, end)) continue;
    out.push({ start: m.index, end, kind, value, keys: [numberKey(kind, value)], words: true });
  }
  for (const m of text.matchAll(/\b(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth)\b/gi)) {
    if (!claim(m.index, m.index + m[0].length)) continue;
    const value = EN_ORDINALS[m[1]!.toLowerCase()]!;
    out.push({ start: m.index, end: m.index + m[0].length, kind: 'number', value, keys: [numberKey('number', value)], words: true });
  }
  return out;
}

// ---------------------------------------------------------------- writing

/**
 * `value` written in the style of an English mention it replaces: with the
 * same scale word ("120 million"), thousands separators when it had them or
 * the number is large, and the same unit ("5%", "5 percent", "5 percentage points").
 */
export function formatEnglishLike(kind: NumberKind, value: number, like: string): string | null {
  if (kind === 'date' || kind === 'month') return null;
  const scale = /\b(thousand|million|billion|trillion)\b/i.exec(like)?.[1];
  let body: string;
  if (scale) {
    const n = tidy(value / EN_SCALES[scale.toLowerCase()]!);
    body = `${n.toLocaleString('en-US', { maximumFractionDigits: 6 })} ${scale}`;
  } else {
    body = like.includes(',') || value >= 10000 ? value.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(value);
  }
  if (kind === 'percent') return /per ?cent/i.test(like) ? `${body} percent` : `${body}%`;
  if (kind === 'points') return `${body} percentage point${value === 1 ? '' : 's'}`;
  return body;
}

/** A readable form of a mention's value for messages ("35,000", "5%", "December 2, 2026"). */
export function describeNumber(mention: Pick<NumberMention, 'kind' | 'value' | 'keys' | 'text'>): string {
  if (mention.kind === 'date' || mention.kind === 'month') return mention.text;
  const body = mention.value.toLocaleString('en-US', { maximumFractionDigits: 6 });
  if (mention.kind === 'percent') return `${body}%`;
  if (mention.kind === 'points') return `${body} percentage points`;
  return body;
}
