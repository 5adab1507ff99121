/** Saves `data` as a pretty-printed JSON file through the browser. */
export function downloadJson(fileName: string, data: unknown): void {
  downloadText(
    fileName,
    `${JSON.stringify(data, null, 2)}\n`,
    'application/json',
  );
}

/** Saves `text` as a file through the browser. */
export function downloadText(
  fileName: string,
  text: string,
  type: string,
): void {
  const blob = new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Hubble UI's service map of a namespace (Hubble UI reads `?namespace=`). */
export function hubbleUiLink(base: string, namespace: string): string {
  return namespace
    ? `${base}/?namespace=${encodeURIComponent(namespace)}`
    : base;
}
