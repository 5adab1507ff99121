import { pathToFileURL } from 'node:url';
import { resolveSafeChildPath } from '@backstage/backend-plugin-api';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  assertPublishable,
  commitToBareRepo,
  inspectBareRepo,
  listFiles,
} from '../local/bareRepo';
import { authorFromUser } from '../local/authorFromUser';
import type { LocalPublishConfig } from '../local/localPublishConfig';
import { bareRepoPath } from '../local/repoName';
import { examples } from './publishLocal.examples';

export const PUBLISH_LOCAL_ACTION_ID = 'cilium:publish:local';

/** Placeholder commit hash reported by a dry run, which commits nothing. */
export const DRY_RUN_COMMIT_HASH = '0000000000000000000000000000000000000000';

export interface PublishLocalActionOptions {
  config: LocalPublishConfig;
  /**
   * Base URL of the read-only HTTP view of the local repositories (see
   * `createLocalReposRouter`), or undefined when it is not served.
   */
  contentsBaseUrl?: () => Promise<string | undefined>;
  /**
   * Base URL catalog:register reads `catalog-info.yaml` from: the address the
   * local repositories URL reader answers (`localReposBaseUrl`), served from
   * disk with no HTTP route. Default: the repository contents URL.
   */
  catalogBaseUrl?: string;
}

export function createPublishLocalAction(options: PublishLocalActionOptions) {
  const { config, contentsBaseUrl, catalogBaseUrl } = options;
  return createTemplateAction({
    id: PUBLISH_LOCAL_ACTION_ID,
    description:
      'Commits the workspace (or a folder of it) to the main branch of a bare git repository on the Backstage host, under ciliumGitops.localPublish.baseDir. Needs no token. Refuses to touch an existing repository unless force is set.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        repoName: z =>
          z
            .string()
            .describe(
              'Repository name, a DNS-1123 label; the repository is <baseDir>/<repoName>.git',
            ),
        sourcePath: z =>
          z
            .string()
            .optional()
            .describe(
              'Folder of the workspace to publish; default: the whole workspace',
            ),
        defaultBranch: z =>
          z
            .string()
            .regex(/^[A-Za-z0-9._/-]+$/)
            .default('main')
            .describe('Branch to commit to'),
        gitCommitMessage: z =>
          z
            .string()
            .min(1)
            .default('Cluster GitOps repository rendered by Backstage')
            .describe('Commit message'),
        force: z =>
          z
            .boolean()
            .default(false)
            .describe(
              'Commit on top of an existing repository of that name (its history is kept)',
            ),
        catalogInfoPath: z =>
          z
            .string()
            .default('/catalog-info.yaml')
            .describe(
              'Path of the catalog descriptor in the repository, for the catalogInfoUrl output',
            ),
      },
      output: {
        remoteUrl: z =>
          z
            .string()
            .describe('file:// URL of the bare repository, for git clone'),
        repoContentsUrl: z =>
          z
            .string()
            .describe(
              'URL of the repository contents: the HTTP view when served, else remoteUrl',
            ),
        catalogInfoUrl: z =>
          z
            .string()
            .describe('URL catalog:register reads the catalog descriptor from'),
        commitHash: z =>
          z.string().describe('The new commit (zeros in a dry run)'),
      },
    },
    async handler(ctx) {
      const {
        repoName,
        sourcePath,
        defaultBranch = 'main',
        gitCommitMessage = 'Cluster GitOps repository rendered by Backstage',
        force = false,
        catalogInfoPath = '/catalog-info.yaml',
      } = ctx.input;

      const gitdir = bareRepoPath(config.baseDir, repoName);
      const sourceDir = resolveSafeChildPath(
        ctx.workspacePath,
        sourcePath ?? '.',
      );
      const remoteUrl = pathToFileURL(gitdir).href;
      const base = await contentsBaseUrl?.();
      const repoContentsUrl = base ? `${base}/${repoName}` : remoteUrl;
      const catalogRepoUrl = catalogBaseUrl
        ? `${catalogBaseUrl}/${repoName}`
        : repoContentsUrl;
      const catalogInfoUrl = `${catalogRepoUrl}/${catalogInfoPath.replace(
        /^\/+/,
        '',
      )}`;

      let commitHash: string;
      if (ctx.isDryRun) {
        const files = await listFiles(sourceDir);
        assertPublishable(
          await inspectBareRepo(gitdir, defaultBranch),
          gitdir,
          force,
        );
        ctx.logger.info(
          `Dry run: would commit ${files.length} files to ${defaultBranch} of ${remoteUrl}`,
        );
        commitHash = DRY_RUN_COMMIT_HASH;
      } else {
        // A retried task (EXPERIMENTAL_recovery) reuses the commit it made.
        const result = await ctx.checkpoint({
          key: `cilium-publish-local-${repoName}`,
          fn: async () => {
            const r = await commitToBareRepo({
              sourceDir,
              gitdir,
              branch: defaultBranch,
              message: gitCommitMessage,
              author: authorFromUser(ctx.user, config.committer),
              committer: config.committer,
              force,
            });
            return {
              commitHash: r.commitHash,
              fileCount: r.files.length,
              parent: r.parent ?? null,
            };
          },
        });
        commitHash = result.commitHash;
        ctx.logger.info(
          `Committed ${
            result.fileCount
          } files to ${defaultBranch} of ${remoteUrl} as ${commitHash}${
            result.parent ? ` (on top of ${result.parent})` : ''
          }`,
        );
      }
      ctx.output('remoteUrl', remoteUrl);
      ctx.output('repoContentsUrl', repoContentsUrl);
      ctx.output('catalogInfoUrl', catalogInfoUrl);
      ctx.output('commitHash', commitHash);
    },
  });
}
