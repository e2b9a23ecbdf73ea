// Scores the bilingual core on the test set in tests/fixtures/bilingual:
// sentence splitting (rules vs Intl.Segmenter, by the alignment each gives),
// alignment precision/recall at link level, each check's precision/recall,
// and the time to split, align and check 1 MB of source.
// Run: npm run eval:bilingual [-- --verbose]

import { alignTexts } from '../src/core/bilingual/align';
import { checkBilingual } from '../src/core/bilingual/checks/index';
import { segmenterSentences, splitSentences } from '../src/core/bilingual/sentences';
import type { AlignmentLink } from '../src/core/bilingual/types';
import { loadTestSet, type GoldDocument } from '../tests/fixtures/bilingual/load';
import { add, EMPTY, findingMatches, precision, recall, scoreAlignment, scoreFindings, type Score } from '../tests/fixtures/bilingual/score';

const RULES = ['number-mismatch', 'omission', 'addition', 'untranslated', 'terminology', 'inconsistent-translation', 'kept-as-is'];
const verbose = process.argv.includes('--verbose');
const docs = loadTestSet();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const line = (name: string, s: Score) => `| ${name} | ${pct(precision(s))} (${s.correct}/${s.predicted}) | ${pct(recall(s))} (${s.found}/${s.gold}) |`;

function align(doc: GoldDocument, splitter: 'rules' | 'segmenter'): AlignmentLink[] {
  const split = splitter === 'rules' ? splitSentences : segmenterSentences;
  return alignTexts(doc.source, doc.translation, {
    sourceLanguage: 'zh',
    translationLanguage: 'en',
    sourceSentences: split(doc.source, 'zh'),
    translationSentences: split(doc.translation, 'en'),
  });
}

const cp = (text: string, s: { start: number; end: number } | null) => (s ? [...text].slice(s.start, s.end).join('') : '∅');

console.log(`Test set: ${docs.length} documents, ${docs.reduce((n, d) => n + d.links.length, 0)} gold links, ${docs.reduce((n, d) => n + d.findings.length, 0)} gold findings, ${docs.reduce((n, d) => n + [...d.source].length, 0)} source characters.\n`);
// Every gold link starts a sentence on each side: the share of link starts a splitter finds.
console.log('| sentence splitter | gold link starts found (zh) | (en) | sentences (zh / en) |\n| --- | --- | --- | --- |');
for (const [name, split] of [['our rules', splitSentences], ['Intl.Segmenter', segmenterSentences]] as const) {
  const found = [0, 0];
  const total = [0, 0];
  const counts = [0, 0];
  for (const doc of docs) {
    (['source', 'translation'] as const).forEach((side, k) => {
      const text = side === 'source' ? doc.source : doc.translation;
      const starts = new Set(split(text, side === 'source' ? 'zh' : 'en').map((s) => s.start));
      counts[k]! += starts.size;
      for (const link of doc.links) {
        const span = link[side];
        if (!span) continue;
        total[k]!++;
        if (starts.has(span.start)) found[k]!++;
      }
    });
  }
  console.log(`| ${name} | ${pct(found[0]! / total[0]!)} (${found[0]}/${total[0]}) | ${pct(found[1]! / total[1]!)} (${found[1]}/${total[1]}) | ${counts[0]} / ${counts[1]} |`);
}
console.log();
console.log('| alignment (link level) | precision | recall |\n| --- | --- | --- |');
for (const splitter of ['rules', 'segmenter'] as const) {
  let total = EMPTY;
  for (const doc of docs) {
    const links = align(doc, splitter);
    total = add(total, scoreAlignment(links, doc.links));
    if (verbose && splitter === 'rules') {
      const gold = new Set(doc.links.map((l) => JSON.stringify(l)));
      for (const l of links) if (!gold.has(JSON.stringify(l))) console.log(`  ${doc.name} wrong link: ${cp(doc.source, l.source)} <-> ${cp(doc.translation, l.translation)}`);
    }
  }
  console.log(line(splitter === 'rules' ? 'our sentence rules' : 'Intl.Segmenter sentences', total));
}
{
  // Without paragraph breaks (each replaced by a space, so the gold ranges hold): the DP alone.
  let total = EMPTY;
  for (const doc of docs) {
    const flat = { ...doc, source: doc.source.replace(/\n/g, ' '), translation: doc.translation.replace(/\n/g, ' ') };
    total = add(total, scoreAlignment(align(flat, 'rules'), doc.links));
  }
  console.log(line('our sentence rules, paragraph breaks removed', total));
}

console.log('\n| check (on automatic alignment) | precision | recall |\n| --- | --- | --- |');
const byRule = new Map<string, Score>(RULES.map((r) => [r, EMPTY]));
const byRuleGoldLinks = new Map<string, Score>(RULES.map((r) => [r, EMPTY]));
for (const doc of docs) {
  const input = { source: doc.source, translation: doc.translation, sourceLanguage: 'zh', translationLanguage: 'en' };
  const findings = checkBilingual({ ...input, alignment: align(doc, 'rules') }, doc.glossary);
  const onGold = checkBilingual({ ...input, alignment: doc.links }, doc.glossary);
  for (const rule of RULES) {
    byRule.set(rule, add(byRule.get(rule)!, scoreFindings(findings, doc.findings, rule)));
    byRuleGoldLinks.set(rule, add(byRuleGoldLinks.get(rule)!, scoreFindings(onGold, doc.findings, rule)));
  }
  if (verbose) {
    for (const f of findings) if (!doc.findings.some((g) => findingMatches(f, g))) console.log(`  ${doc.name} false ${f.rule}: ${f.message} [${f.source.map((s) => cp(doc.source, s)).join(' / ')}]`);
    for (const g of doc.findings) if (!findings.some((f) => findingMatches(f, g))) console.log(`  ${doc.name} missed ${g.rule}: ${cp(doc.source, g.source)} / ${cp(doc.translation, g.translation)}`);
  }
}
let all = EMPTY;
for (const rule of RULES) {
  all = add(all, byRule.get(rule)!);
  console.log(line(rule, byRule.get(rule)!));
}
console.log(line('all checks', all));
let allGold = EMPTY;
for (const rule of RULES) allGold = add(allGold, byRuleGoldLinks.get(rule)!);
console.log(line('all checks, on gold alignment', allGold));

// 1 MB of source (UTF-8 bytes): the test set repeated, its translations alongside.
let source = '';
let translation = '';
while (Buffer.byteLength(source) < 1_000_000) {
  for (const doc of docs) {
    source += `${doc.source}\n`;
    translation += `${doc.translation}\n`;
  }
}
const started = performance.now();
const links = alignTexts(source, translation, { sourceLanguage: 'zh', translationLanguage: 'en' });
const aligned = performance.now();
const findings = checkBilingual({ source, translation, sourceLanguage: 'zh', translationLanguage: 'en', alignment: links }, docs.flatMap((d) => d.glossary));
const checked = performance.now();
console.log(
  `\n1 MB of source (${(Buffer.byteLength(source) / 1e6).toFixed(2)} MB, ${[...source].length} characters, ${links.length} links): ` +
    `split + align ${((aligned - started) / 1000).toFixed(2)} s, check ${((checked - aligned) / 1000).toFixed(2)} s (${findings.length} findings).`,
);
