// `npm run eval:rules`: the rules on their evaluation corpus, the
// development part and the held-out part, per rule.
//   --show  also list the missed artifacts and the wrong findings (dev part only,
//           unless --held-out-too: the held-out part is for figures, not for reading)

import { readFileSync } from 'node:fs';
import { CORPUS_DIR, readPart, type CorpusDocument } from './corpus';
import { scorePart, type PartScore } from './score';
import { variants } from './variants';

const show = process.argv.includes('--show');
const showHeldOut = process.argv.includes('--held-out-too');

// Each part: its hand-written documents plus variants planted from them with the part's own seed.
const PARTS = [
  { name: 'dev', seed: 17, generated: 150 },
  { name: 'held-out', seed: 4242, generated: 150 },
];

function footers(part: string): string[] {
  return readFileSync(new URL(`${part}/footers.lines`, CORPUS_DIR), 'utf8').split('\n').filter((l) => l.trim() !== '');
}

const pct = (a: number, b: number) => (b === 0 ? '   -  ' : (a / b).toFixed(3).padStart(6));

function table(name: string, hand: CorpusDocument[], score: PartScore): string {
  const rows = [
    `${name}: ${score.documents} documents (${hand.length} hand-written), ${(score.characters / 1000).toFixed(0)}k characters, ${score.rules.reduce((n, r) => n + r.artifacts, 0)} artifacts, ${score.traps} marked traps`,
    `${'rule'.padEnd(30)} ${'artifacts'.padStart(9)} ${'recall'.padStart(6)} ${'findings'.padStart(8)} ${'precision'.padStart(9)} ${'traps hit'.padStart(9)} ${'on reference'.padStart(12)} ${'distance closed'.padStart(15)}`,
  ];
  let found = 0;
  let artifacts = 0;
  let right = 0;
  let judged = 0;
  for (const r of score.rules) {
    found += r.found;
    artifacts += r.artifacts;
    right += r.right;
    judged += r.findings - r.elsewhere;
    if (r.artifacts === 0 && r.findings === 0 && r.onReference === 0) continue;
    rows.push(
      `${r.rule.padEnd(30)} ${String(r.artifacts).padStart(9)} ${pct(r.found, r.artifacts)} ${String(r.findings).padStart(8)} ${pct(r.right, r.findings - r.elsewhere).padStart(9)} ${String(r.trapHits).padStart(9)} ${String(r.onReference).padStart(12)} ${pct(r.distance - r.remaining, r.distance).padStart(15)}`,
    );
  }
  const trapHits = score.rules.reduce((n, r) => n + r.trapHits, 0);
  const onReference = score.rules.reduce((n, r) => n + r.onReference, 0);
  rows.push(
    `${'all rules'.padEnd(30)} ${String(artifacts).padStart(9)} ${pct(found, artifacts)} ${String(judged).padStart(8)} ${pct(right, judged).padStart(9)} ${String(trapHits).padStart(9)} ${String(onReference).padStart(12)} ${pct(score.distance - score.remaining, score.distance).padStart(15)}`,
  );
  rows.push(`distance closed by every fix, suggestions too: ${pct(score.distance - score.remainingAllFixes, score.distance).trim()}`);
  return rows.join('\n');
}

for (const part of PARTS) {
  const hand = readPart(part.name);
  const documents = [...hand, ...variants(hand, footers(part.name), part.generated, part.seed)];
  const score = scorePart(documents);
  console.log(`${table(part.name, hand, score)}\n`);
  if (show && (part.name === 'dev' || showHeldOut)) {
    for (const m of score.misses) console.log(`  missed  ${m}`);
    for (const w of score.wrong) console.log(`  wrong   ${w}`);
    console.log();
  }
}
