// Names for exported files, safe on every file system.

/** A file name from a title: no path separators, reserved or control characters. */
export function fileStem(title: string): string {
  return [...title.replace(/[\\/:*?"<>|\p{Cc}]/gu, '_').trim()].slice(0, 100).join('');
}

/** The name, or name-2, name-3, ... so no two files clash, even on case-insensitive file systems. */
export function uniqueName(stem: string, taken: Set<string>): string {
  let name = stem;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${stem}-${k}`;
  taken.add(name.toLowerCase());
  return name;
}

/** The name without its last extension: `a.b` from `a.b.txt`, `.env` stays. */
export function stemOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}
