import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import type { ClusterRenderer } from '../lib/clusterRenderer';
import { specInputError } from '../lib/specIssues';
import { dropNullFields, readSpecFromWorkspace } from '../lib/specInput';
import { examples } from './validate.examples';

export const VALIDATE_ACTION_ID = 'cilium:cluster:validate';

export function createValidateAction(options: { renderer: ClusterRenderer }) {
  const { renderer } = options;
  return createTemplateAction({
    id: VALIDATE_ACTION_ID,
    description:
      'Validates a Cilium cluster spec (cilium-gitops/v1alpha1 ClusterSpec), given as an object or as a YAML file in the workspace. Fails with every problem, each naming its field path and rule. Writes nothing.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        spec: z =>
          z
            .record(z.unknown())
            .optional()
            .describe(
              'The cluster spec; keys whose value is null count as absent',
            ),
        specPath: z =>
          z
            .string()
            .optional()
            .describe('Path of a cluster spec YAML file in the workspace'),
      },
      output: {
        clusterName: z =>
          z.string().describe('metadata.name of the valid spec'),
        ciliumVersion: z =>
          z.string().describe('spec.cilium.version after defaulting'),
      },
    },
    async handler(ctx) {
      const { spec, specPath } = ctx.input;
      if ((spec === undefined) === (specPath === undefined)) {
        throw new InputError('Give exactly one of spec and specPath');
      }
      const doc =
        spec !== undefined
          ? dropNullFields(spec)
          : await readSpecFromWorkspace(ctx.workspacePath, specPath!);
      const result = await renderer.validate(doc);
      if (!result.ok) {
        throw specInputError(result.issues, specPath);
      }
      ctx.logger.info(
        `Cluster spec ${result.spec.metadata.name} is valid (Cilium ${result.spec.spec.cilium.version})`,
      );
      ctx.output('clusterName', result.spec.metadata.name);
      ctx.output('ciliumVersion', result.spec.spec.cilium.version);
    },
  });
}
