// The Electron main process's pure guards, tested without Electron.

import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../src/host/content-types';
import { resolveAppFile } from '../../src/main/app-files';
import { externalWebUrl, isAppUrl, isTrustedSender, RENDERER_URL } from '../../src/main/app-origin';
import { filesFromInstanceData, LaunchArgumentError, parseLaunchArguments } from '../../src/main/launch-args';

const root = resolve('/srv/scholia/out/renderer');

describe('app:// path resolution', () => {
  it('serves index.html for the root and the entry URL', () => {
    expect(resolveAppFile(root, 'app://scholia/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://scholia')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, RENDERER_URL)).toBe(join(root, 'index.html'));
  });
  it('serves files under the renderer folder, ignoring query and fragment', () => {
    expect(resolveAppFile(root, 'app://scholia/assets/index-abc.js?v=1#x')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://scholia/assets/%E6%96%87.css')).toBe(join(root, 'assets', '文.css'));
  });
  it.each([
    'app://scholia/../secret.txt',
    'app://scholia/assets/../../secret.txt',
    'app://scholia/%2e%2e/secret.txt',
    'app://scholia/%2E%2E/%2E%2E/etc/passwd',
    'app://scholia/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://scholia/./index.html',
    'app://scholia/..%5c..%5csecret.txt',
    'app://scholia/assets%5c..%5c..%5csecret.txt',
  ])('refuses %s (dot segments, plain or encoded, and backslashes)', (url) => {
    expect(resolveAppFile(root, url)).toBeNull();
  });
  it.each(['app://scholia//etc/passwd', 'app://scholia/%2Fetc%2Fpasswd', 'app://scholia/C:/Windows/win.ini', 'app://scholia/c%3A%5CWindows'])(
    'refuses the absolute path in %s',
    (url) => {
      expect(resolveAppFile(root, url)).toBeNull();
    },
  );
  it('refuses NUL bytes, malformed escapes, and URLs of other origins', () => {
    expect(resolveAppFile(root, 'app://scholia/index.html%00.js')).toBeNull();
    expect(resolveAppFile(root, 'app://scholia/%E0%A4%A')).toBeNull();
    expect(resolveAppFile(root, 'app://other/index.html')).toBeNull();
    expect(resolveAppFile(root, 'file:///srv/scholia/out/renderer/index.html')).toBeNull();
    expect(resolveAppFile(root, 'https://scholia/index.html')).toBeNull();
  });
  it('names content types, with a safe default', () => {
    expect(contentTypeOf('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/x/data.bin')).toBe('application/octet-stream');
  });
});

describe('the app origin and the IPC sender check', () => {
  it('knows its own origin and nothing else', () => {
    expect(isAppUrl('app://scholia/index.html')).toBe(true);
    expect(isAppUrl('app://scholia/index.html#/doc/1')).toBe(true);
    expect(isAppUrl('app://scholia.evil/index.html')).toBe(false);
    expect(isAppUrl('app://scholia:8080/index.html')).toBe(false);
    expect(isAppUrl('app://user@scholia/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('https://example.com/')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
  it('accepts only the main frame of our window showing our page', () => {
    const ours = { url: RENDERER_URL, isMainFrame: true, isOurWindow: true };
    expect(isTrustedSender(ours)).toBe(true);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender({ ...ours, isMainFrame: false })).toBe(false);
    expect(isTrustedSender({ ...ours, isOurWindow: false })).toBe(false);
    expect(isTrustedSender({ ...ours, url: 'https://example.com/' })).toBe(false);
    expect(isTrustedSender({ ...ours, url: 'about:blank' })).toBe(false);
  });
});

describe('links handed to the system browser', () => {
  it('passes http and https URLs, normalized', () => {
    expect(externalWebUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    expect(externalWebUrl('HTTP://Example.com')).toBe('http://example.com/');
  });
  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'app://scholia/index.html', 'mailto:a@example.com', 'smb://host/share', 'ms-msdt:foo', 'data:text/html,x', 'https://user:pw@example.com/', 'nonsense'])(
    'refuses %s',
    (url) => {
      expect(externalWebUrl(url)).toBeNull();
    },
  );
});

describe('launch arguments and what a second instance passes on', () => {
  it('reads --workspace in both spellings and the files to import', () => {
    expect(parseLaunchArguments(['/opt/Scholia/scholia', '--workspace', 'w.sqlite', 'a.txt'], false)).toEqual({ workspace: 'w.sqlite', files: ['a.txt'] });
    expect(parseLaunchArguments(['/opt/Scholia/scholia', '--workspace=w.sqlite'], false)).toEqual({ workspace: 'w.sqlite', files: [] });
  });
  it('skips the app path under `electron <app>` and leaves Chromium switches alone', () => {
    const argv = ['electron', '--no-sandbox', '--inspect=0', 'out/main/index.js', '--workspace', '/tmp/w.sqlite', 'b.txt'];
    expect(parseLaunchArguments(argv, true)).toEqual({ workspace: '/tmp/w.sqlite', files: ['b.txt'] });
  });
  it('refuses --workspace without a path', () => {
    expect(() => parseLaunchArguments(['scholia', '--workspace'], false)).toThrow(LaunchArgumentError);
    expect(() => parseLaunchArguments(['scholia', '--workspace', '--no-sandbox'], false)).toThrow(LaunchArgumentError);
    expect(() => parseLaunchArguments(['scholia', '--workspace='], false)).toThrow(LaunchArgumentError);
  });
  it('takes only absolute file paths from a well-formed second-instance message', () => {
    expect(filesFromInstanceData({ files: ['/home/a/x.txt', 'relative.txt'] })).toEqual(['/home/a/x.txt']);
    expect(filesFromInstanceData({ files: ['/x'], extra: 1 })).toEqual([]);
    expect(filesFromInstanceData({ files: [1] })).toEqual([]);
    expect(filesFromInstanceData(null)).toEqual([]);
    expect(filesFromInstanceData('x')).toEqual([]);
  });
});
