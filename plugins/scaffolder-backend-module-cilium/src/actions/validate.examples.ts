import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { exampleClusterSpec } from './exampleSpec';

export const examples: TemplateExample[] = [
  {
    description: 'Validate the cluster spec the form assembled',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'cilium:cluster:validate',
          name: 'Validate the cluster spec',
          input: { spec: exampleClusterSpec },
        },
      ],
    }),
  },
  {
    description: 'Validate a cluster.yaml fetched into the workspace',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'cilium:cluster:validate',
          name: 'Validate cluster.yaml',
          input: { specPath: 'cluster.yaml' },
        },
      ],
    }),
  },
];
