// The single entry every host binds: check the method, validate the input
// against the contract, run the handler, and wrap the outcome in an envelope.
// Most handlers answer at once; those that read files (imports) answer with a
// promise, and so does the dispatch for them.

import { inputs, isMethod, type Envelope } from '../common/contract';
import { toApiError } from './errors';
import type { Handlers } from './service';

export type Dispatch = (method: unknown, input: unknown) => Envelope<unknown> | Promise<Envelope<unknown>>;

export function createDispatch(handlers: Handlers, onInternalError: (error: unknown) => void = () => {}): Dispatch {
  return (method, input) => {
    if (!isMethod(method)) {
      // Named without serialising it: a method name may be anything (a BigInt, a huge string).
      const name = typeof method === 'string' ? JSON.stringify(method.slice(0, 100)) : `of type ${typeof method}`;
      return { ok: false, error: { code: 'unknown_method', message: `unknown api method ${name}` } };
    }
    const fail = (error: unknown): Envelope<unknown> => {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') onInternalError(error);
      return { ok: false, error: apiError };
    };
    try {
      const parsed = inputs[method].parse(input ?? {});
      const handler = handlers[method] as (input: unknown) => unknown;
      const value = handler(parsed);
      if (value instanceof Promise) return value.then((v: unknown): Envelope<unknown> => ({ ok: true, value: v }), fail);
      return { ok: true, value };
    } catch (error) {
      return fail(error);
    }
  };
}
