// Where the app is, as the address says it: `#/document/<id>` (with the open
// side panel: `#/document/<id>/changes`), `#/reports` (the workspace's),
// `#/reports/<id>` (a document's), or the library.

export type Route = { kind: 'library' } | { kind: 'document'; id: string; panel?: string } | { kind: 'reports'; documentId: string | null };

const DOCUMENT = /^#\/document\/([^/?#]+)(?:\/([a-z-]+))?$/;
const REPORTS = /^#\/reports(?:\/([^/?#]+))?$/;

function decoded(part: string): string | null {
  try {
    return decodeURIComponent(part);
  } catch {
    return null;
  }
}

export function routeFromHash(hash: string): Route {
  const document = DOCUMENT.exec(hash);
  const id = document ? decoded(document[1]!) : null;
  if (id !== null) return document![2] === undefined ? { kind: 'document', id } : { kind: 'document', id, panel: document![2] };
  const reports = REPORTS.exec(hash);
  if (reports) {
    const documentId = reports[1] === undefined ? null : decoded(reports[1]);
    if (reports[1] === undefined || documentId !== null) return { kind: 'reports', documentId };
  }
  return { kind: 'library' };
}

export function hashOfRoute(route: Route): string {
  if (route.kind === 'document') return `#/document/${encodeURIComponent(route.id)}${route.panel ? `/${route.panel}` : ''}`;
  if (route.kind === 'reports') return route.documentId === null ? '#/reports' : `#/reports/${encodeURIComponent(route.documentId)}`;
  return '#/';
}
