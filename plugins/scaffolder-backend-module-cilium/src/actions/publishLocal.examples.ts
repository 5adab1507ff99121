import type { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Commit the whole workspace to the main branch of <baseDir>/democluster1-gitops.git',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'cilium:publish:local',
          name: 'Publish to a repository on the Backstage host',
          input: {
            repoName: 'democluster1-gitops',
          },
        },
      ],
    }),
  },
  {
    description:
      'Publish one folder of the workspace again, on top of the existing repository',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'cilium:publish:local',
          name: 'Publish to a repository on the Backstage host',
          input: {
            repoName: 'democluster1-gitops',
            sourcePath: 'repo',
            gitCommitMessage: 'Re-render democluster1',
            force: true,
          },
        },
      ],
    }),
  },
];
