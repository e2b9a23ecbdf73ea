// The sample document the default workspace starts with, written for the
// project to show typical machine-translation artifacts.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NewDocument } from '../store/documents';

export const SAMPLE_FILE = 'samples/riverside-port-readout.txt';

export function readSampleDocument(resourcesDir: string): NewDocument {
  return {
    title: 'Riverside Port Authority work conference (sample)',
    text: readFileSync(join(resourcesDir, SAMPLE_FILE), 'utf8'),
    sourceName: 'riverside-port-readout.txt',
    sourceLanguage: 'zh',
    targetLanguage: 'en',
  };
}
