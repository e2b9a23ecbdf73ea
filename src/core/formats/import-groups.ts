// Which of the files a user picks or drops are imported together: a brat .ann
// with the .txt of the same name (they are one document), every other file
// on its own, so that one bad file does not keep the others out.

export function importGroups<T extends { name: string }>(files: readonly T[]): T[][] {
  const stem = (name: string) => name.replace(/\.[^.]*$/, '');
  const kind = (name: string) => /\.(txt|ann)$/i.exec(name)?.[1]?.toLowerCase();
  const byStem = new Map<string, T>();
  for (const file of files) {
    const k = kind(file.name);
    if (k !== undefined && !byStem.has(`${k}:${stem(file.name)}`)) byStem.set(`${k}:${stem(file.name)}`, file);
  }
  const groups: T[][] = [];
  const taken = new Set<T>();
  for (const file of files) {
    if (taken.has(file)) continue;
    const k = kind(file.name);
    const partner = k === undefined ? undefined : byStem.get(`${k === 'txt' ? 'ann' : 'txt'}:${stem(file.name)}`);
    if (partner !== undefined && !taken.has(partner)) {
      groups.push([file, partner]);
      taken.add(partner);
    } else {
      groups.push([file]);
    }
    taken.add(file);
  }
  return groups;
}
