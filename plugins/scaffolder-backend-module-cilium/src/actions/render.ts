import fs from 'node:fs';
import path from 'node:path';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { repoTree } from '@internal/cilium-gitops';
import type { ClusterRenderer } from '../lib/clusterRenderer';
import { specInputError } from '../lib/specIssues';
import { dropNullFields } from '../lib/specInput';
import { examples } from './render.examples';

export const RENDER_ACTION_ID = 'cilium:cluster:render';

export function createRenderAction(options: { renderer: ClusterRenderer }) {
  const { renderer } = options;
  return createTemplateAction({
    id: RENDER_ACTION_ID,
    description:
      'Validates a Cilium cluster spec and renders its GitOps repository (Argo CD Applications, Helm values, manifests, bootstrap, catalog-info.yaml, cluster.yaml) into the workspace. Writes nothing when the spec is invalid. In a dry run it writes into the dry-run workspace only.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        spec: z =>
          z
            .record(z.unknown())
            .describe(
              'The cluster spec (cilium-gitops/v1alpha1 ClusterSpec); keys whose value is null count as absent',
            ),
        targetPath: z =>
          z
            .string()
            .default('.')
            .describe(
              'Folder of the workspace to render into; default: its root',
            ),
      },
      output: {
        files: z =>
          z
            .array(z.string())
            .describe('Paths written, relative to targetPath, sorted'),
        rootApplicationPath: z =>
          z
            .string()
            .describe(
              'Path of the root (app-of-apps) Argo CD Application, relative to targetPath',
            ),
        clusterName: z => z.string().describe('metadata.name of the spec'),
      },
    },
    async handler(ctx) {
      const { spec, targetPath = '.' } = ctx.input;

      const result = await renderer.validate(dropNullFields(spec));
      if (!result.ok) {
        throw specInputError(result.issues);
      }
      const repo = await renderer.render(result.spec);
      // The renderer's files include cluster.yaml, the validated spec; the
      // tree adds the render manifest, as the CLI's writer does.
      const files = repoTree(repo, result.spec.metadata.name);

      // Resolve every path before writing any, so a bad one writes nothing.
      const outDir = resolveSafeChildPath(ctx.workspacePath, targetPath);
      const targets = files.map(f => ({
        ...f,
        absolute: resolveSafeChildPath(outDir, f.path),
      }));

      for (const file of targets) {
        await fs.promises.mkdir(path.dirname(file.absolute), {
          recursive: true,
        });
        await fs.promises.writeFile(file.absolute, file.content, 'utf8');
        ctx.logger.info(
          `Wrote ${path.posix.join(targetPath, file.path)} (${Buffer.byteLength(
            file.content,
          )} bytes)`,
        );
      }
      ctx.logger.info(
        `Rendered ${targets.length} files of cluster ${result.spec.metadata.name}; root Application: ${repo.rootApplicationPath}`,
      );
      ctx.output(
        'files',
        repo.files.map(f => f.path),
      );
      ctx.output('rootApplicationPath', repo.rootApplicationPath);
      ctx.output('clusterName', result.spec.metadata.name);
    },
  });
}
