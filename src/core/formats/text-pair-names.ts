// Which files make a pair of texts, by name alone: `name.zh.txt` with
// `name.en.txt`. Light, for the renderer's import grouping.

const PAIR_NAME = /^(.+)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)\.txt$/i;

/** `{ stem, language }` of a name like `report.zh.txt`, or undefined. */
export function pairName(name: string): { stem: string; language: string } | undefined {
  const match = PAIR_NAME.exec(name);
  return match ? { stem: match[1]!, language: match[2]! } : undefined;
}

const isEnglish = (language: string) => /^en(?:-|$)/i.test(language);

/**
 * The files that make text pairs: for each stem given once with an English
 * suffix and once with another language, the translation and its source.
 */
export function findTextPairs<T extends { name: string }>(files: readonly T[]): { translation: T; source: T }[] {
  const byStem = new Map<string, T[]>();
  for (const file of files) {
    const parsed = pairName(file.name);
    if (!parsed) continue;
    const key = parsed.stem.toLowerCase();
    byStem.set(key, [...(byStem.get(key) ?? []), file]);
  }
  const pairs: { translation: T; source: T }[] = [];
  for (const group of byStem.values()) {
    if (group.length !== 2) continue;
    const [a, b] = group as [T, T];
    const englishA = isEnglish(pairName(a.name)!.language);
    const englishB = isEnglish(pairName(b.name)!.language);
    if (englishA !== englishB) pairs.push(englishA ? { translation: a, source: b } : { translation: b, source: a });
  }
  return pairs;
}
