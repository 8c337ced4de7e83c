// The Content-Security-Policy of pages. Scripts run only with this response's nonce (Next
// puts it on its own inline bootstrap scripts when the request carries the policy; see
// proxy.ts) or when loaded by such a script ('strict-dynamic': Stripe.js loaded by our
// code). No 'unsafe-inline' for scripts: an injected <script> does not run. Styles keep
// 'unsafe-inline': React's style attributes need it, and they cannot run code.
export function contentSecurityPolicy(options: { nonce: string; dev: boolean }): string {
  return [
    "default-src 'self'",
    // 'self' and https: are ignored by browsers that understand 'strict-dynamic' and keep older ones working.
    `script-src 'self' 'nonce-${options.nonce}' 'strict-dynamic' https:${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    // The service worker (public/sw.js): 'strict-dynamic' would otherwise refuse it, since a
    // worker is not a script element that can carry the nonce.
    "worker-src 'self'",
    "manifest-src 'self'",
    "connect-src 'self' https://api.stripe.com",
    "frame-src https://js.stripe.com https://checkout.stripe.com",
    "form-action 'self' https://checkout.stripe.com",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

/** 128 random bits, base64: unguessable per response. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
