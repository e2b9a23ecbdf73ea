// Saving exported files from the page: a Blob behind an <a download>, which
// the web host's browser and Electron alike save as a file.

export function downloadFile(name: string, content: string | Uint8Array): void {
  // A copy of the bytes: a Blob takes only an ArrayBuffer's view, not a shared one's.
  const url = URL.createObjectURL(new Blob([typeof content === 'string' ? content : new Uint8Array(content)], { type: mediaType(name) }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser reads the blob after click() returns; let it finish first.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function mediaType(name: string): string {
  if (name.endsWith('.zip')) return 'application/zip';
  if (name.endsWith('.jsonld')) return 'application/ld+json';
  if (name.endsWith('.jsonl')) return 'application/jsonl';
  if (name.endsWith('.json')) return 'application/json';
  return 'text/plain;charset=utf-8';
}
