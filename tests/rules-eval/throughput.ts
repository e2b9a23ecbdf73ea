// Rules throughput on a few MB of the benchmark's generated readout text:
// a quick figure while working on the rules (`npm run bench` has the real one).

import { generateText } from '../bench/generate';
import { checkText } from '../../src/core/rules';

const { text } = generateText(4_000_000);
const bytes = Buffer.byteLength(text, 'utf8');
checkText(text);
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const t = performance.now();
  checkText(text);
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`rules: ${(bytes / 1e6 / (times[2]! / 1000)).toFixed(1)} MB/s on ${(bytes / 1e6).toFixed(1)} MB`);
