// Generated variants: the lines of one part's documents, corrected, with
// artifacts planted again at random — the same artifact kinds in new
// contexts and new surface forms. Each part plants from its own lines and
// footers with its own seed, so the held-out part stays unseen.

import { parseDocument, type CorpusDocument } from './corpus';

type Random = () => number;

/** mulberry32: a small seeded generator, so the corpus is the same on every run. */
function seeded(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ARTIFACT = /⟦([^⟧]*?)⇒([^⟧]*?)\|([a-z])⟧/g;

/** Markup with every artifact replaced by its reference (traps kept). */
function corrected(markup: string): string {
  return markup.replace(ARTIFACT, '$2');
}

const stripTraps = (s: string) => s.replace(/[⟪⟫]/g, '');

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Ranges of `line` inside trap markup (⟪…⟫, the marks included). */
function trapRanges(line: string): [number, number][] {
  return [...line.matchAll(/⟪[^⟫]*⟫/g)].map((m) => [m.index, m.index + m[0].length]);
}

// Abbreviations whose full stop is not a sentence end when a capital follows.
const NOT_SENTENCE_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|St|Mt|No|Nos|Art|Arts|Fig|Sec|Vol|Prof|Gen|Gov|Rep|Sen|Jr|Sr|vs|[A-Z])$/;

const MODALS = ['want', 'want', 'want', 'want', 'need', 'must', 'should'];

function plant(line: string, rnd: Random, rate: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const traps = trapRanges(line);
  const inTrap = (i: number) => traps.some(([s, e]) => i > s && i < e);
  const edits: Edit[] = [];
  const free = (s: number, e: number) => !edits.some((x) => s < x.end + 2 && e > x.start - 2) && !inTrap(s) && !inTrap(e);
  const add = (start: number, end: number, text: string) => {
    if (free(start, end)) edits.push({ start, end, text });
  };

  // Sentence boundaries: a lost space, or a stray modal glued on.
  for (const m of line.matchAll(/([.!?])([”"’)]?) (?=⟪?[“"(]?[A-Z])/g)) {
    if (rnd() > rate * 2) continue;
    const before = stripTraps(line.slice(Math.max(0, m.index - 12), m.index));
    if (NOT_SENTENCE_END.test(before)) continue;
    const mark = m[1]! + m[2]!;
    const at = m.index;
    const end = at + m[0].length;
    if (rnd() < 0.55) {
      add(at, end, `⟦${mark}⇒${mark} |s⟧`);
      continue;
    }
    const modal = pick(MODALS);
    const form = Math.floor(rnd() * 6);
    const next = line.slice(end);
    if (!/^[A-Z][a-z]/.test(next)) continue; // the modal glues onto a word
    if (form === 0) add(at, end, `⟦${mark}${modal}⇒${mark} |g⟧`);
    else if (form === 1) add(at, end, `⟦${mark} ${modal}⇒${mark} |g⟧`);
    else if (form === 2) add(at, end, `⟦${mark}${modal[0]!.toUpperCase()}${modal.slice(1)}⇒${mark} |g⟧`);
    else if (form === 3) add(at, end, `⟦${mark}${modal} ⇒${mark} |g⟧`);
    else if (form === 4) {
      const n = 1 + Math.floor(rnd() * 9);
      const marker = pick([`${n}.`, `(${n})`, `${n})`, '-', '•']);
      const space = marker === '-' || marker === '•' || rnd() < 0.5 ? ' ' : '';
      add(at, end, `${mark}\n${marker}⟦${space}${modal}⇒ |g⟧`);
    } else {
      const lower = next[0]!.toLowerCase();
      if (modal !== 'want') continue;
      add(at, end + 1, `⟦${mark}want${lower}⇒${mark} ${next[0]}|g⟧`);
    }
  }
  // A lost space after a comma, semicolon or colon.
  for (const m of line.matchAll(/(?<=[\p{L}\p{N}%)”"’])([,;:]) (?=⟪?[A-Za-z(“"])|(?<=\p{L})([,;:]) (?=⟪?\d)/gu)) {
    if (rnd() > rate) continue;
    const mark = m[1] ?? m[2]!;
    add(m.index, m.index + 2, `⟦${mark}⇒${mark} |c⟧`);
  }
  // A phrase said twice, before a comma, semicolon or full stop.
  for (const m of line.matchAll(/(?<=[\p{L}\p{N}%⟫])(?=[,.;] )/gu)) {
    if (rnd() > rate / 2) continue;
    const words = stripTraps(line.slice(0, m.index)).split(' ');
    const count = 2 + Math.floor(rnd() * 3);
    const phrase = words.slice(-count);
    // Words of one clause: none but the last ends a sentence (`the defendant. If dissatisfied` is two).
    if (phrase.length < count || !phrase.every((w) => /^[\p{L}\p{N}][\p{L}\p{N}%.,'’-]*$/u.test(w)) || /[.,]$/.test(phrase[0]!) || phrase.slice(0, -1).some((w) => /[.!?]$/.test(w))) continue;
    const connector = pick([', ', ', ', ', ', ' and ', ' ', '; ', ' or ', ', and ']);
    add(m.index, m.index, `⟦${connector}${phrase.join(' ')}⇒|d⟧`);
  }
  // Smaller slips: a space before a comma, a word twice, a full-width comma, two spaces.
  for (const m of line.matchAll(/(?<=\p{Ll})([,.]) (?=\p{L})/gu)) {
    const roll = rnd();
    if (roll < rate / 3) add(m.index, m.index + 1, `⟦ ${m[1]}⇒${m[1]}|p⟧`);
    else if (roll < rate / 2 && m[1] === ',') add(m.index, m.index + 2, '⟦，⇒, |f⟧');
  }
  for (const m of line.matchAll(/(?<= )(the|of|to|and|in|a|for) (?=\p{L})/gu)) {
    const roll = rnd();
    if (roll < rate / 15) add(m.index, m.index + m[1]!.length, `${m[1]}⟦ ${m[1]}⇒|w⟧`);
    else if (roll < rate / 8) add(m.index + m[1]!.length, m.index + m[1]!.length + 1, '⟦  ⇒ |r⟧');
  }
  edits.sort((a, b) => b.start - a.start);
  let out = line;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

// Code-like lines: JSON, formulas, wildcards, conditionals and search
// queries (traps), with a sentence or clause glued after the code at times.
const KEYS = ['id', 'name', 'code', 'status', 'title', 'total', 'city', 'level'];
const VALUES = ['done', 'Bus lines', 'open', 'Level 2', 'new', 'Pudong', 'urgent', 'ok'];
const FUNCTIONS = ['SUM', 'AVERAGE', 'MAX', 'MIN', 'COUNT'];
const NAMES = ['report', 'data', 'bus', 'stats', 'export', 'list'];
const EXTENSIONS = ['csv', 'txt', 'json', 'xlsx', 'pdf'];
const STARTERS = ['The', 'Each', 'This', 'Results', 'Developers', 'It', 'All', 'Users'];
const CLAUSE_STARTERS = ['the', 'this', 'then', 'results', 'it', 'all'];
const TAILS = ['are updated every night', 'is kept for 30 days', 'should be checked before use', 'will be shown in the list', 'can be exported at any time'];

function codeLine(rnd: Random): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const n = () => 1 + Math.floor(rnd() * 500);
  const column = () => 'ABCDEFG'[Math.floor(rnd() * 7)]!;
  const glue = rnd() < 0.6;
  const json = `{"${pick(KEYS)}":${n()},"${pick(KEYS)}":"${pick(VALUES)}","items":[${rnd() < 0.5 ? `"${pick(VALUES)}","${pick(VALUES)}"` : `{"${pick(KEYS)}":${n()}}`}]}`;
  const c = column();
  const formula = rnd() < 0.5 ? `=${pick(FUNCTIONS)}(${c}2:${c}${n()})` : `=IF(${c}${n()}>=${n()},"${pick(VALUES)}","${pick(VALUES)}")`;
  const file = `${pick(NAMES)}_20??.${pick(EXTENSIONS)}`;
  switch (Math.floor(rnd() * 5)) {
    case 0: {
      const s = pick(STARTERS);
      return `The interface ⟪/api/v${1 + Math.floor(rnd() * 3)}/${pick(NAMES)}⟫ returns ⟪${json}⟫${glue ? `⟦.${s}⇒. ${s}|s⟧` : `. ${s}`} ${pick(TAILS)}.`;
    }
    case 1: {
      const w = pick(CLAUSE_STARTERS);
      return `The table accepts formulas such as ⟪${formula}⟫${glue ? `⟦;${w}⇒; ${w}|c⟧` : `; ${w}`} ${pick(TAILS)}.`;
    }
    case 2:
      return `Wildcards are allowed (⟪*⟫ and ⟪?⟫): ⟪${file}⟫ matches ⟪${file.replace('??', String(10 + Math.floor(rnd() * 15)))}⟫, and ⟪a?b⟫ matches ⟪acb⟫${glue ? '⟦.The⇒. The|s⟧' : '. The'} search ${pick(TAILS)}.`;
    case 3:
      return `The rule ⟪${pick(KEYS)} >= ${n()} ? "${pick(VALUES)}" : "${pick(VALUES)}"⟫ labels each record, and ⟪? or *⟫ stands for any character${glue ? `⟦.${pick(STARTERS)}⇒. ` : '. '}`.replace(/⟦\.(\w+)⇒\. $/, (_m, w: string) => `⟦.${w}⇒. ${w}|s⟧`) + ` ${pick(TAILS)}.`;
    default:
      return `The query ⟪${pick(KEYS)}:"${pick(VALUES)}" AND year:20${10 + Math.floor(rnd() * 15)}⟫ returns ⟪${n()}⟫ records${glue ? '⟦.You⇒. You|s⟧' : '. You'} can save it as ⟪${pick(NAMES)}.${pick(EXTENSIONS)}⟫.`;
  }
}

/**
 * `count` documents of 3–8 lines drawn from `documents`, with artifacts
 * planted at `rate` per site and a footer from `footers` on about half.
 */
export function variants(documents: CorpusDocument[], footers: readonly string[], count: number, seed: number, rate = 0.3): CorpusDocument[] {
  const rnd = seeded(seed);
  const lines = documents.flatMap((d) => corrected(d.markup).split('\n')).filter((l) => stripTraps(l).length >= 40);
  const out: CorpusDocument[] = [];
  for (let n = 0; n < count; n++) {
    const size = 3 + Math.floor(rnd() * 6);
    const body = Array.from({ length: size }, () => plant(lines[Math.floor(rnd() * lines.length)]!, rnd, rate));
    if (rnd() < 0.3) body.splice(Math.floor(rnd() * body.length), 0, codeLine(rnd));
    let markup = body.join('\n\n');
    if (rnd() < 0.6) {
      const footer = footers[Math.floor(rnd() * footers.length)]!;
      markup += `⟦\n${footer}⇒|b⟧`;
      if (rnd() < 0.3) markup += `⟦\n${footers[Math.floor(rnd() * footers.length)]!}⇒|b⟧`;
    }
    out.push(parseDocument(`generated-${seed}-${n}`, markup));
  }
  return out;
}
