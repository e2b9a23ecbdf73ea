// The desktop app end to end, through the real main process, preload and
// renderer: the path the web e2e covers, plus what only Electron has (native
// menu, dialogs, single instance) and its security settings seen from inside.
// Skipped, with the reason, where Electron's binary is not installed.

import { expect, test, type ElectronApplication } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../src/host/content-security-policy';
import { clickMenuItem, editorText, hasElectron, invoke, launchApp, missingElectron, openDocument, ROOT, tempDir, tempWorkspacePath, type LaunchOptions, type RunningApp } from './desktop-app';

test.skip(!hasElectron, missingElectron);

let running: RunningApp[] = [];
test.afterEach(async () => {
  await Promise.all(running.map(({ app }) => app.close().catch(() => {})));
  running = [];
});

async function start(options: LaunchOptions): Promise<RunningApp> {
  const started = await launchApp(options);
  running.push(started);
  return started;
}

/** Makes the next open-file dialog answer with `paths`, as if the user picked them. */
async function answerOpenDialog(app: ElectronApplication, paths: string[]): Promise<void> {
  await app.evaluate(({ dialog }, filePaths) => {
    Object.assign(dialog, { showOpenDialog: async () => ({ canceled: false, filePaths }) });
  }, paths);
}

const MIXED_TEXT = '  Title with 😀 and 𠀋 \n\n第一行：中文 text  with  spaces\nlast line 🚢 ';

test('a new workspace given with --workspace opens with an empty library', async () => {
  const { page } = await start({ workspacePath: tempWorkspacePath() });
  await expect(page.getByText('No documents yet')).toBeVisible();
  await expect(page.getByTestId('document-item')).toHaveCount(0);
});

test('the default workspace lives in the profile folder and starts with the sample document', async () => {
  const userData = tempDir('profile');
  const { page } = await start({ userData });
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await expect(page.getByTestId('document-item')).toContainText('Riverside Port Authority');
  expect(existsSync(join(userData, 'workspace.scholia.sqlite'))).toBe(true);
});

test('a .txt with emoji and CJK imported through the api shows exactly its text', async () => {
  const { page } = await start({ workspacePath: tempWorkspacePath() });
  const contentBase64 = Buffer.from(MIXED_TEXT, 'utf8').toString('base64');
  const summary = await invoke<{ id: string }>(page, 'documents.importFile', { fileName: 'mixed-script.txt', contentBase64 });
  await page.reload();
  await openDocument(page, 'mixed-script');
  expect(await editorText(page)).toBe(MIXED_TEXT);
  const stored = await invoke<{ text: string; originalText: string }>(page, 'documents.get', { id: summary.id });
  expect(stored).toMatchObject({ text: MIXED_TEXT, originalText: MIXED_TEXT });
});

test('File > Import… imports the chosen file and the library shows it at once', async () => {
  const { app, page } = await start({ workspacePath: tempWorkspacePath() });
  const file = join(tempDir('import'), 'readout 第二.txt');
  writeFileSync(file, MIXED_TEXT);
  await answerOpenDialog(app, [file]);
  await clickMenuItem(app, 'import');
  await expect(page.getByTestId('document-item')).toHaveCount(1);
  await expect(page.getByTestId('document-item')).toContainText('readout 第二');
  await openDocument(page, 'readout 第二');
  expect(await editorText(page)).toBe(MIXED_TEXT);
});

test('File > Import… reports a refused file in a dialog and adds nothing', async () => {
  const { app, page } = await start({ workspacePath: tempWorkspacePath() });
  const file = join(tempDir('import'), 'photo.txt');
  writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  await answerOpenDialog(app, [file]);
  await app.evaluate(({ dialog }) => {
    const shown: string[] = [];
    Object.assign(globalThis, { shownMessages: shown });
    Object.assign(dialog, {
      showMessageBox: async (...args: unknown[]) => {
        const options = args.at(-1) as { message: string; detail?: string };
        shown.push(`${options.message}\n${options.detail ?? ''}`);
        return { response: 0, checkboxChecked: false };
      },
    });
  });
  await clickMenuItem(app, 'import');
  await expect.poll(() => app.evaluate(() => (globalThis as unknown as { shownMessages: string[] }).shownMessages)).toEqual([
    expect.stringContaining('photo.txt: this is not a text file'),
  ]);
  expect(await invoke<unknown[]>(page, 'documents.list', {})).toHaveLength(0);
});

test('Edit mode toggles from the button, the keyboard and the View menu', async () => {
  const { app, page } = await start({ workspacePath: tempWorkspacePath() });
  await invoke(page, 'documents.create', { title: 'Modes', text: 'Shanghai.We must' });
  await page.reload();
  await openDocument(page, 'Modes');
  const editor = page.getByTestId('editor');
  await expect(editor).toHaveAttribute('data-mode', 'annotate');
  await page.keyboard.press('ControlOrMeta+e');
  await expect(editor).toHaveAttribute('data-mode', 'edit');
  await page.getByTestId('mode-toggle').click();
  await expect(editor).toHaveAttribute('data-mode', 'annotate');
  await clickMenuItem(app, 'toggle-mode');
  await expect(editor).toHaveAttribute('data-mode', 'edit');
});

test('Annotate mode refuses typing', async () => {
  const { page } = await start({ workspacePath: tempWorkspacePath() });
  const doc = await invoke<{ id: string }>(page, 'documents.create', { title: 'Read only', text: 'Shanghai.We must' });
  await page.reload();
  await openDocument(page, 'Read only');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-mode', 'annotate');
  await page.locator('[data-testid=editor] p').first().click();
  await page.keyboard.type('xyz');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Enter');
  expect(await editorText(page)).toBe('Shanghai.We must');
  await page.waitForTimeout(500);
  expect(await invoke(page, 'documents.get', { id: doc.id })).toMatchObject({ text: 'Shanghai.We must', editCount: 0 });
});

test('a correction typed in Edit mode persists across a relaunch', async () => {
  const workspacePath = tempWorkspacePath();
  const userData = tempDir('profile');
  const first = await start({ workspacePath, userData });
  const original = 'the city.We must\r\ncontinue 😀 work';
  const expected = 'the city. We must\r\ncontinue 😀 work';
  const doc = await invoke<{ id: string }>(first.page, 'documents.create', { title: 'Readout', text: original });
  await first.page.reload();
  await openDocument(first.page, 'Readout');
  await first.page.getByTestId('mode-toggle').click();
  await expect(first.page.getByTestId('editor')).toHaveAttribute('data-mode', 'edit');
  // Put the caret right after "city." and type the missing space.
  await first.page.locator('[data-testid=editor] p').first().evaluate((p) => {
    const range = document.createRange();
    range.setStart(p.firstChild!, 'the city.'.length);
    range.collapse(true);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
  });
  await first.page.keyboard.type(' ');
  await expect.poll(async () => (await invoke<{ text: string }>(first.page, 'documents.get', { id: doc.id })).text).toBe(expected);
  await first.app.close();

  const second = await start({ workspacePath, userData });
  await openDocument(second.page, 'Readout');
  expect(await editorText(second.page)).toBe(expected.replace('\r\n', '\n'));
  expect(await invoke(second.page, 'documents.get', { id: doc.id })).toMatchObject({ text: expected, originalText: original, editCount: 1 });
});

test('a second launch with a file hands it to the first window and quits', async () => {
  const userData = tempDir('profile');
  const { page } = await start({ workspacePath: tempWorkspacePath(), userData });
  await expect(page.getByText('No documents yet')).toBeVisible();
  const file = join(tempDir('second'), 'handed over.txt');
  writeFileSync(file, 'from the second instance\n');
  const electronBinary = createRequire(import.meta.url)('electron') as string;
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const env: NodeJS.ProcessEnv = { ...process.env, SCHOLIA_USER_DATA: userData };
  delete env.ELECTRON_RUN_AS_NODE;
  const second = spawn(electronBinary, [...sandbox, join(ROOT, 'out/main/index.js'), file], { cwd: ROOT, env, stdio: 'ignore' });
  const code = await new Promise<number | null>((done) => second.once('exit', done));
  expect(code).toBe(0);
  await expect(page.getByTestId('document-item')).toContainText('handed over');
});

test.describe('security, seen from inside', () => {
  test('the page comes from app://, has no Node, and sees only the bridge', async () => {
    const { page } = await start({ workspacePath: tempWorkspacePath() });
    expect(page.url()).toMatch(/^app:\/\/scholia\//);
    const seen = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      const bridge = w.scholia as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        bridgeKeys: Object.keys(bridge).sort(),
        invoke: typeof bridge.invoke,
        onHostEvent: typeof bridge.onHostEvent,
      };
    });
    expect(seen).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', bridgeKeys: ['invoke', 'onHostEvent'], invoke: 'function', onHostEvent: 'function' });
  });

  test('window.open returns null and opens nothing', async () => {
    const { app, page } = await start({ workspacePath: tempWorkspacePath() });
    // Not http(s): an allowed web link would open the system browser.
    const opened = await page.evaluate(() => ['about:blank', 'file:///etc/passwd', 'app://scholia/index.html'].map((url) => window.open(url) === null));
    expect(opened).toEqual([true, true, true]);
    expect(app.windows()).toHaveLength(1);
  });

  test('navigation to https://example.com is prevented', async () => {
    const { page } = await start({ workspacePath: tempWorkspacePath() });
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => typeof (window as unknown as { scholia?: unknown }).scholia)).toBe('object');
  });

  test('app:// serves the renderer with the CSP and nothing outside it', async () => {
    const { page } = await start({ workspacePath: tempWorkspacePath() });
    const responses = await page.evaluate(async () => {
      const urls = ['app://scholia/index.html', 'app://scholia/%2e%2e/%2e%2e/package.json', 'app://scholia/..%2f..%2fpackage.json', 'app://scholia/%2Fetc%2Fpasswd'];
      return Promise.all(urls.map(async (url) => {
        const response = await fetch(url);
        return { status: response.status, csp: response.headers.get('content-security-policy') };
      }));
    });
    expect(responses[0]).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY });
    expect(responses.slice(1).map((r) => r.status)).toEqual([404, 404, 404]);
  });

  test('permissions are denied and the api validates what comes over IPC', async () => {
    const { page } = await start({ workspacePath: tempWorkspacePath() });
    expect(await page.evaluate(() => Notification.requestPermission())).toBe('denied');
    const refused = await page.evaluate(async () => {
      const bridge = (window as unknown as { scholia: { invoke(m: string, i: unknown): Promise<unknown> } }).scholia;
      return [await bridge.invoke('no.such.method', {}), await bridge.invoke('documents.get', { id: '../x' })];
    });
    expect(refused).toEqual([
      { ok: false, error: expect.objectContaining({ code: 'unknown_method' }) },
      { ok: false, error: expect.objectContaining({ code: 'invalid_input' }) },
    ]);
  });
});
