// The hosts' one guard over the built renderer's files, on a real folder.

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererFilePath, servableFileSize } from '../../src/host/renderer-files';

const dir = mkdtempSync(join(tmpdir(), 'scholia-renderer-files-'));
const root = join(dir, 'renderer');
mkdirSync(join(root, 'assets'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(dir, 'secret.txt'), 'secret');
symlinkSync(join(dir, 'secret.txt'), join(root, 'assets', 'link.txt'));

describe('the renderer files a host serves', () => {
  it('serves index.html for the root and files under the folder', () => {
    expect(rendererFilePath(root, '/')).toBe(join(root, 'index.html'));
    expect(servableFileSize(root, rendererFilePath(root, '/index.html')!)).toBe('<!doctype html>'.length);
  });
  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/./index.html', '/assets/%2e/../index.html', '//etc/passwd', '/..%5csecret.txt', '/index.html%00'])(
    'refuses %s',
    (path) => {
      expect(rendererFilePath(root, path)).toBeNull();
    },
  );
  it('refuses a symbolic link that leads out of the folder, and folders', () => {
    const link = rendererFilePath(root, '/assets/link.txt');
    expect(link).toBe(join(root, 'assets', 'link.txt'));
    expect(servableFileSize(root, link!)).toBeNull();
    expect(servableFileSize(root, rendererFilePath(root, '/assets')!)).toBeNull();
  });
});
