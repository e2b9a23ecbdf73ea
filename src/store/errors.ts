// Typed failures of the workspace file, each with a message a user can act on.

export type WorkspaceErrorCode =
  | 'not_a_file'
  | 'not_sqlite'
  | 'foreign_database'
  | 'corrupt'
  | 'read_only'
  | 'locked'
  | 'too_new'
  | 'migration_failed'
  | 'disk_full'
  | 'cannot_open';

export class WorkspaceError extends Error {
  constructor(
    readonly code: WorkspaceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WorkspaceError';
  }
}

/** Thrown when a record the caller named does not exist. */
export class NotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** Thrown when a write was based on a state that has since changed. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}
