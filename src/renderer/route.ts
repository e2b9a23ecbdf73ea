// Where the app is, as the address says it: `#/document/<id>` or the library.

export type Route = { kind: 'library' } | { kind: 'document'; id: string };

const DOCUMENT = /^#\/document\/([^/?#]+)$/;

export function routeFromHash(hash: string): Route {
  const match = DOCUMENT.exec(hash);
  if (!match) return { kind: 'library' };
  try {
    return { kind: 'document', id: decodeURIComponent(match[1]!) };
  } catch {
    return { kind: 'library' };
  }
}

export function hashOfRoute(route: Route): string {
  return route.kind === 'document' ? `#/document/${encodeURIComponent(route.id)}` : '#/';
}
