import { describe, expect, it } from 'vitest';
import { archiveName, unzipFiles, zipFiles } from '../../../src/core/formats/zip-archive';

describe('zip archives of exports', () => {
  it('holds every file under its name with its text, byte for byte', () => {
    const files = [
      { name: 'Premier readout.brat.txt', content: 'Premier Li Qiang met 𠀋京.\n' },
      { name: 'Premier readout.brat.ann', content: 'T1\tPerson 0 16\tPremier Li Qiang\n' },
      { name: 'Empty.brat.ann', content: '' },
    ];
    const archive = zipFiles(files);
    // A zip file starts with a local file header.
    expect([...archive.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(unzipFiles(archive)).toEqual(files);
  });

  it('refuses two files of the same name instead of dropping one', () => {
    expect(() => zipFiles([{ name: 'a.txt', content: '1' }, { name: 'a.txt', content: '2' }])).toThrow('two exported files are both named a.txt');
  });

  it('names the archive after the document or the workspace, and the format', () => {
    expect(archiveName('brat', 'Port readout: draft')).toBe('Port readout_ draft.brat.zip');
    expect(archiveName('text', null)).toBe('scholia-workspace.text.zip');
    expect(archiveName('brat', '   ')).toBe('scholia-workspace.brat.zip');
  });
});
