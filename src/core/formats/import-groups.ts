// Which of the files a user picks or drops are imported together: a standoff
// pair (brat's .txt and .ann of the same name) and a pair of texts
// (name.zh.txt, name.en.txt) are one document each, every other file goes on
// its own, so that one bad file does not keep the others out.

import { formatList, hasExtension } from './format-list';
import { findTextPairs } from './text-pair-names';

type Part = 'text' | 'annotations';

/** The standoff formats, each with its two extensions. */
const standoff = formatList.flatMap((f) => ('standoff' in f ? [{ id: f.id, ...f.standoff }] : []));

export function importGroups<T extends { name: string }>(files: readonly T[]): T[][] {
  const stem = (name: string) => name.replace(/\.[^.]*$/, '');
  // Which part of which standoff format a file could be: `brat:annotations`.
  const kinds = (name: string) =>
    standoff.flatMap((f) => (['text', 'annotations'] as const).filter((part) => hasExtension(name, f[part])).map((part) => ({ format: f.id, part })));
  const key = (format: string, part: Part, name: string) => `${format}:${part}:${stem(name)}`;
  const byKey = new Map<string, T>();
  for (const file of files) {
    for (const { format, part } of kinds(file.name)) if (!byKey.has(key(format, part, file.name))) byKey.set(key(format, part, file.name), file);
  }
  const groups: T[][] = [];
  const taken = new Set<T>();
  for (const { source, translation } of findTextPairs(files)) {
    groups.push([translation, source]);
    taken.add(translation).add(source);
  }
  for (const file of files) {
    if (taken.has(file)) continue;
    const partner = kinds(file.name)
      .map(({ format, part }) => byKey.get(key(format, part === 'text' ? 'annotations' : 'text', file.name)))
      .find((p) => p !== undefined && !taken.has(p));
    if (partner !== undefined) {
      groups.push([file, partner]);
      taken.add(partner);
    } else {
      groups.push([file]);
    }
    taken.add(file);
  }
  return groups;
}
