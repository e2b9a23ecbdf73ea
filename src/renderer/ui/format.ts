export function formatSize(codePoints: number): string {
  if (codePoints < 1000) return `${codePoints} chars`;
  if (codePoints < 1_000_000) return `${(codePoints / 1000).toFixed(1)}k chars`;
  return `${(codePoints / 1_000_000).toFixed(1)}M chars`;
}

export function formatTime(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}
