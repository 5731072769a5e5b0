/**
 * The page may load only its own files; no remote content, no eval, no plugins. `connect-src` allows the local
 * WebSocket of browser mode (127.0.0.1 only). Inline styles are allowed for chart libraries' computed styles.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
