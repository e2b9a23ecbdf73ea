// Saving exported files from the page: a Blob behind an <a download>, which
// the web host's browser and Electron alike save as a file.

export function downloadFile(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mediaType(name) }));
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
  if (name.endsWith('.jsonld')) return 'application/ld+json';
  if (name.endsWith('.jsonl')) return 'application/jsonl';
  if (name.endsWith('.json')) return 'application/json';
  return 'text/plain;charset=utf-8';
}
