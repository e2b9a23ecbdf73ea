// Debian's Chromium, never a downloaded browser, and the flags it needs here
// (TOOLCHAIN.md): shared by the Playwright config and the benchmark.

export const CHROMIUM = process.env.SCHOLIA_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];
