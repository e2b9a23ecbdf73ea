// Finds the host the renderer runs in and builds the api client over it: the
// desktop preload's bridge, or HTTP to the web host with its launch token.

import { createApiClient, type ApiClient, type Transport } from '../../api/common/client';
import type { Envelope } from '../../api/common/contract';
import type { DesktopBridge } from '../../api/common/desktop-bridge';
import { hostEventSchema, type HostEvent } from '../../api/common/host-events';

export interface Connection {
  client: ApiClient;
  onHostEvent(listener: (event: HostEvent) => void): () => void;
}

const TOKEN_KEY = 'scholia-token';

export function connect(): Connection | { error: string } {
  const bridge = (window as { scholia?: DesktopBridge }).scholia;
  if (bridge) {
    const transport: Transport = (method, input) => bridge.invoke(method, input) as Promise<Envelope<unknown>>;
    return {
      client: createApiClient(transport),
      onHostEvent: (listener) =>
        bridge.onHostEvent((raw) => {
          const parsed = hostEventSchema.safeParse(raw);
          if (parsed.success) listener(parsed.data);
        }),
    };
  }
  const token = takeToken();
  if (!token) return { error: 'This page needs the address the web host printed (it carries the access token). Open that address again.' };
  return { client: createApiClient(httpTransport(token)), onHostEvent: () => () => {} };
}

/** Moves the token from the address bar to session storage so a reload keeps it. */
function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

// keepalive lets a save started as the page unloads finish; browsers cap such bodies at 64 KiB.
const KEEPALIVE_LIMIT = 60 * 1024;

function httpTransport(token: string): Transport {
  return async (method, input) => {
    const body = JSON.stringify(input);
    let response: Response;
    try {
      response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Scholia-Token': token },
        body,
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
    } catch {
      return { ok: false, error: { code: 'unavailable', message: 'the Scholia web host is not reachable; is it still running?' } };
    }
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return { ok: false, error: { code: 'internal', message: `the web host answered ${response.status} without a result` } };
    }
  };
}
