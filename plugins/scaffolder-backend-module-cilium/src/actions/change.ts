import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  type PermissionsService,
  type UrlReaderService,
  resolveSafeChildPath,
} from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import { ConflictError, InputError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  ChangeError,
  type ChangePlan,
  type ClusterChange,
  loadAddonCatalog,
  planChange,
} from '@internal/cilium-gitops';
import { parseChangeInput } from '../change/changeInput';
import { authorizeClusterChange } from '../change/changePermission';
import { resolveClusterTarget } from '../change/clusterTarget';
import { commitOnHead } from '../change/commitOnHead';
import { readGithubHead } from '../change/githubHead';
import { readHeadTree } from '../change/headTree';
import { changeBody, changeTitle } from '../change/prBody';
import { authorFromUser } from '../local/authorFromUser';
import type { LocalPublishConfig } from '../local/localPublishConfig';
import { examples } from './change.examples';

export const CHANGE_ACTION_ID = 'cilium:cluster:change';

export interface ChangeActionOptions {
  config: LocalPublishConfig;
  catalog: CatalogService;
  /** Reads GitHub repositories through the configured integration. */
  urlReader?: UrlReaderService;
  /**
   * The root configuration: `cilium.clusters[].git` places a cluster's
   * repository before its catalog entity does (see `change/clusterTarget`).
   */
  rootConfig?: Config;
  /** Addon catalog folder; default: the renderer's own. */
  addonCatalogDir?: string;
  /**
   * Checks `cilium.cluster.change` on the cluster entity for the task's
   * user (the module always passes it).
   */
  permissions?: PermissionsService;
}

function plan(
  files: Map<string, string>,
  change: ClusterChange,
  dir?: string,
): ChangePlan {
  try {
    return planChange(files, change, {
      catalog: loadAddonCatalog(dir),
    });
  } catch (error) {
    if (error instanceof ChangeError) throw new InputError(error.message);
    throw error;
  }
}

export function createChangeAction(options: ChangeActionOptions) {
  const { config, catalog, urlReader } = options;
  return createTemplateAction({
    id: CHANGE_ACTION_ID,
    description:
      "Changes a Cilium cluster through its GitOps repository: reads cluster.yaml at the repository's head, applies one typed change (traffic split, add-on or demo app on/off, Cilium version, mesh peer, LB pool, BGP peer), validates and re-renders it, and outputs the diff. A policies change writes proposed CiliumNetworkPolicies to manifests/policies/<namespace>/ (exactly the proposal: others there are removed) and, on first use, the Argo CD Application apps/policies-<namespace>.yaml; its description sections go into the commit message or pull request body. With preview (or in a dry run) nothing is written. Otherwise a local repository gets a fast-forward commit on its branch (refused when the head moved since expectedHead); for GitHub the changed files are written into the workspace (and the removed ones listed in the deleted output) for publish:github:pull-request.",
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        cluster: z =>
          z
            .string()
            .optional()
            .describe(
              'The cluster entity (kind Resource, spec.type kubernetes-cluster), e.g. resource:default/democluster1',
            ),
        repoName: z =>
          z
            .string()
            .optional()
            .describe(
              'A local repository <baseDir>/<repoName>.git instead of the cluster entity',
            ),
        change: z =>
          z
            .record(z.unknown())
            .describe(
              'The change: { kind: split, route, backends } | { kind: addon, name, enabled } | { kind: ciliumVersion, version } | { kind: meshPeer, action: add|remove, peer } | { kind: lbPool, name, cidr } | { kind: bgpPeer, name, address, asn } | { kind: policies, namespace, policies: [CiliumNetworkPolicy, ...] or their JSON text, sections?: [{ title, markdown }] }',
            ),
        preview: z =>
          z
            .boolean()
            .default(false)
            .describe('Only compute and output the diff; write nothing'),
        expectedHead: z =>
          z
            .string()
            .regex(/^([0-9a-f]{40})?$/)
            .nullable()
            .optional()
            .describe(
              'The head the change was previewed on; the change is refused when the branch moved since. Empty or null: no expectation',
            ),
        branch: z =>
          z
            .string()
            .regex(/^[A-Za-z0-9._/-]+$/)
            .optional()
            .describe(
              "Branch of the repository (local: committed to; GitHub: read from). Default: the cluster's cilium.clusters[].git.branch when the configuration places its repository, else main",
            ),
        targetPath: z =>
          z
            .string()
            .default('change')
            .describe(
              'GitHub target: workspace folder the changed files are written to, for publish:github:pull-request',
            ),
      },
      output: {
        target: z =>
          z.enum(['local', 'github']).describe('Where the repository lives'),
        diff: z => z.string().describe('Unified diff of every changed file'),
        summary: z =>
          z.string().describe('`N files changed, …` or `no changes`'),
        changed: z =>
          z.boolean().describe('False when the change renders the same bytes'),
        files: z => z.array(z.string()).describe('Changed paths'),
        deleted: z =>
          z
            .array(z.string())
            .describe(
              'Paths the change removes (publish:github:pull-request filesToDelete)',
            ),
        head: z => z.string().describe('The commit the change was computed on'),
        commit: z =>
          z
            .string()
            .describe(
              'The new commit (local target, not in a preview); else empty',
            ),
        remoteUrl: z => z.string().describe('Clone URL of the repository'),
        title: z => z.string().describe('Commit message / pull request title'),
        body: z =>
          z
            .string()
            .describe(
              'Pull request body: diff summary, the split before/after, or the policy set with its description sections',
            ),
        repoUrl: z =>
          z
            .string()
            .describe('GitHub target: repoUrl for publish:github:pull-request'),
        splitBefore: z =>
          z
            .record(z.string(), z.number())
            .describe('Split change: weights before'),
        splitAfter: z =>
          z
            .record(z.string(), z.number())
            .describe('Split change: weights after'),
      },
    },
    async handler(ctx) {
      const { preview = false } = ctx.input;
      const expectedHead = ctx.input.expectedHead || undefined;
      const dryRun = preview || ctx.isDryRun === true;
      const credentials = await ctx.getInitiatorCredentials();
      if (options.permissions && ctx.input.cluster) {
        await authorizeClusterChange({
          permissions: options.permissions,
          cluster: ctx.input.cluster,
          credentials,
        });
      }
      const target = await resolveClusterTarget({
        cluster: ctx.input.cluster,
        repoName: ctx.input.repoName,
        baseDir: config.baseDir,
        catalog,
        credentials,
        config: options.rootConfig,
      });
      const branch = ctx.input.branch ?? target.branch ?? 'main';
      const change = parseChangeInput(ctx.input.change);
      const moved = (head: string) =>
        new ConflictError(
          `The repository's ${branch} moved from ${expectedHead!.slice(
            0,
            7,
          )} to ${head.slice(
            0,
            7,
          )} since the preview; nothing was written (no force): run the change again to preview it on the new head`,
        );

      let result: ChangePlan;
      let head: string;
      let commit = '';
      let remoteUrl: string;
      let repoUrl = '';
      let clusterName: string;
      if (target.kind === 'local') {
        const cache = {};
        const base = await readHeadTree(target.gitdir, branch, cache);
        head = base.head;
        if (expectedHead && expectedHead !== head) throw moved(head);
        result = plan(base.files, change, options.addonCatalogDir);
        clusterName = target.clusterName ?? result.after.metadata.name;
        remoteUrl = pathToFileURL(target.gitdir).href;
        if (!dryRun && !result.unchanged) {
          commit = await commitOnHead({
            gitdir: target.gitdir,
            branch,
            base,
            writes: result.writes,
            message: `${changeTitle(clusterName, change)}\n\n${changeBody(
              result,
            )}`,
            author: authorFromUser(ctx.user, config.committer),
            committer: config.committer,
            cache,
          });
        }
      } else {
        if (!urlReader)
          throw new InputError(
            'cluster: GitHub repositories need the URL reader',
          );
        const read = await readGithubHead(urlReader, target, branch);
        head = read.head;
        if (expectedHead && head && expectedHead !== head) throw moved(head);
        result = plan(read.files, change, options.addonCatalogDir);
        clusterName = target.clusterName;
        remoteUrl = `https://${target.host}/${target.owner}/${target.repo}.git`;
        repoUrl = target.repoUrl;
        if (!dryRun && !result.unchanged) {
          const outDir = resolveSafeChildPath(
            ctx.workspacePath,
            ctx.input.targetPath ?? 'change',
          );
          await fs.promises.mkdir(outDir, { recursive: true });
          for (const [file, content] of result.writes) {
            if (content === null) continue; // filesToDelete of the pull request
            const abs = resolveSafeChildPath(outDir, file);
            await fs.promises.mkdir(path.dirname(abs), { recursive: true });
            await fs.promises.writeFile(abs, content!, 'utf8');
          }
        }
      }

      ctx.logger.info(
        `${clusterName} at ${head.slice(0, 7) || 'head'}: ${result.summary}${
          dryRun ? ' (preview, nothing written)' : ''
        }${commit ? `; committed ${commit} to ${branch}` : ''}`,
      );
      if (result.diff) ctx.logger.info(result.diff);
      ctx.output('target', target.kind);
      ctx.output('diff', result.diff);
      ctx.output('summary', result.summary);
      ctx.output('changed', !result.unchanged);
      ctx.output(
        'files',
        result.files.map(f => f.path),
      );
      ctx.output(
        'deleted',
        result.files.filter(f => f.status === 'removed').map(f => f.path),
      );
      ctx.output('head', head);
      ctx.output('commit', commit);
      ctx.output('remoteUrl', remoteUrl);
      ctx.output('title', changeTitle(clusterName, change));
      ctx.output('body', changeBody(result));
      ctx.output('repoUrl', repoUrl);
      ctx.output('splitBefore', result.split?.before ?? {});
      ctx.output('splitAfter', result.split?.after ?? {});
    },
  });
}
