// Holds native exports against the published JSON Schema (draft 2020-12).

import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { repoRoot } from './paths';

const schemaPath = `${repoRoot}/resources/scholia-annotations.schema.json`;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

/** The schema's complaints about a native file's JSON, or [] when it is valid. */
export function schemaErrors(json: string): string[] {
  if (validate(JSON.parse(json))) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}
