import { InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { assertClusterNotInCatalog } from '../lib/clusterEntity';
import type { ClusterRenderer } from '../lib/clusterRenderer';
import {
  firstPeerSpec,
  localRepoPeerSpecs,
  meshPreflightIssues,
  type PeerSpecSource,
  workspacePeerSpecs,
} from '../lib/meshPreflight';
import { specInputError } from '../lib/specIssues';
import { dropNullFields, readSpecFromWorkspace } from '../lib/specInput';
import { examples } from './validate.examples';

export const VALIDATE_ACTION_ID = 'cilium:cluster:validate';

export interface ValidateActionOptions {
  renderer: ClusterRenderer;
  /** Needed for `rejectExistingEntity`. */
  catalog?: CatalogService;
  /**
   * Where published clusters' repositories are (`cilium:publish:local`'s
   * base folder): a new cluster's peers found there get the Cluster Mesh
   * preflight, whether or not the template passes `meshSpecsDir`.
   */
  localReposDir?: string;
}

export function createValidateAction(options: ValidateActionOptions) {
  const { renderer, catalog, localReposDir } = options;
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
        meshSpecsDir: z =>
          z
            .string()
            .optional()
            .describe(
              'Workspace folder with the specs of existing clusters as <name>/cluster.yaml (e.g. gitops/examples fetched with fetch:plain). Peers named by the spec and found there, or else in the locally published repositories, get the Cluster Mesh preflight of `cilium-gitops validate-mesh`',
            ),
        rejectExistingEntity: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Fail when the catalog already has the cluster entity (resource:default/<metadata.name>)',
            ),
      },
      output: {
        clusterName: z =>
          z.string().describe('metadata.name of the valid spec'),
        ciliumVersion: z =>
          z.string().describe('spec.cilium.version after defaulting'),
      },
    },
    async handler(ctx) {
      const {
        spec,
        specPath,
        meshSpecsDir,
        rejectExistingEntity = false,
      } = ctx.input;
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
      const sources: PeerSpecSource[] = [];
      if (meshSpecsDir)
        sources.push(workspacePeerSpecs(ctx.workspacePath, meshSpecsDir));
      if (localReposDir) sources.push(localRepoPeerSpecs(localReposDir));
      if (sources.length && result.spec.spec.clusterMesh.peers.length > 0) {
        const mesh = await meshPreflightIssues(
          renderer,
          result.spec,
          firstPeerSpec(...sources),
        );
        if (mesh.issues.length > 0) {
          throw specInputError(mesh.issues, 'its Cluster Mesh');
        }
        if (mesh.checked.length)
          ctx.logger.info(
            `Cluster Mesh preflight passed with ${mesh.checked.join(', ')}`,
          );
        if (mesh.missing.length)
          ctx.logger.info(
            `No spec found for peer(s) ${mesh.missing.join(
              ', ',
            )}: their side of the mesh was not checked`,
          );
      }
      if (rejectExistingEntity) {
        if (!catalog) {
          throw new Error('rejectExistingEntity needs the catalog service');
        }
        await assertClusterNotInCatalog(
          catalog,
          result.spec.metadata.name,
          await ctx.getInitiatorCredentials(),
        );
      }
      ctx.logger.info(
        `Cluster spec ${result.spec.metadata.name} is valid (Cilium ${result.spec.spec.cilium.version})`,
      );
      ctx.output('clusterName', result.spec.metadata.name);
      ctx.output('ciliumVersion', result.spec.spec.cilium.version);
    },
  });
}
