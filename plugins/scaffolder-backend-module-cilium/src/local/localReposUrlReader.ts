/**
 * A `UrlReaderService` for the repositories `cilium:publish:local` writes, so
 * the catalog reads a published `catalog-info.yaml` straight from the bare
 * repository on disk: no HTTP route, authenticated or not, is involved. It
 * answers URLs under `<backend.baseUrl>/api/scaffolder/cilium/local-repos/`
 * (the address of the development-only HTTP view, so a location registered
 * with the view on keeps working with it off) and serves only committed
 * blobs of `main`, never the file system.
 *
 * Registered through `urlReaderFactoriesServiceRef`, the backend's extension
 * point for extra URL readers (@backstage/backend-defaults/urlReader; its
 * factories are tried before the default readers).
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import git from 'isomorphic-git';
import {
  createServiceFactory,
  type UrlReaderService,
  type UrlReaderServiceReadTreeResponse,
  type UrlReaderServiceReadUrlResponse,
  type UrlReaderServiceSearchResponse,
} from '@backstage/backend-plugin-api';
import {
  type ReadTreeResponseFactory,
  urlReaderFactoriesServiceRef,
} from '@backstage/backend-defaults/urlReader';
import type { Config } from '@backstage/config';
import { InputError, NotFoundError, NotModifiedError } from '@backstage/errors';
import { readLocalPublishConfig } from './localPublishConfig';
import { LOCAL_REPOS_ROUTE } from './localReposRouter';
import { bareRepoPath } from './repoName';

const BRANCH = 'main';

/** Where locally published repositories are addressed: `<base>/<repoName>/<path>`. */
export function localReposBaseUrl(config: Config): string {
  const base = config.getString('backend.baseUrl').replace(/\/+$/, '');
  return `${base}/api/scaffolder${LOCAL_REPOS_ROUTE}`;
}

interface Target {
  gitdir: string;
  filepath: string;
}

export class LocalReposUrlReader implements UrlReaderService {
  constructor(
    private readonly options: {
      baseUrl: string;
      baseDir: string;
      treeResponseFactory: ReadTreeResponseFactory;
    },
  ) {}

  /** Does `url` address a locally published repository? */
  handles(url: URL): boolean {
    return `${url.origin}${url.pathname}`.startsWith(
      `${this.options.baseUrl}/`,
    );
  }

  private target(url: string): Target {
    const rest = new URL(url).pathname.slice(
      new URL(this.options.baseUrl).pathname.length + 1,
    );
    const [repoName, ...parts] = rest.split('/').map(decodeURIComponent);
    if (parts.some(p => p === '.' || p === '..')) {
      throw new InputError(`${url}: a path with . or .. segments`);
    }
    return {
      gitdir: bareRepoPath(this.options.baseDir, repoName),
      filepath: parts.filter(Boolean).join('/'),
    };
  }

  private async head(url: string, gitdir: string): Promise<string> {
    try {
      return await git.resolveRef({ fs, gitdir, ref: `refs/heads/${BRANCH}` });
    } catch {
      throw new NotFoundError(`${url}: no such local repository`);
    }
  }

  async readUrl(
    url: string,
    options?: { etag?: string },
  ): Promise<UrlReaderServiceReadUrlResponse> {
    const { gitdir, filepath } = this.target(url);
    const commit = await this.head(url, gitdir);
    let read: { oid: string; blob: Uint8Array };
    try {
      read = await git.readBlob({ fs, gitdir, oid: commit, filepath });
    } catch {
      throw new NotFoundError(`${url}: no such file on ${BRANCH}`);
    }
    // The blob id changes exactly when the content does.
    if (options?.etag === read.oid) {
      throw new NotModifiedError();
    }
    const buffer = Buffer.from(read.blob);
    return {
      buffer: async () => buffer,
      stream: () => Readable.from([buffer]),
      etag: read.oid,
    };
  }

  async readTree(url: string): Promise<UrlReaderServiceReadTreeResponse> {
    const { gitdir, filepath } = this.target(url);
    const commit = await this.head(url, gitdir);
    const prefix = filepath ? `${filepath}/` : '';
    const files = (await git.listFiles({ fs, gitdir, ref: commit })).filter(f =>
      f.startsWith(prefix),
    );
    const entries = await Promise.all(
      files.map(async f => {
        const { blob } = await git.readBlob({
          fs,
          gitdir,
          oid: commit,
          filepath: f,
        });
        return {
          path: f.slice(prefix.length),
          data: Readable.from([Buffer.from(blob)]),
        };
      }),
    );
    return this.options.treeResponseFactory.fromReadableArray(entries);
  }

  async search(
    url: string,
    options?: { etag?: string },
  ): Promise<UrlReaderServiceSearchResponse> {
    try {
      const read = await this.readUrl(url, options);
      const content = await read.buffer();
      return {
        files: [{ url, content: async () => content }],
        etag: read.etag!,
      };
    } catch (error) {
      if ((error as Error).name === 'NotFoundError') {
        return { files: [], etag: '' };
      }
      throw error;
    }
  }

  toString() {
    return `cilium-local-repos{baseUrl=${this.options.baseUrl}}`;
  }
}

/** Adds the local repository reader to every plugin's `coreServices.urlReader`. */
export const localReposUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return ({ config, treeResponseFactory }) => {
      // Without a backend base URL there is no address to answer.
      if (!config.has('backend.baseUrl')) return [];
      const reader = new LocalReposUrlReader({
        baseUrl: localReposBaseUrl(config),
        baseDir: readLocalPublishConfig(config).baseDir,
        treeResponseFactory,
      });
      return [{ predicate: url => reader.handles(url), reader }];
    };
  },
});
