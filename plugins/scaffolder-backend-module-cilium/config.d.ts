export interface Config {
  ciliumGitops?: {
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
       * Serve the committed files of the `main` branch read-only, without
       * authentication, under `/api/scaffolder/cilium/local-repos/<repoName>/`
       * so `catalog:register` can read the new `catalog-info.yaml`. The catalog
       * reads it through `backend.reading.allow`, which must allow that path.
       * The repositories hold no secret values by construction. Default:
       * false (app-config.yaml turns it on for local use); without it the
       * template's local target cannot register the cluster in the catalog.
       * @visibility backend
       */
      serveOverHttp?: boolean;
    };
  };
}
