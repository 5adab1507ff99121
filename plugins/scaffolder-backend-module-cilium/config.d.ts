export interface Config {
  ciliumGitops?: {
    /**
     * Largest request body, in bytes, the scaffolder accepts on task create
     * (`POST /api/scaffolder/v2/tasks`) and dry-run
     * (`POST /api/scaffolder/v2/dry-run`); larger ones get 413. The
     * scaffolder's own fixed limit is 10 MB. Default: 1048576 (1 MiB).
     * @visibility backend
     */
    maxRequestBodyBytes?: number;
    /**
     * The `cilium:publish:local` scaffolder action: commits a workspace into a
     * bare git repository on the Backstage host, so the create-a-cluster
     * template works without any token. Use `publish:github` for clusters
     * whose Argo CD must reach the repository over the network.
     */
    localPublish?: {
      /**
       * Folder that holds one bare repository per cluster
       * (`<baseDir>/<repoName>.git`). A relative path resolves against the
       * Backstage repository root (the nearest folder above the backend's
       * working directory that holds `backstage.json`), else against the
       * working directory. Default: `.data/git-repos`.
       * @visibility backend
       */
      baseDir?: string;
      /**
       * Committer of every commit (the author is the user who ran the
       * template). Defaults to `scaffolder.defaultAuthor`, then
       * `Backstage Scaffolder <scaffolder@backstage.local>`.
       */
      committer?: {
        /** @visibility backend */
        name?: string;
        /** @visibility backend */
        email?: string;
      };
      /**
       * Development only: serve the committed files of the `main` branch
       * read-only, without authentication, under
       * `/api/scaffolder/cilium/local-repos/<repoName>/`, for browsing. The
       * catalog does not need it: it reads published repositories from disk
       * through the local repositories URL reader (at that same address,
       * under `backend.baseUrl`). Default: false (app-config.yaml turns it on,
       * app-config.production.yaml off).
       * @visibility backend
       */
      serveOverHttp?: boolean;
    };
  };
}
