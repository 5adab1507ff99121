/** Upper bound of an upstream message in a response or log, in UTF-8 bytes. */
export const MAX_MESSAGE_BYTES = 1024;

const SECRET_QUERY_KEYS =
  'token|access_token|id_token|refresh_token|password|passwd|pwd|secret|client_secret|api_key|apikey|key|auth|authorization|sig|signature|x-amz-signature|x-amz-credential|private_token|code';

/**
 * Text from an upstream (API server Status, gRPC details, network errors,
 * Argo CD `repoURL`s) made safe to show and log: credentials in URLs
 * (`https://user:pass@host` → `https://***@host`), secret-looking query
 * parameters (`?token=…` → `?token=***`) and bearer/basic tokens removed,
 * then cut to at most 1 KiB (UTF-8) with an ellipsis.
 */
export function safeMessage(
  text: string,
  maxBytes: number = MAX_MESSAGE_BYTES,
): string {
  const scrubbed = text
    // userinfo of any scheme://user[:pass]@host
    .replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@]+@/gi, '$1***@')
    // secret query parameters, in URLs or loose text
    .replace(
      new RegExp(`([?&;](?:${SECRET_QUERY_KEYS})=)[^&\\s#"']*`, 'gi'),
      '$1***',
    )
    // Authorization header values that ended up in a message
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/g, '$1 ***');
  return truncateUtf8(scrubbed, maxBytes);
}

/** `text` cut to at most `maxBytes` UTF-8 bytes, ending in `…` when cut. */
export function truncateUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const ellipsis = '…';
  const budget = maxBytes - Buffer.byteLength(ellipsis);
  let out = Buffer.from(text).subarray(0, budget).toString('utf8');
  // a cut inside a multi-byte character decodes to U+FFFD: drop it
  out = out.replace(/\uFFFD+$/, '');
  while (Buffer.byteLength(out) > budget) out = out.slice(0, -1);
  return out + ellipsis;
}
