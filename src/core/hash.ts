// The one SHA-256 of a document's text, kept with every document so a copy can
// be told from the original. By Web Crypto, which Node, Electron and browsers
// all have.

/** Lowercase hex SHA-256 of the text's UTF-8. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
