import { Locator, Page } from 'playwright-core';

/** A text as the user sees it: its colour against what is painted behind it. */
export interface TextContrast {
  text: string;
  tag: string;
  ratio: number;
}

/**
 * Switches the app theme the way Backstage's theme picker does: the
 * `AppThemeSelector` of @backstage/core-app-api keeps the chosen theme id in
 * localStorage under `theme` and reads it when the app starts.
 */
export async function useTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate(t => window.localStorage.setItem('theme', t), theme);
}

/**
 * Waits until Backstage's theme provider has put `data-theme-mode="<mode>"`
 * on <body> (the attribute @backstage/ui's dark tokens hang on); fails after
 * the page's default timeout otherwise.
 */
export async function waitForThemeMode(page: Page, mode: 'light' | 'dark') {
  await page.waitForFunction(
    m => document.body.getAttribute('data-theme-mode') === m,
    mode,
  );
}

/**
 * WCAG contrast of every visible text inside `root` (HTML text and SVG
 * <text>; not disabled controls) against the first opaque background behind it. Colours are
 * resolved by painting them on a canvas, so any CSS colour syntax works.
 */
export async function textContrasts(root: Locator): Promise<TextContrast[]> {
  return root.evaluate(el => {
    const ctx = document.createElement('canvas').getContext('2d', {
      willReadFrequently: true,
    })!;
    const rgba = (css: string): number[] => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = 'rgba(0,0,0,0)';
      ctx.fillStyle = css;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0], d[1], d[2], d[3] / 255];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
      };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (start: Element): number[] => {
      for (let e: Element | null = start; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c[3] > 0.5) return c;
      }
      return rgba(getComputedStyle(document.body).backgroundColor);
    };
    const out: { text: string; tag: string; ratio: number }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = (n.textContent ?? '').trim();
      const parent = n.parentElement;
      if (!text || !parent) continue;
      const box = parent.getBoundingClientRect();
      const style = getComputedStyle(parent);
      if (
        box.width === 0 ||
        box.height === 0 ||
        style.visibility === 'hidden' ||
        Number(style.opacity) === 0 ||
        parent.closest('[aria-hidden="true"]') ||
        // WCAG exempts disabled controls (a greyed "Next" on the last page).
        parent.closest('[disabled], [aria-disabled="true"], [data-disabled]')
      ) {
        continue;
      }
      const isSvg = parent instanceof SVGElement;
      const fg = rgba(isSvg ? style.fill : style.color);
      const bg = background(isSvg ? parent.closest('svg')! : parent);
      const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a);
      out.push({
        text: text.slice(0, 60),
        tag: parent.tagName.toLowerCase(),
        ratio: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
      });
    }
    return out;
  });
}

/** Elements inside `root` painted with an (almost) white background. */
export async function whiteBackgrounds(root: Locator): Promise<string[]> {
  return root.evaluate(el => {
    const found: string[] = [];
    for (const e of [el, ...Array.from(el.querySelectorAll('*'))]) {
      const box = e.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const m = /rgba?\((\d+), (\d+), (\d+)(?:, ([\d.]+))?\)/.exec(
        getComputedStyle(e).backgroundColor,
      );
      if (!m) continue;
      const alpha = m[4] === undefined ? 1 : Number(m[4]);
      if (alpha > 0.5 && [m[1], m[2], m[3]].every(c => Number(c) >= 240)) {
        const id =
          e.getAttribute('data-testid') ?? e.getAttribute('class') ?? '';
        found.push(`${e.tagName.toLowerCase()} ${id}`.trim());
      }
    }
    return found;
  });
}
