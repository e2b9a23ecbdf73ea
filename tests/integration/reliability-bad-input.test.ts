// Bad input, each case ending in a clear message and an unchanged workspace:
// files that are not text, workspace files that are not workspaces, and api
// calls that break the contract. (Malformed, truncated and newer-version JSON,
// offsets out of range and quotes that do not match inside imported files are
// in transfer.test.ts; random inputs to every method are in reliability-fuzz.)

import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/api/common/contract';
import { createDispatch, type Dispatch } from '../../src/api/node/dispatch';
import { createService } from '../../src/api/node/service';
import type { Annotation, DocumentRecord, DocumentSummary, Tag } from '../../src/core/model';
import { importFiles as importFromDisk } from '../../src/main/import-files';
import { startWebHost } from '../../src/server/web-host';
import { Workspace } from '../../src/store/workspace';
import { migrations } from '../../src/store/migrations';
import { cli, ROOT } from './reliability-host';

const dir = mkdtempSync(join(tmpdir(), 'scholia-bad-input-'));
chmodSync(dir, 0o755);
const opened: Workspace[] = [];
afterAll(() => {
  for (const ws of opened) ws.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const tempPath = (name = `w${n++}.sqlite`) => join(dir, name);
const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

interface Api {
  ws: Workspace;
  dispatch: Dispatch;
  /** The envelope, awaited. */
  send: <T = unknown>(method: string, input: unknown) => Promise<Envelope<T>>;
  /** The value, or a thrown error carrying the envelope's code. */
  call: <T>(method: string, input: unknown) => Promise<T>;
  /** Every row of every table, to show a refused call changed nothing. */
  snapshot: () => string;
}

async function api(path = tempPath()): Promise<Api> {
  const ws = await Workspace.open(path);
  opened.push(ws);
  const dispatch = createDispatch(createService({ workspace: ws, author: 'tester' }));
  const send = async <T,>(method: string, input: unknown) => (await dispatch(method, input)) as Envelope<T>;
  const call = async <T,>(method: string, input: unknown): Promise<T> => {
    const envelope = await send<T>(method, input);
    if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), { code: envelope.error.code });
    return envelope.value;
  };
  return { ws, dispatch, send, call, snapshot: () => snapshot(ws.db) };
}

function snapshot(db: Database.Database): string {
  const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  return JSON.stringify([
    db.pragma('user_version', { simple: true }),
    ...tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()]),
  ]);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const b64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');

/** Asserts the call is refused with `code` and a message matching `message`, and that nothing changed. */
async function refused(a: Api, method: string, input: unknown, code: string, message?: RegExp | string): Promise<string> {
  const before = a.snapshot();
  const envelope = await a.send(method, input);
  expect(envelope.ok, `${method} ${JSON.stringify(input)?.slice(0, 200)} was accepted`).toBe(false);
  if (envelope.ok) return '';
  expect(envelope.error.code).toBe(code);
  if (message !== undefined) expect(envelope.error.message).toMatch(message);
  // Short enough to show a user, whatever the input was.
  expect(envelope.error.message.length).toBeLessThan(2000);
  expect(a.snapshot()).toBe(before);
  return envelope.error.message;
}

describe('files that are not what they seem', () => {
  const importBoth = async (a: Api, name: string, bytes: Uint8Array, message: RegExp) => {
    await refused(a, 'documents.importFile', { fileName: name, contentBase64: b64(bytes) }, 'bad_file', message);
    await refused(a, 'transfer.import', { files: [{ name, contentBase64: b64(bytes) }], format: 'text' }, 'bad_file', message);
  };

  it('refuses a binary file, naming the byte offset of its first NUL', async () => {
    const a = await api();
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await importBoth(a, 'picture.png', png, /picture\.png: this is not a text file: it holds a NUL byte at byte offset 8/);
  });

  it('refuses invalid UTF-8 (Latin-1, a cut sequence, an overlong form, a surrogate), naming the byte offset', async () => {
    const a = await api();
    await importBoth(a, 'latin1.txt', Buffer.from('Caf\xe9 au lait', 'latin1'), /latin1\.txt: the file is not valid UTF-8: invalid byte 0xe9 at byte offset 3/);
    await importBoth(a, 'cut.txt', new Uint8Array([...Buffer.from('ok 😀'), 0xf0, 0x9f]), /not valid UTF-8: invalid byte 0xf0 at byte offset 7/);
    await importBoth(a, 'overlong.txt', new Uint8Array([0x41, 0xc0, 0xaf]), /invalid byte 0xc0 at byte offset 1/);
    await importBoth(a, 'surrogate.txt', new Uint8Array([0x41, 0x42, 0xed, 0xa0, 0x80]), /invalid byte 0xed at byte offset 2/);
  });

  it('imports UTF-16 with a byte order mark (both byte orders) exactly', async () => {
    const a = await api();
    const text = 'Li Qiang 李强 met 😀 delegates.\r\nSecond line\n';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [['le.txt', le], ['be.txt', be]] as const) {
      const summary = await a.call<DocumentSummary>('documents.importFile', { fileName: name, contentBase64: b64(bytes) });
      expect((await a.call<DocumentRecord>('documents.get', { id: summary.id })).text).toBe(text);
    }
    const imported = await a.call<{ documentIds: string[] }>('transfer.import', { files: [{ name: 'le2.txt', contentBase64: b64(le) }] });
    expect((await a.call<DocumentRecord>('documents.get', { id: imported.documentIds[0]! })).text).toBe(text);
    // A UTF-16 file cut in the middle of a character is refused, not guessed at.
    await importBoth(a, 'odd.txt', le.subarray(0, le.length - 1), /UTF-16LE byte order mark but has an odd number of bytes/);
  });

  it('refuses an empty file and a file holding only a byte order mark', async () => {
    const a = await api();
    await importBoth(a, 'empty.txt', new Uint8Array(), /empty\.txt: the file is empty/);
    await importBoth(a, 'bom.txt', new Uint8Array([0xef, 0xbb, 0xbf]), /bom\.txt: the file holds only a byte order mark/);
  });

  it('refuses a file over the 16 MiB limit with the limit in the message, and a far larger one at the boundary', async () => {
    const a = await api();
    const over = Buffer.alloc(16 * 1024 * 1024 + 1, 0x61);
    await importBoth(a, 'big.txt', over, /big\.txt: the file is 16\.0 MiB, over the 16\.0 MiB limit for one document/);
    await refused(a, 'documents.importFile', { fileName: 'huge.txt', contentBase64: 'QUFB'.repeat(6_000_000) }, 'invalid_input', /contentBase64/);
  });

  it('imports a 10 MB single line and opens it through the api and over HTTP', async () => {
    const a = await api();
    const line = 'The delegation said the port would reopen, and 中文 stays. '.repeat(190_000).slice(0, 10_000_000);
    const summary = await a.call<DocumentSummary>('documents.importFile', { fileName: 'line.txt', contentBase64: b64(line) });
    expect(summary.length).toBe([...line].length);
    const record = await a.call<DocumentRecord>('documents.get', { id: summary.id });
    expect(record.text).toBe(line);
    // An annotation at its far end and an edit there work too.
    const end = summary.length;
    expect((await a.call<Annotation>('annotations.create', { documentId: summary.id, start: end - 6, end })).quote).toBe([...line].slice(-6).join(''));
    await a.call('edits.apply', { documentId: summary.id, baseEditCount: 0, changes: [{ start: end, end, inserted: '\n' }] });

    const host = await startWebHost({ dispatch: a.dispatch, rendererRoot: dir, token: 't0ken', port: 0 });
    try {
      const post = (method: string, input: unknown) =>
        fetch(`http://127.0.0.1:${host.port}/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': 't0ken' },
          body: JSON.stringify(input),
        }).then((r) => r.json() as Promise<Envelope<DocumentRecord>>);
      const again = (await post('documents.importFile', { fileName: 'line2.txt', contentBase64: b64(line) })) as Envelope<DocumentSummary>;
      expect(again.ok).toBe(true);
      const fetched = await post('documents.get', { id: again.ok ? again.value.id : '' });
      expect(fetched.ok && fetched.value.text === line).toBe(true);
    } finally {
      await host.close();
    }
  });
});

describe('files that vanish or cannot be read while importing', () => {
  it('the desktop import (main/import-files) names each file that failed and imports the rest', async () => {
    const a = await api();
    const good = join(dir, 'good.txt');
    writeFileSync(good, 'A good file.\n');
    const vanished = join(dir, 'vanished.txt');
    writeFileSync(vanished, 'here a moment ago');
    rmSync(vanished);
    const folder = join(dir, 'a-folder.txt');
    mkdirSync(folder);
    // /proc/self/mem stats as a regular file but every read fails (EIO): a file that cannot be read, even as root.
    const paths = [good, vanished, folder, ...(existsSync('/proc/self/mem') ? ['/proc/self/mem'] : [])];
    const outcome = await importFromDisk(paths, a.dispatch);
    expect(outcome.imported).toBe(1);
    expect(outcome.failures).toEqual(
      expect.arrayContaining(['vanished.txt: the file does not exist', 'a-folder.txt: not a file', ...(paths.length > 3 ? [expect.stringMatching(/^mem: .*(EIO|i\/o error)/i)] : [])]),
    );
    expect(await a.call<DocumentSummary[]>('documents.list', {})).toHaveLength(1);
  });

  it('the command line refuses the whole import, naming the file, and leaves the workspace as it was', async () => {
    const path = tempPath();
    (await Workspace.open(path)).close();
    const before = sha256(path);
    const good = join(dir, 'fine.txt');
    writeFileSync(good, 'Fine.\n');
    const missing = await cli(['import', good, join(dir, 'gone.txt'), '--workspace', path]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/gone\.txt: no such file/);
    if (existsSync('/proc/self/mem')) {
      const unreadable = await cli(['import', good, '/proc/self/mem', '--workspace', path]);
      expect(unreadable.code).toBe(2);
      expect(unreadable.stderr).toMatch(/EIO|i\/o error/i);
    }
    expect(sha256(path)).toBe(before);
  });
});

describe('workspace paths that are not workspaces', () => {
  const expectRefusal = async (path: string, code: string, message: RegExp) => {
    const sum = safeSha(path);
    await expect(Workspace.open(path)).rejects.toMatchObject({ code, message: expect.stringMatching(message) });
    // The command line says the same, in one line, and exits 2.
    const run = await cli(['list', '--workspace', path]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
    expect(safeSha(path)).toBe(sum);
  };
  const safeSha = (path: string) => {
    try {
      return sha256(path);
    } catch {
      return 'unreadable';
    }
  };

  it('a folder, a device and a file that is not SQLite', async () => {
    const folder = join(dir, 'folder.sqlite');
    mkdirSync(folder);
    await expectRefusal(folder, 'not_a_file', /is a folder, not a workspace file/);
    await expectRefusal('/dev/null', 'not_a_file', /not a regular file/);
    const text = tempPath('notes.txt');
    writeFileSync(text, 'Meeting notes, not a database.\n'.repeat(20));
    await expectRefusal(text, 'not_sqlite', /not a Scholia workspace \(not an SQLite database\)/);
  });

  it('an SQLite database of another program, left byte for byte as it was (also in WAL mode)', async () => {
    for (const journal of ['delete', 'wal']) {
      const path = tempPath(`other-${journal}.db`);
      const db = new Database(path);
      db.pragma(`journal_mode = ${journal}`);
      db.exec("CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Yesterday')");
      db.close();
      const files = readdirSync(dir).sort();
      await expectRefusal(path, 'foreign_database', /an SQLite database of another program, not a Scholia workspace/);
      expect(readdirSync(dir).sort()).toEqual(files);
    }
  });

  it('a workspace cut in half, or with its pages overwritten: damaged, and left as it is', async () => {
    const a = await api();
    for (let i = 0; i < 40; i++) await a.call('documents.create', { title: `Doc ${i}`, text: `Readout number ${i}. `.repeat(400) });
    a.ws.close();
    const full = readFileSync(a.ws.path);
    const half = tempPath('half.sqlite');
    writeFileSync(half, full.subarray(0, Math.floor(full.length / 2)));
    await expectRefusal(half, 'corrupt', /is damaged .*restore it from a backup/);
    const scribbled = tempPath('scribbled.sqlite');
    copyFileSync(a.ws.path, scribbled);
    const bytes = readFileSync(scribbled);
    bytes.fill(0x5a, 4096 * 2, 4096 * 6);
    writeFileSync(scribbled, bytes);
    await expectRefusal(scribbled, 'corrupt', /is damaged/);
    const headerOnly = tempPath('header.sqlite');
    writeFileSync(headerOnly, full.subarray(0, 100));
    await expectRefusal(headerOnly, 'corrupt', /is damaged/);
  });

  it('a workspace written by a newer Scholia, left as it is', async () => {
    const path = tempPath();
    (await Workspace.open(path)).close();
    const db = new Database(path);
    db.pragma('user_version = 99');
    db.close();
    await expectRefusal(path, 'too_new', /written by a newer Scholia \(schema 99/);
  });

  // File modes do not bind root, so as root the command line runs as `nobody` for these.
  const asUser = isRoot ? { uid: NOBODY } : {};
  // ...which needs a checkout `nobody` can read (a clone under a private temporary folder is not).
  const nobodyCanRunCli =
    !isRoot || spawnSync(process.execPath, ['-e', 'require("fs").accessSync(process.argv[1])', join(ROOT, 'node_modules/tsx/package.json')], { uid: NOBODY }).status === 0;

  it('a read-only workspace file, an unreadable one, and a new one in a read-only folder', async (ctx) => {
    if (!nobodyCanRunCli) ctx.skip(`running as root in a checkout the user nobody cannot read (${ROOT}), so file modes cannot be shown to bind`);
    const folder = join(dir, 'locked-folder');
    mkdirSync(folder);
    const readOnly = join(folder, 'read-only.sqlite');
    const a = await api(readOnly);
    await a.call('documents.create', { title: 'Kept', text: 'This text must survive.' });
    a.ws.close();
    chmodSync(readOnly, 0o444);
    chmodSync(folder, 0o555);
    try {
      const before = sha256(readOnly);
      const run = await cli(['list', '--workspace', readOnly], asUser);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/read-only\.sqlite cannot be written \(read-only file or folder\)/);
      expect(sha256(readOnly)).toBe(before);

      chmodSync(readOnly, 0o000);
      const unreadable = await cli(['list', '--workspace', readOnly], asUser);
      expect(unreadable.code).toBe(2);
      expect(unreadable.stderr).toMatch(/read-only\.sqlite cannot be read: permission denied/);

      const fresh = join(folder, 'new.sqlite');
      const created = await cli(['list', '--workspace', fresh], asUser);
      expect(created.code).toBe(2);
      expect(created.stderr).toMatch(/new\.sqlite cannot be created: the folder .*locked-folder is not writable/);
      expect(existsSync(fresh)).toBe(false);
      chmodSync(readOnly, 0o444);
      expect(sha256(readOnly)).toBe(before);
    } finally {
      chmodSync(folder, 0o755);
      chmodSync(readOnly, 0o644);
    }
  });

  it('an empty file becomes a new workspace (nothing to lose), a truncated-to-zero one too', async () => {
    const path = tempPath();
    writeFileSync(path, '');
    const ws = await Workspace.open(path);
    expect(ws.schemaVersion).toBe(migrations.at(-1)!.version);
    ws.close();
    truncateSync(path, 0);
    (await Workspace.open(path)).close();
  });
});

describe('api calls that break the contract', () => {
  it('text with NUL characters or lone surrogates is refused wherever text goes in', async () => {
    const a = await api();
    const doc = await a.call<DocumentSummary>('documents.create', { title: 'Doc', text: 'Some text to annotate.' });
    const tag = (await a.call<Tag[]>('tags.list', {}))[0]!;
    const note = await a.call<Annotation>('annotations.create', { documentId: doc.id, start: 0, end: 4, note: 'fine' });
    for (const bad of ['bad \u0000 nul', 'lone \ud800 high', 'lone \udc00 low', 'reversed \udc00\ud800 pair']) {
      const surrogate = bad.includes('lone') || bad.includes('reversed');
      await refused(a, 'documents.create', { title: 'T', text: bad }, 'invalid_input');
      await refused(a, 'edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 0, inserted: bad }] }, 'invalid_input');
      if (!surrogate) continue;
      // SQLite stores UTF-8: a lone surrogate would come back as U+FFFD, silently changed. Refused everywhere.
      await refused(a, 'documents.rename', { id: doc.id, title: bad }, 'invalid_input');
      await refused(a, 'tags.create', { name: bad, color: '#123456' }, 'invalid_input');
      await refused(a, 'tags.update', { id: tag.id, description: bad }, 'invalid_input');
      await refused(a, 'annotations.create', { documentId: doc.id, start: 0, end: 4, note: bad }, 'invalid_input');
      await refused(a, 'annotations.update', { id: note.id, note: bad }, 'invalid_input');
      await refused(a, 'annotations.update', { id: note.id, attributes: { severity: bad } }, 'invalid_input');
      await refused(a, 'documents.importFile', { fileName: `${bad}.txt`, contentBase64: b64('text') }, 'invalid_input');
    }
    // Astral characters (proper pairs) are text, of course.
    expect((await a.call<Annotation>('annotations.update', { id: note.id, note: '😀 𠀋' })).note).toBe('😀 𠀋');
  });

  it('control characters in tag names and titles are refused, also through imported file names', async () => {
    const a = await api();
    const tag = (await a.call<Tag[]>('tags.list', {}))[0]!;
    const doc = await a.call<DocumentSummary>('documents.create', { title: 'Doc', text: 'Text.' });
    for (const name of ['bell\u0007', 'new\nline', 'tab\there', 'nul\u0000', 'del\u007f', 'c1\u0085', 'esc\u001b[31m']) {
      await refused(a, 'tags.create', { name, color: '#123456' }, 'invalid_input', /control characters are not allowed/);
      await refused(a, 'tags.update', { id: tag.id, name }, 'invalid_input', /control characters are not allowed/);
      await refused(a, 'documents.create', { title: name, text: 'x' }, 'invalid_input', /control characters are not allowed/);
      await refused(a, 'documents.rename', { id: doc.id, title: name }, 'invalid_input', /control characters are not allowed/);
    }
    // Nor can a file name smuggle one into a title.
    for (const name of ['bell\u0007name.txt', 'two\nlines.txt']) {
      await refused(a, 'documents.importFile', { fileName: name, contentBase64: b64('x') }, 'invalid_input', /control characters are not allowed in file names/);
      await refused(a, 'transfer.import', { files: [{ name, contentBase64: b64('x') }] }, 'invalid_input', /control characters are not allowed in file names/);
    }
    // Blank names are refused too.
    await refused(a, 'tags.create', { name: '   ', color: '#123456' }, 'invalid_input');
  });

  it('offsets out of range, negative, fractional, or with the end before the start', async () => {
    const a = await api();
    const doc = await a.call<DocumentSummary>('documents.create', { title: 'Doc', text: '😀 ten chars' });
    const ann = await a.call<Annotation>('annotations.create', { documentId: doc.id, start: 2, end: 5 });
    const length = doc.length;
    for (const [start, end] of [
      [-1, 2],
      [0, length + 1],
      [length, length + 5],
      [5, 3],
      [4, 4],
      [1.5, 3],
      [0, Number.MAX_SAFE_INTEGER + 2],
      [0, 1e300],
      ['0', 3],
      [null, 3],
    ] as const) {
      const range = { start, end };
      await refused(a, 'annotations.create', { documentId: doc.id, ...range }, 'invalid_input');
      await refused(a, 'annotations.update', { id: ann.id, range }, 'invalid_input');
      if (start === end) continue; // an empty change is an insertion point, which is fine
      await refused(a, 'edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ ...range, inserted: 'x' }] }, 'invalid_input');
    }
    await refused(a, 'annotations.create', { documentId: doc.id, start: 0, end: length + 1 }, 'invalid_input', `range [0, ${length + 1}) is outside the document (length ${length})`);
    // One bad change in a batch: none of the batch is applied.
    await refused(
      a,
      'edits.apply',
      { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 0, inserted: 'ok ' }, { start: 2, end: 99, inserted: '' }] },
      'invalid_input',
      /outside the text/,
    );
    await refused(a, 'edits.apply', { documentId: doc.id, baseEditCount: -1, changes: [{ start: 0, end: 0, inserted: 'x' }] }, 'invalid_input');
    await refused(a, 'edits.apply', { documentId: doc.id, baseEditCount: 7, changes: [{ start: 0, end: 0, inserted: 'x' }] }, 'conflict', /reload/);
  });

  it('a quote cannot be given (the api takes it from the text), and unknown tags, documents and parents are refused', async () => {
    const a = await api();
    const doc = await a.call<DocumentSummary>('documents.create', { title: 'Doc', text: 'Premier Li Qiang spoke.' });
    await refused(a, 'annotations.create', { documentId: doc.id, start: 8, end: 16, quote: 'Somebody else' }, 'invalid_input', /quote/);
    expect((await a.call<Annotation>('annotations.create', { documentId: doc.id, start: 8, end: 16 })).quote).toBe('Li Qiang');
    const ann = (await a.call<Annotation[]>('annotations.list', { documentId: doc.id }))[0]!;
    await refused(a, 'annotations.create', { documentId: doc.id, start: 0, end: 7, tagIds: ['no-such-tag'] }, 'not_found', /no-such-tag/);
    const person = (await a.call<Tag[]>('tags.list', {}))[0]!;
    await refused(a, 'annotations.create', { documentId: doc.id, start: 0, end: 7, tagIds: [person.id, 'no-such-tag'] }, 'not_found');
    await refused(a, 'annotations.update', { id: ann.id, tagIds: ['no-such-tag'] }, 'not_found');
    await refused(a, 'annotations.create', { documentId: 'no-such-doc', start: 0, end: 1 }, 'not_found');
    await refused(a, 'tags.create', { name: 'Child', color: '#123456', parentId: 'no-such-tag' }, 'not_found');
    await refused(a, 'tags.update', { id: person.id, parentId: 'no-such-tag' }, 'not_found');
    await refused(a, 'tags.delete', { id: 'no-such-tag' }, 'not_found');
    await refused(a, 'annotations.delete', { id: 'no-such-annotation' }, 'not_found');
    // An id that is taken (undo restores annotations by id) is a conflict, not an internal error.
    await refused(a, 'annotations.create', { id: ann.id, documentId: doc.id, start: 0, end: 7 }, 'conflict', /already exists/);
  });

  it('wrong types, missing fields, extra fields, huge strings and inputs that are not objects', async () => {
    const a = await api();
    const doc = await a.call<DocumentSummary>('documents.create', { title: 'Doc', text: 'Text.' });
    const huge = 'x'.repeat(20 * 1024 * 1024);
    const cases: [string, unknown][] = [
      ['documents.get', { id: 42 }],
      ['documents.get', { id: ['a'] }],
      ['documents.get', {}],
      ['documents.get', { id: 'has space' }],
      ['documents.get', { id: '../../etc/passwd' }],
      ['documents.create', { title: 'T' }],
      ['documents.create', { title: 'T', text: 7 }],
      ['documents.create', { title: 'T', text: '' }],
      ['documents.create', { title: huge, text: 'x' }],
      ['documents.create', { title: 'T', text: huge }],
      ['documents.list', { extra: true }],
      ['tags.create', { name: 'T', color: 'red' }],
      ['tags.create', { name: 'T', color: '#123456', key: '0' }],
      ['tags.create', { name: 'T', color: '#123456', admin: true }],
      ['annotations.create', { documentId: doc.id, start: 0, end: 1, note: huge }],
      ['annotations.create', { documentId: doc.id, start: 0, end: 1, attributes: { k: 5 } }],
      ['annotations.create', { documentId: doc.id, start: 0, end: 1, attributes: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v'])) }],
      ['annotations.create', { documentId: doc.id, start: 0, end: 1, createdAt: 'yesterday' }],
      ['edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [] }],
      ['edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 0 }] }],
      ['edits.apply', { documentId: doc.id, baseEditCount: 0, changes: [{ start: 0, end: 0, inserted: 'x', removed: 'y' }] }],
      ['documents.search', { query: '' }],
      ['documents.search', { query: 'x', limit: 1e9 }],
      ['documents.importFile', { fileName: 'a.txt', contentBase64: 'not base64!' }],
      ['transfer.import', { files: [] }],
      ['transfer.import', { files: [{ name: 'a.txt', contentBase64: b64('x') }], format: 'exe' }],
      ['documents.list', 'a string'],
      ['documents.list', 42],
      ['documents.list', [1, 2]],
      ['documents.list', true],
    ];
    for (const [method, input] of cases) await refused(a, method, input, 'invalid_input');
    await refused(a, 'documents.drop', {}, 'unknown_method', /unknown api method "documents.drop"/);
    await refused(a, '__proto__', {}, 'unknown_method');
    await refused(a, 'constructor', {}, 'unknown_method');
    await refused(a, 'toString', {}, 'unknown_method');
    // A JSON body naming __proto__ is just a field the contract does not know.
    await refused(a, 'documents.get', JSON.parse(`{"id": "${doc.id}", "__proto__": {"polluted": true}}`), 'invalid_input');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
