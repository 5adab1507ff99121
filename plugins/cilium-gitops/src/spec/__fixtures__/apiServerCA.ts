/**
 * Public CA certificates (self-signed EC P-256, valid until 2126) for the
 * `controlPlane.apiServerCA` tests. Their keys were thrown away when they
 * were made; only the public certificates are here.
 */
export const API_SERVER_CA_PEM = `
-----BEGIN CERTIFICATE-----
MIIBnjCCAUWgAwIBAgIUA+6CHrpr6NE/06G1ROsNwULZq/EwCgYIKoZIzj0EAwIw
JDEiMCAGA1UEAwwZYXBpLXNlcnZlci1jYS5leGFtcGxlLm5ldDAgFw0yNjEyMDMy
MDI5MzNaGA8yMTI2MTEwOTIwMjkzM1owJDEiMCAGA1UEAwwZYXBpLXNlcnZlci1j
YS5leGFtcGxlLm5ldDBZMBMGByqGSM49AgEGCCqGSM49AwEHA0IABLi16ksDrORH
0OHo/khWqnVMB0CG+crdP4zoqXiZsiaEFPLCMfnX6tLGgIH46GHYz/IM9ilKEc+y
y5OIccFAF5qjUzBRMB0GA1UdDgQWBBS6NOOHruL7kZs3ST0d3h6/3diGHTAfBgNV
HSMEGDAWgBS6NOOHruL7kZs3ST0d3h6/3diGHTAPBgNVHRMBAf8EBTADAQH/MAoG
CCqGSM49BAMCA0cAMEQCIDHGs21mICvskpxy8AfPwpTEY+5lu0Lzu/MT6f0ymlHx
AiBF6HP4OH5kJHXowFoFWl/jIp8F/mk7+1+PwoNmuqTUxA==
-----END CERTIFICATE-----
`.trimStart();

/** A second CA, for a bundle of two. */
export const SECOND_CA_PEM = `
-----BEGIN CERTIFICATE-----
MIIBpDCCAUmgAwIBAgIUMhML+QTisKaMcvZmKUENwMIARPUwCgYIKoZIzj0EAwIw
JjEkMCIGA1UEAwwbYXBpLXNlcnZlci1jYS0yLmV4YW1wbGUubmV0MCAXDTI2MTIw
MzIwMjkzM1oYDzIxMjYxMTA5MjAyOTMzWjAmMSQwIgYDVQQDDBthcGktc2VydmVy
LWNhLTIuZXhhbXBsZS5uZXQwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAARXz1UJ
1vCT8xQSazN+qpAoHkOFw0om/lAf7bur41biOr7oYX9fV37sZmhCfb0gM9KkE9NV
s7mZleb7Om5+XzeCo1MwUTAdBgNVHQ4EFgQUMSjsYtj/qIKOQqTMnRv3aZpeW9cw
HwYDVR0jBBgwFoAUMSjsYtj/qIKOQqTMnRv3aZpeW9cwDwYDVR0TAQH/BAUwAwEB
/zAKBggqhkjOPQQDAgNJADBGAiEAzDggQNJv+G6cKzwi9uLsK34OKmGCyv4Usgik
YTYfns4CIQCa3G2i7+wjik0rd/BM8pb9Rg69piZIZgG4vehrACT31g==
-----END CERTIFICATE-----
`.trimStart();

/**
 * A private-key PEM header, put together at run time so no key-looking
 * block sits in the repository (secret scanners flag it). The body is not
 * a key.
 */
export const PRIVATE_KEY_LOOKALIKE = [
  ['-----BEGIN', 'PRIVATE KEY-----'].join(' '),
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgAAAA',
  ['-----END', 'PRIVATE KEY-----'].join(' '),
  '',
].join('\n');
