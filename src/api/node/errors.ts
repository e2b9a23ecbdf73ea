// Turning whatever a handler threw into the contract's typed error.

import { z } from 'zod';
import { AlignmentError } from '../../core/bilingual/alignment-edits';
import { EditError } from '../../core/edits';
import { FormatError } from '../../core/formats';
import { RelationError } from '../../core/relations';
import { ConflictError, NotFoundError, WorkspaceError } from '../../store/errors';
import type { ApiError, ApiErrorCode } from '../common/contract';

/** A request that is well-formed but cannot be carried out as asked. */
export class RequestError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RequestError';
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof z.ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(input)', message: i.message }));
    return { code: 'invalid_input', message: issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues };
  }
  if (error instanceof RequestError) return { code: error.code, message: error.message };
  if (error instanceof NotFoundError) return { code: 'not_found', message: error.message };
  if (error instanceof ConflictError) return { code: 'conflict', message: error.message };
  if (error instanceof EditError || error instanceof AlignmentError) return { code: 'invalid_input', message: error.message };
  // A relation to a missing annotation, of an unknown type, or between disallowed tags.
  if (error instanceof RelationError) return { code: 'invalid_input', message: error.message };
  // An imported file that breaks its format: the message names the file, the record and the problem.
  if (error instanceof FormatError) return { code: 'bad_file', message: error.message };
  if (error instanceof WorkspaceError) return { code: 'workspace', message: error.message };
  const sqliteCode = (error as { code?: unknown }).code;
  if (typeof sqliteCode === 'string' && sqliteCode.startsWith('SQLITE_BUSY')) {
    return { code: 'workspace', message: 'the workspace is busy in another program; try again' };
  }
  if (sqliteCode === 'SQLITE_FULL') return { code: 'workspace', message: 'the disk is full; nothing was saved' };
  return { code: 'internal', message: `internal error: ${error instanceof Error ? error.message : String(error)}` };
}

/** Thrown inside an import or export whose caller cancelled it (transfer.cancel): the import's transaction rolls back. */
export class TransferCancelled extends RequestError {
  constructor(what: 'import' | 'export') {
    super('cancelled', what === 'import' ? 'the import was cancelled; nothing was imported' : 'the export was cancelled; no file was written');
    this.name = 'TransferCancelled';
  }
}
