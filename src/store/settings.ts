// The workspace's settings, one row per key; a key never written reads as its default.

import type { Database } from 'better-sqlite3';
import { DEFAULT_SETTINGS, type Settings } from '../core/settings';
import { statement } from './statements';

export function readSettings(db: Database): Settings {
  const rows = statement(db, 'SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const stored = Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  // Only known keys, each as stored: values were validated when written.
  return Object.fromEntries(Object.entries(DEFAULT_SETTINGS).map(([key, fallback]) => [key, key in stored ? stored[key] : fallback])) as unknown as Settings;
}

export function writeSettings(db: Database, changes: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  return readSettings(db);
}
