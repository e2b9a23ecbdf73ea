// The renderer's Content-Security-Policy, the same from both hosts: the web
// host sends it with every response, Electron with every app:// response.
// (src/renderer/index.html carries it too, as a meta tag.)

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // ProseMirror, Svelte, bits-ui (floating-ui positions) and svelte-sonner set style attributes
  // and sonner adds a <style> element: 'unsafe-inline' for styles only; no style loads from elsewhere.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
