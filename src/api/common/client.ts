// The api client the renderer uses; the host supplies how envelopes travel.

import type { ApiError, Envelope, Input, Method, Output } from './contract';

/** Sends one call and resolves with its envelope; never rejects for api errors. */
export type Transport = (method: Method, input: unknown) => Promise<Envelope<unknown>>;

export class ApiCallError extends Error {
  readonly code: ApiError['code'];
  readonly issues: ApiError['issues'];
  constructor(
    readonly method: Method,
    error: ApiError,
  ) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    async call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
      const envelope = await transport(method, input);
      if (!envelope.ok) throw new ApiCallError(method, envelope.error);
      return envelope.value as Output<M>;
    },
  };
}
