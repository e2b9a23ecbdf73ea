// Rules throughput on the benchmark's generated readout texts of 1 MB and
// 5 MB, measured as `npm run bench` measures it (node-figures.ts), without
// the browser part: a quick figure while working on the rules.
//   npx tsx tests/rules-eval/throughput.ts

import { generateText } from '../bench/generate';
import { measureRules } from '../bench/node-figures';

for (const bytes of [1_000_000, 5_000_000]) {
  const { text } = generateText(bytes);
  const figures = measureRules(text, bytes > 2e6 ? 3 : 5);
  console.log(
    `rules on ${(Buffer.byteLength(text, 'utf8') / 1e6).toFixed(1)} MB: ${figures.rulesMBps.toFixed(1)} MB/s (${figures.findings} findings), re-check ${figures.recheckMs.toFixed(2)} ms (p95 ${figures.recheckP95Ms.toFixed(2)} ms)`,
  );
}
