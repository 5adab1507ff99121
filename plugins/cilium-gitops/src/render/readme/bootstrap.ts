/** The bootstrap steps, as `install.sh` runs them. */
import type { ReadmeSection } from './types';

export const bootstrapSection: ReadmeSection = ({ steps }) => {
  const lines = [
    '## Bootstrap',
    '',
    'Cilium is the CNI, so it must run before any Argo CD pod: `bootstrap/install.sh` installs it with Helm',
    'from the same values file its Application uses, then Argo CD from `values/argo-cd.yaml`; Argo CD adopts',
    'both afterwards. Run `bash bootstrap/install.sh` from the repository root, or step by step:',
    '',
  ];
  steps.forEach((step, i) => {
    lines.push(
      `${i + 1}. **${step.title}.** ${step.why}`,
      '',
      '   ```sh',
      ...step.commands.map(c => `   ${c}`),
      '   ```',
      '',
    );
  });
  return lines;
};
