// The bench's inputs, generated at run time from a fixed seed: English text
// that reads like a machine-translated readout (with the artifacts the rules
// look for planted in it) and annotations over it, some of them overlapping.

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same inputs. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The municipal government',
  'Mayor Gong Zheng',
  'The Pudong New Area',
  'The State Council',
  'The meeting',
  'Vice Premier Liu He',
  'The Ministry of Commerce',
  'The provincial party committee',
  'Relevant departments',
  'The delegation from Shenzhen',
  'Enterprises in the free trade zone',
  'The National Development and Reform Commission',
];
const VERBS = [
  'stressed that',
  'pointed out that',
  'called for efforts to ensure that',
  'emphasized the importance of ensuring that',
  'made it clear that',
  'required that',
  'reiterated that',
];
const CLAUSES = [
  'we must further deepen the reform of the investment and financing system',
  'the high-quality development of the manufacturing industry should be promoted in an all-round way',
  'all localities should earnestly implement the spirit of the important instructions',
  'the construction of new infrastructure will be accelerated',
  'the business environment will continue to be optimized in accordance with the law',
  'efforts should be made to stabilize employment, finance, foreign trade and foreign investment',
  'the supply chain of key industries must be kept stable and smooth',
  'the annual growth target of 6.5 per cent is expected to be met',
  'the risk prevention and control system shall be improved at a higher level',
  'the opening-up of the service sector will be expanded step by step',
  'a total of 1,250 projects with an investment of 3.2 billion yuan were signed',
  'the digital economy and the real economy should be deeply integrated',
  'grassroots governance capacity will be comprehensively enhanced',
  'the green and low-carbon transformation should be promoted steadily',
];
const TAILS = [
  'in the next five years',
  'by the end of 2025',
  'at 10:30 on Monday',
  'according to the plan issued in March',
  'with the support of the U.S. partners',
  'as reported on www.example.gov.cn',
  'in cooperation with WeChat and iPhone suppliers',
  '',
  '',
  '',
];

/** Artifacts the rules detect, each a sentence-sized fragment. */
const ARTIFACTS = [
  'the city.We must move faster',
  'ensure security,Provide better services',
  'the the meeting was held',
  'as Xinhua reported , all parties agreed',
  'the minister’s plan was adopted by the â€œcommitteeâ€',
  'the 新基建 plan was launched',
  'two  spaces crept into the text',
  'the policy was adopted，and implemented',
  'the “plan was announced',
  'at a higher level and higher level',
  'the supply chain.wantContinue to improve',
];
const FOOTER = 'Source: Pudong Daily reported , all right reserved';

export interface GeneratedText {
  text: string;
  /** Number of planted artifacts. */
  planted: number;
}

/** About `bytes` UTF-8 bytes of readout text: paragraphs of 2–6 sentences, blank lines between sections. */
export function generateText(bytes: number, seed = 7): GeneratedText {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const parts: string[] = [];
  let size = 0;
  let planted = 0;
  let paragraph = 0;
  while (size < bytes) {
    const sentences: string[] = [];
    const count = 2 + Math.floor(rnd() * 5);
    for (let s = 0; s < count; s++) {
      let sentence: string;
      if (rnd() < 0.08) {
        sentence = `${pick(SUBJECTS)} said that ${pick(ARTIFACTS)}.`;
        planted++;
      } else {
        const tail = pick(TAILS);
        sentence = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(CLAUSES)}${tail ? ` ${tail}` : ''}.`;
      }
      // An astral character now and then, so offsets in code points differ from UTF-16.
      if (rnd() < 0.01) sentence += ' 😀';
      sentences.push(sentence);
    }
    let line = sentences.join(' ');
    paragraph++;
    if (paragraph % 40 === 0) {
      line = FOOTER;
      planted++;
    }
    parts.push(line);
    size += Buffer.byteLength(line, 'utf8') + 1;
    if (rnd() < 0.1) {
      parts.push('');
      size += 1;
    }
  }
  return { text: `${parts.join('\n')}\n`, planted };
}

export interface GeneratedAnnotation {
  /** UTF-16 offsets into the text, end exclusive. */
  from: number;
  to: number;
  tagIds: string[];
  note: string;
}

/**
 * `count` annotations spread evenly over `text`, on word boundaries, 1–6
 * words long; about one in four overlaps the one before it (nested or
 * crossing), as real annotation does.
 */
export function generateAnnotations(text: string, count: number, tagIds: readonly string[], seed = 11): GeneratedAnnotation[] {
  const rnd = random(seed);
  const words: { from: number; to: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.,-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu)) words.push({ from: m.index, to: m.index + m[0].length });
  if (words.length === 0) return [];
  const out: GeneratedAnnotation[] = [];
  const step = words.length / count;
  const sameLine = (a: number, b: number) => !text.slice(words[a]!.from, words[b]!.to).includes('\n');
  for (let k = 0; k < count; k++) {
    let first = Math.min(words.length - 1, Math.floor(k * step));
    if (k > 0 && rnd() < 0.25) first = Math.max(0, first - 1 - Math.floor(rnd() * 2)); // overlap the previous one
    let last = Math.min(words.length - 1, first + Math.floor(rnd() * 6));
    while (last > first && !sameLine(first, last)) last--;
    const tags = [tagIds[Math.floor(rnd() * tagIds.length)]!];
    if (rnd() < 0.1) {
      const second = tagIds[Math.floor(rnd() * tagIds.length)]!;
      if (second !== tags[0]) tags.push(second);
    }
    out.push({ from: words[first]!.from, to: words[last]!.to, tagIds: tags, note: rnd() < 0.05 ? 'check against the source' : '' });
  }
  return out;
}
