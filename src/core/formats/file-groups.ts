// The files of one import request, each with the format to read it by, and a
// standoff format's text and annotation files as pairs.

import { baseName } from './documents';
import { detectFormat } from './detect';
import { FormatError } from './errors';
import { stemOf } from './file-names';
import type { ImportSource, IncomingFile } from './format';
import { findTextPairs } from './text-pair-names';
import { formatInfo, formatList, hasExtension, type ImportFormatId } from './format-list';

export type FileGroup = ImportSource & { format: ImportFormatId };

/**
 * Each file with its format; a standoff format's annotations (brat's .ann)
 * with the text file of the same name. With format auto, a .txt goes with a
 * brat .ann of its name, else it is plain text.
 */
export function groupFiles(files: readonly IncomingFile[], format: ImportFormatId | 'auto'): FileGroup[] {
  const named = files.map((f) => ({ name: baseName(f.name), bytes: f.bytes }));
  const formats: ImportFormatId[] = named.map((file) => (format === 'auto' ? detectFormat(file.name, file.bytes) : format));
  const groups: FileGroup[] = [];
  const paired = new Set<IncomingFile>();
  // name.zh.txt with name.en.txt: a translation and its source, told by their names.
  if (format === 'auto' || format === 'text-pair') {
    for (const { translation, source } of findTextPairs(named.filter((_, i) => formats[i] === 'text' || formats[i] === 'text-pair'))) {
      groups.push({ format: 'text-pair', file: translation, source });
      paired.add(translation).add(source);
    }
  }
  for (const standoff of formatList) {
    if (!('standoff' in standoff)) continue;
    const { id } = standoff;
    const textExtension = standoff.standoff.text;
    const annotations = new Map<string, IncomingFile>();
    const texts = new Map<string, IncomingFile>();
    named.forEach((file, i) => {
      if (paired.has(file)) return;
      if (formats[i] !== id && !(format === 'auto' && hasExtension(file.name, textExtension))) return;
      const stem = stemOf(file.name);
      const side = hasExtension(file.name, textExtension) ? texts : annotations;
      if (side.has(stem)) throw new FormatError({ file: file.name }, `${side.get(stem)!.name} has the same name: which one goes with ${stem}'s ${id} pair is unclear`);
      side.set(stem, file);
    });
    for (const [stem, file] of annotations) {
      const text = texts.get(stem);
      if (text === undefined) throw new FormatError({ file: file.name }, `${id} annotations need their text: ${stem}.${textExtension} was not given with them`);
      groups.push({ format: id, file, text });
      paired.add(text).add(file);
    }
  }
  named.forEach((file, i) => {
    if (paired.has(file)) return;
    const f = formats[i]!;
    const standoff = formatInfo(f);
    if ('standoff' in standoff) throw new FormatError({ file: file.name }, `${f} text needs its annotations: ${stemOf(file.name)}.${standoff.standoff.annotations} was not given with it`);
    groups.push({ format: f, file });
  });
  return groups;
}
