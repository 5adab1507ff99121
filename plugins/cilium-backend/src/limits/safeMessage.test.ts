import { MAX_MESSAGE_BYTES, safeMessage, truncateUtf8 } from './safeMessage';

describe('safeMessage', () => {
  it('scrubs credentials in URLs, secret query parameters and tokens', () => {
    const text = safeMessage(
      'repo https://deploy:s3cr3t@git.example.com/org/repo.git failed; ' +
        'fetch http://10.0.0.7:8080/api?x=1&token=abc123&page=2 and ' +
        'ssh://git@github.com/org/x.git with header Bearer eyJhbGciOi.JIUzI1',
    );
    expect(text).toBe(
      'repo https://***@git.example.com/org/repo.git failed; ' +
        'fetch http://10.0.0.7:8080/api?x=1&token=***&page=2 and ' +
        'ssh://***@github.com/org/x.git with header Bearer ***',
    );
    expect(text).not.toMatch(/s3cr3t|abc123|eyJ/);
  });

  it('cuts long messages to 1 KiB of UTF-8, never inside a character', () => {
    const long = `${'é'.repeat(2000)} https://u:p@h`;
    const out = safeMessage(long);
    expect(Buffer.byteLength(out)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(out.endsWith('…')).toBe(true);
    expect(out).not.toContain('\uFFFD');
    expect(truncateUtf8('short', 10)).toBe('short');
  });
});
