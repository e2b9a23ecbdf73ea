// The single entry every host binds: check the method, validate the input
// against the contract, run the handler, and wrap the outcome in an envelope.

import { inputs, isMethod, type Envelope } from './contract';
import { toApiError } from './errors';
import type { Handlers } from './service';

export type Dispatch = (method: unknown, input: unknown) => Envelope<unknown>;

export function createDispatch(handlers: Handlers, onInternalError: (error: unknown) => void = () => {}): Dispatch {
  return (method, input) => {
    if (!isMethod(method)) {
      return { ok: false, error: { code: 'unknown_method', message: `unknown api method ${JSON.stringify(method)}` } };
    }
    try {
      const parsed = inputs[method].parse(input ?? {});
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: handler(parsed) };
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'internal') onInternalError(error);
      return { ok: false, error: apiError };
    }
  };
}
