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
  {
    description:
      'Validate the spec and its Cluster Mesh against the peers’ specs fetched into the workspace (<name>/cluster.yaml)',
    example: yaml.stringify({
      steps: [
        {
          id: 'fetch-peers',
          action: 'fetch:plain',
          name: 'Fetch the specs of the existing clusters',
          input: { url: '../../gitops/examples', targetPath: 'mesh-specs' },
        },
        {
          id: 'validate',
          action: 'cilium:cluster:validate',
          name: 'Validate the cluster spec and its Cluster Mesh',
          input: { spec: exampleClusterSpec, meshSpecsDir: 'mesh-specs' },
        },
      ],
    }),
  },
];
