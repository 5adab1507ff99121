/**
 * Puts text on the clipboard: the async Clipboard API where the page is a
 * secure context, else the older `execCommand('copy')` on a hidden textarea
 * (Backstage served over plain http on a non-localhost name).
 */
export async function copyText(text: string): Promise<void> {
  if (typeof navigator !== 'undefined' && navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  try {
    area.select();
    if (!document.execCommand('copy')) {
      throw new Error('copy command was refused');
    }
  } finally {
    document.body.removeChild(area);
  }
}
