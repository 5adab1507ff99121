/** The Secrets to create out of band: names and keys, never values. */
import { shellWord } from '../bootstrap/steps';
import type { SecretReference } from '../types';
import type { ReadmeSection } from './types';

/** Keys that hold certificates or keys are better read from files than typed. */
function fromArgument(key: string): string {
  return /\.(crt|key|pem)$/.test(key)
    ? `--from-file=${shellWord(key)}='<path to ${key}>'`
    : `--from-literal=${shellWord(key)}='<${key}>'`;
}

export const secretsSection: ReadmeSection = ({ secrets }) => {
  const lines = ['## Secrets', ''];
  if (secrets.length === 0)
    return [...lines, 'This cluster references no Secrets.', ''];
  lines.push(
    'The repository never holds secret values. Create each Secret below before running the',
    'bootstrap (`install.sh` checks that they exist first); replace each `<...>` placeholder.',
    '',
  );
  const byName = new Map<string, SecretReference[]>();
  for (const secret of secrets) {
    const id = `${secret.namespace}/${secret.name}`;
    byName.set(id, [...(byName.get(id) ?? []), secret]);
  }
  for (const [id, keys] of byName) {
    const { namespace, name } = keys[0];
    const descriptions = [...new Set(keys.map(k => k.description))];
    lines.push(
      `### \`${id}\` (${keys.map(k => `\`${k.key}\``).join(', ')})`,
      '',
      ...(descriptions.length === 1
        ? descriptions
        : keys.map(k => `- \`${k.key}\`: ${k.description}`)),
      '',
      '```sh',
      `kubectl create namespace ${shellWord(
        namespace,
      )} --dry-run=client -o yaml | kubectl apply -f -`,
      `kubectl -n ${shellWord(namespace)} create secret generic ${shellWord(
        name,
      )} \\`,
      ...keys.map(
        (k, i) => `  ${fromArgument(k.key)}${i < keys.length - 1 ? ' \\' : ''}`,
      ),
      '```',
      '',
    );
  }
  return lines;
};
