import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { exampleClusterSpec } from './exampleSpec';

export const examples: TemplateExample[] = [
  {
    description:
      'Render the GitOps repository of a cluster into the workspace root',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'cilium:cluster:render',
          name: 'Render the cluster GitOps repository',
          input: { spec: exampleClusterSpec },
        },
      ],
    }),
  },
  {
    description: 'Render into a sub folder of the workspace',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'cilium:cluster:render',
          name: 'Render the cluster GitOps repository',
          input: { spec: exampleClusterSpec, targetPath: 'repo' },
        },
      ],
    }),
  },
];
