import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  TEMPLATE_PATH,
  generateTemplateSchema,
} from './generateTemplateSchema';

const repoRoot = path.resolve(__dirname, '../../../..');
const committed = fs.readFileSync(path.join(repoRoot, TEMPLATE_PATH), 'utf8');

describe('yarn generate:template-schema', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'template-schema-'));
    fs.mkdirSync(path.dirname(path.join(root, TEMPLATE_PATH)), {
      recursive: true,
    });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports a stale template with --check, rewrites it without', () => {
    const stale = committed.replace(
      /(clusterId:\n(?: {10}.*\n)*? {10}maximum: )255/,
      '$1999',
    );
    expect(stale).not.toBe(committed);
    const file = path.join(root, TEMPLATE_PATH);
    fs.writeFileSync(file, stale);

    expect(generateTemplateSchema(root, true)).toEqual({ changed: true, file });
    expect(fs.readFileSync(file, 'utf8')).toBe(stale);

    expect(generateTemplateSchema(root, false).changed).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toBe(committed);
    expect(generateTemplateSchema(root, true).changed).toBe(false);
  });
});
