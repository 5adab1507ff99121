import fs from 'node:fs';
import path from 'node:path';
import { CATEGORICAL, VERDICT_COLORS } from './colors';

/**
 * Dark mode works only if every colour comes from the theme: no colour
 * literal in any source file, and every @backstage/ui colour token used is
 * defined for both the light and the dark theme.
 */
const SRC = path.resolve(__dirname, '..');

/** Files that may hold colour literals, with the reason. */
const ALLOWED: Record<string, string> = {
  'theme/colors.test.ts': 'the literals this test must recognise',
};

const HEX = /(?<![\w&])#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b/i;
const FUNCTION = /\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(/i;
const NAMED =
  /(?:^|[:=]\s*\{?\s*)['"](?:white|black|red|green|blue|gr[ae]y|orange|yellow|purple|pink|brown|silver|navy|teal|maroon|lime|aqua|fuchsia|olive)['"]|\b(?:solid|dashed|dotted)\s+(?:white|black|red|green|blue|gr[ae]y|orange|yellow)\b/i;

function colourLiteral(text: string): string | undefined {
  return (
    HEX.exec(text)?.[0] ?? FUNCTION.exec(text)?.[0] ?? NAMED.exec(text)?.[0]
  );
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(tsx?|css)$/.test(e.name) ? [p] : [];
  });
}

/** The lines of a file without its comments (comments may cite token values). */
function codeLines(file: string): { text: string; line: number }[] {
  const code = fs
    .readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, c => c.replace(/[^\n]/g, ' '))
    .replace(/(^|\s)\/\/.*$/gm, '$1');
  return code.split('\n').map((text, i) => ({ text, line: i + 1 }));
}

/** Custom properties declared inside the first rule whose selector matches. */
function tokensOfBlock(css: string, selector: RegExp): Set<string> {
  const start = css.search(selector);
  if (start < 0) throw new Error(`no ${selector} rule in @backstage/ui's CSS`);
  const open = css.indexOf('{', start);
  let depth = 0;
  let end = open;
  for (; end < css.length; end++) {
    if (css[end] === '{') depth++;
    if (css[end] === '}' && --depth === 0) break;
  }
  return new Set(
    [...css.slice(open, end).matchAll(/(--bui-[\w-]+)\s*:/g)].map(m => m[1]),
  );
}

describe('colours come from the theme', () => {
  const files = sourceFiles(SRC);

  it('finds the sources it scans', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(files).toContain(path.join(SRC, 'theme', 'colors.ts'));
  });

  it('has no colour literal in any source file', () => {
    const hits = files
      .filter(f => !ALLOWED[path.relative(SRC, f)])
      .flatMap(f =>
        codeLines(f).flatMap(({ text, line }) => {
          const hit = colourLiteral(text);
          return hit ? [`${path.relative(SRC, f)}:${line}: ${hit}`] : [];
        }),
      );
    expect(hits).toEqual([]);
  });

  it('recognises the literals it forbids', () => {
    for (const bad of [
      '#2e7d32',
      '#fff',
      'rgb(0, 0, 0)',
      'rgba(0,0,0,.5)',
      'hsl(120 50% 50%)',
      "color: 'white'",
      'fill="black"',
      '1px solid grey',
      'var(--bui-bg-app, #fff)',
    ]) {
      expect(colourLiteral(bad)).toBeDefined();
    }
    for (const fine of [
      'var(--bui-fg-positive)',
      'success',
      '#1 of 3',
      'issue #42',
      'red-team',
    ]) {
      expect(colourLiteral(fine)).toBeUndefined();
    }
  });

  it('uses only colour tokens that @backstage/ui defines for light and dark', () => {
    // The package's `./css/styles.css` export (jest maps `.css` imports to a stub).
    const css = fs.readFileSync(
      path.join(
        path.dirname(require.resolve('@backstage/ui/package.json')),
        'dist/css/styles.css',
      ),
      'utf8',
    );
    const light = tokensOfBlock(
      css,
      /:root,\s*\[data-theme-mode='light'\]\s*\{/,
    );
    const dark = tokensOfBlock(css, /\[data-theme-mode='dark'\]\s*\{/);
    const used = new Set(
      files.flatMap(f =>
        [
          ...fs
            .readFileSync(f, 'utf8')
            .matchAll(/--bui-[\w-]*(?:fg|bg|border)[\w-]*/g),
        ].map(m => m[0]),
      ),
    );
    expect(used.size).toBeGreaterThan(5);
    const missing = [...used].filter(t => !light.has(t) || !dark.has(t));
    expect(missing).toEqual([]);
  });

  it('gives every verdict a theme colour and keeps the categorical colours distinct', () => {
    for (const c of [...Object.values(VERDICT_COLORS), ...CATEGORICAL]) {
      expect(c).toMatch(/^var\(--bui-[\w-]+\)$/);
    }
    expect(new Set(CATEGORICAL).size).toBe(CATEGORICAL.length);
  });
});
