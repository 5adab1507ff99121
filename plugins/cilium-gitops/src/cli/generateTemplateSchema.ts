/**
 * `yarn generate:template-schema [--check]`: writes the spec's field rules
 * into templates/cilium-cluster/template.yaml's form (see
 * `spec/formSchema.ts`); `--check` only reports whether the committed
 * template differs and exits 1 if it does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { mergeFormSchema } from '../spec/formSchema';

export const TEMPLATE_PATH = 'templates/cilium-cluster/template.yaml';

export function generateTemplateSchema(
  repoRoot: string,
  check: boolean,
): { changed: boolean; file: string } {
  const file = path.join(repoRoot, TEMPLATE_PATH);
  const current = fs.readFileSync(file, 'utf8');
  const generated = mergeFormSchema(current);
  const changed = generated !== current;
  if (changed && !check) fs.writeFileSync(file, generated);
  return { changed, file };
}

if (require.main === module) {
  const check = process.argv.includes('--check');
  const { changed, file } = generateTemplateSchema(process.cwd(), check);
  if (check && changed) {
    process.stderr.write(
      `${file} differs from the spec's rules; run yarn generate:template-schema\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(
      `${file}: ${changed ? 'updated' : 'already up to date'}\n`,
    );
  }
}
