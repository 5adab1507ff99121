import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

const step = (id: string, input: Record<string, unknown>) => ({
  id,
  action: 'cilium:cluster:change',
  name: 'Change the cluster through its repository',
  input,
});

export const examples: TemplateExample[] = [
  {
    description:
      'Preview a 50/50 traffic split of the echo route: outputs the diff, writes nothing',
    example: yaml.stringify({
      steps: [
        step('preview', {
          cluster: 'resource:default/democluster1',
          preview: true,
          change: {
            kind: 'split',
            route: 'echo/echo',
            backends: { 'echo-1': 50, 'echo-2': 50 },
          },
        }),
      ],
    }),
  },
  {
    description:
      'Preview, then commit the same change, refused if the repository moved in between',
    example: yaml.stringify({
      steps: [
        step('preview', {
          cluster: 'resource:default/democluster1',
          preview: true,
          change: { kind: 'addon', name: 'jobsApp', enabled: false },
        }),
        step('commit', {
          cluster: 'resource:default/democluster1',
          expectedHead: '${{ steps.preview.output.head }}',
          change: { kind: 'addon', name: 'jobsApp', enabled: false },
        }),
      ],
    }),
  },
  {
    description: 'Add a LoadBalancer IP pool to a local repository by name',
    example: yaml.stringify({
      steps: [
        step('change', {
          repoName: 'democluster1',
          change: { kind: 'lbPool', name: 'extra', cidr: '10.245.13.0/24' },
        }),
      ],
    }),
  },
  {
    description:
      'Propose CiliumNetworkPolicies for a namespace: manifests/policies/tenant-jobs/ holds exactly these, with an Argo CD Application created on first use; the sections go into the commit message or pull request body',
    example: yaml.stringify({
      steps: [
        step('propose', {
          cluster: 'resource:default/democluster1',
          change: {
            kind: 'policies',
            namespace: 'tenant-jobs',
            policies: [
              {
                apiVersion: 'cilium.io/v2',
                kind: 'CiliumNetworkPolicy',
                metadata: { name: 'coreapi-ingress', namespace: 'tenant-jobs' },
                spec: {
                  endpointSelector: { matchLabels: { app: 'coreapi' } },
                  ingress: [
                    {
                      fromEndpoints: [{ matchLabels: { app: 'resumes' } }],
                      toPorts: [{ ports: [{ port: '9080', protocol: 'TCP' }] }],
                    },
                  ],
                },
              },
            ],
            sections: [
              {
                title: 'Readiness',
                markdown:
                  '| edge | flows |\n|---|---|\n| resumes → coreapi:9080 | 42 |',
              },
              { title: 'Replay', markdown: '0 newly dropped' },
            ],
          },
        }),
      ],
    }),
  },
];
