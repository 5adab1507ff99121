import { copyText } from './copyText';

describe('copyText', () => {
  const original = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
  afterEach(() => {
    if (original) Object.defineProperty(navigator, 'clipboard', original);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });

  it('uses the Clipboard API when there is one', async () => {
    const writeText = jest.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText },
      configurable: true,
    });
    await copyText('a line');
    expect(writeText).toHaveBeenCalledWith('a line');
  });

  it('falls back to execCommand outside secure contexts', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: undefined,
      configurable: true,
    });
    const copied: string[] = [];
    document.execCommand = jest.fn(() => {
      copied.push(
        (document.activeElement as HTMLTextAreaElement | null)?.value ?? '',
      );
      return true;
    });
    await copyText('fallback line');
    expect(document.execCommand).toHaveBeenCalledWith('copy');
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('reports a refused copy', async () => {
    Object.defineProperty(navigator, 'clipboard', {
      value: undefined,
      configurable: true,
    });
    document.execCommand = jest.fn(() => false);
    await expect(copyText('x')).rejects.toThrow('copy command was refused');
  });
});
