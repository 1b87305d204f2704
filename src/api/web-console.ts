/**
 * Serves the officials' review console (built by `src/web/build.mjs` into `dist/web/`) at `/`.
 * Only files that exist are answered; everything else falls through to the API's 404.
 */
import express, { type RequestHandler } from 'express';

/**
 * The page loads nothing from elsewhere (no CDN: the machines it runs on may have no internet),
 * so the policy can say `'self'` only; preact sets styles through the CSSOM, which CSP allows.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Bundles are named `name-HASH.ext` by the build, so they never change under one name. */
const FINGERPRINTED = /-[A-Z0-9]{8,}\.(?:js|css)$/;

/** Static middleware for the console's files in `root`. */
export function webConsole(root: string): RequestHandler {
  return express.static(root, {
    index: 'index.html',
    redirect: false,
    setHeaders(res, path) {
      res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('Cache-Control', FINGERPRINTED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
}
