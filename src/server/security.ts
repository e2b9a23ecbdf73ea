// What every request to the web host must pass: a loopback Host header (no DNS
// rebinding) and, for the api, the launch token.

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function createToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Constant-time comparison, so the token cannot be guessed byte by byte. Both
 * sides are hashed first: timingSafeEqual needs equal lengths, and comparing
 * digests keeps even the token's length from showing in the timing.
 */
export function tokenMatches(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

export function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * A request a page of another site makes carries its Origin (and the browser's
 * Sec-Fetch-Site): the api answers only its own page, or a client that is no
 * browser page at all.
 */
export function requestFromOwnPage(origin: string | undefined, fetchSite: string | undefined, port: number): boolean {
  if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) return false;
  return fetchSite === undefined || fetchSite === 'same-origin' || fetchSite === 'none';
}
