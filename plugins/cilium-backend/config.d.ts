export interface Config {
  // Clusters are read from `kubernetes.clusterLocatorMethods` (types
  // `config` and `localKubectlProxy`), whose schema, with the token and CA
  // as secrets, is declared by @backstage/plugin-kubernetes-backend. It is
  // not repeated here: a narrower copy would reject that plugin's other
  // keys under `config:check --strict`.

  /** Cilium status API (`@internal/plugin-cilium-backend`). */
  cilium?: {
    /**
     * Per-source timeout for Kubernetes and Hubble Relay reads, in
     * milliseconds. Default 5000.
     * @visibility backend
     */
    timeoutMs?: number;
    /**
     * How long status documents, flows and the cluster list are cached, in
     * seconds. Default 10; 0 disables caching (concurrent identical requests
     * are still coalesced).
     * @visibility backend
     */
    cacheTtlSeconds?: number;
    /**
     * Page size of Kubernetes LIST calls (`limit`). Default 500.
     * @visibility backend
     */
    pageSize?: number;
    /**
     * Where clusters come from, like `kubernetes.clusterLocatorMethods`.
     * Default `[{ type: config }]`: the configured clusters only. `catalog`
     * adds every `kind: Resource`, `spec.type: kubernetes-cluster` entity
     * with the `kubernetes.io/api-server` and
     * `kubernetes.io/api-server-certificate-authority` (base64 PEM)
     * annotations, named by `cilium-gitops/cluster-name` or
     * `metadata.name`; optional `cilium-gitops/hubble-relay-address` and
     * `cilium-gitops/prometheus-url` annotations give Hubble Relay and
     * Prometheus. Configured clusters win on name clashes.
     */
    clusterLocatorMethods?: Array<{
      /**
       * `config` or `catalog`.
       * @visibility backend
       */
      type: 'config' | 'catalog';
      /**
       * `catalog`: seconds between catalog reads (the first request also
       * waits for the first read). Default 300.
       * @visibility backend
       */
      refreshIntervalSeconds?: number;
      /**
       * `catalog`: service-account token of catalog clusters not listed in
       * `clusters`; tokens never come from the catalog. A catalog cluster
       * without a token is skipped with a warning.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** `catalog`: service-account tokens per cluster name. */
      clusters?: Array<{
        /**
         * Cluster name as the catalog gives it.
         * @visibility backend
         */
        name: string;
        /** @visibility secret */
        serviceAccountToken: string;
      }>;
    }>;
    /** Live flows (`/clusters/:name/flows/stream`). */
    flowStream?: {
      /**
       * A live relay stream ends after this many seconds. Default 300.
       * @visibility backend
       */
      maxDurationSeconds?: number;
      /**
       * Flows per second a live stream sends at most; above, it samples
       * and says so. Default 50.
       * @visibility backend
       */
      maxFlowsPerSecond?: number;
    };
    /**
     * Path of a kubeconfig file whose contexts become clusters (named after
     * the context), for local use; `~` is expanded. Token and client
     * certificate users work.
     * @visibility secret
     */
    kubeconfig?: string;
    /**
     * The cluster the backend runs in, through the pod's service account
     * (like `KubeConfig.loadFromCluster`): API server from
     * `KUBERNETES_SERVICE_HOST`/`KUBERNETES_SERVICE_PORT`, CA from
     * `<serviceAccountDir>/ca.crt`, token from `<serviceAccountDir>/token`
     * (re-read when it rotates).
     */
    inCluster?: {
      /**
       * Cluster name. Default `in-cluster`.
       * @visibility backend
       */
      name?: string;
      /**
       * Directory of the mounted token. Default
       * `/var/run/secrets/kubernetes.io/serviceaccount`; `~` is expanded.
       * @visibility backend
       */
      serviceAccountDir?: string;
    };
    /** How much the status API does at once and per caller. */
    limits?: {
      /**
       * Hubble Relay `GetFlows` streams running at once per cluster; more
       * wait in a queue. Default 4.
       * @visibility backend
       */
      relayStreamsPerCluster?: number;
      /**
       * Hubble Relay streams running at once over all clusters. Default 16.
       * @visibility backend
       */
      relayStreamsTotal?: number;
      /**
       * How long a flows request waits for a free stream before it is
       * answered 429 with `Retry-After`, in milliseconds. Default 2000.
       * @visibility backend
       */
      relayQueueTimeoutMs?: number;
      /**
       * Flows requests that may wait at once; more are answered 429 at once.
       * Default 64.
       * @visibility backend
       */
      relayQueueLength?: number;
      /**
       * Flows requests per user (or service) and minute; more are answered
       * 429 with `Retry-After`. Default 120; 0 turns the limit off.
       * @visibility backend
       */
      flowsRequestsPerMinute?: number;
      /**
       * Megabytes of responses each backend process keeps in memory (beside
       * the shared cache service). Default 64.
       * @visibility backend
       */
      localCacheMaxMegabytes?: number;
      /**
       * Deadline of each catalog and cache (e.g. Redis) call, in
       * milliseconds; a stalled cache counts as a miss. Default 2000.
       * @visibility backend
       */
      dependencyTimeoutMs?: number;
    };
    /** Per-cluster settings, matched by name to the configured clusters. */
    clusters?: Array<{
      /** @visibility frontend */
      name: string;
      /**
       * Namespace Cilium runs in. Default `kube-system`.
       * @visibility backend
       */
      ciliumNamespace?: string;
      /** Hubble Relay of this cluster. Without it, Hubble sections are empty. */
      hubble?: {
        /**
         * `host:port` of the Relay (port 4245, or 80/443 via the Service).
         * @visibility backend
         */
        address: string;
        /**
         * Hubble UI of this cluster (e.g. `https://hubble.example.net`), for
         * deep links from the flows table.
         * @visibility backend
         */
        uiUrl?: string;
        /**
         * Per-call timeout in milliseconds; default `cilium.timeoutMs`.
         * @visibility backend
         */
        timeoutMs?: number;
        tls?: {
          /** @visibility backend */
          enabled: boolean;
          /**
           * CA bundle of the Relay's server certificate, in the same format
           * as a Kubernetes cluster's `caData`: base64 of the PEM, as a
           * Secret's `data."ca.crt"` holds it. PEM text is accepted too.
           * @visibility secret
           */
          caData?: string;
          /**
           * Path of a PEM CA bundle (`~` is expanded), as a Kubernetes
           * cluster's `caFile`.
           * @visibility secret
           */
          caFile?: string;
          /** @visibility backend */
          serverName?: string;
          /** @visibility backend */
          insecureSkipVerify?: boolean;
        };
      };
      /**
       * This cluster's Prometheus (e.g. kube-prometheus-stack's), read with
       * fixed PromQL for Cluster Mesh readiness, flows, drops, HTTP golden
       * signals and BGP sessions. Without it, those read "not configured"
       * and mesh readiness falls back to Hubble Relay's view.
       */
      prometheus?: {
        /**
         * Base URL; the HTTP API is under `<url>/api/v1/`.
         * @visibility backend
         */
        url: string;
        /**
         * Value of the `Authorization` header sent with every query (e.g.
         * `Bearer ${PROMETHEUS_TOKEN}`).
         * @visibility secret
         */
        authorization?: string;
        /**
         * Per-query timeout in milliseconds; default `cilium.timeoutMs`.
         * @visibility backend
         */
        timeoutMs?: number;
        tls?: {
          /**
           * PEM CA certificate(s) trusted besides the public roots.
           * @visibility secret
           */
          caData?: string;
          /** @visibility secret */
          caFile?: string;
          /** @visibility backend */
          insecureSkipVerify?: boolean;
        };
      };
      /** Where this cluster's Argo CD Applications are read. */
      argocd?: {
        /**
         * Name of the configured cluster Argo CD runs in. Default: this one.
         * @visibility backend
         */
        cluster?: string;
        /**
         * Namespace of the Applications. Default `argocd`.
         * @visibility backend
         */
        namespace?: string;
        /**
         * Argo CD UI base URL, for deep links.
         * @visibility frontend
         */
        baseUrl?: string;
        /**
         * Label selector that picks this cluster's Applications. When set,
         * it replaces the destination match below.
         * @visibility backend
         */
        labelSelector?: string;
        /**
         * `spec.destination.name` values that mean this cluster. Default: the
         * cluster's name, plus `in-cluster` when Argo CD runs in it.
         * @visibility backend
         */
        destinationNames?: string[];
        /**
         * `spec.destination.server` values that mean this cluster. Default:
         * the cluster's URL, plus `https://kubernetes.default.svc` when Argo
         * CD runs in it.
         * @visibility backend
         */
        destinationServers?: string[];
      };
      /**
       * Expected Cluster Mesh peers. Default: the catalog entity's
       * `cilium-gitops/mesh-peers` annotation.
       * @visibility backend
       */
      meshPeers?: string[];
      /**
       * The cluster's GitOps repository, read at its head for the page's
       * "Git and live" section. Default: the scaffolder's local repository
       * `<ciliumGitops.localPublish.baseDir>/<cluster name>.git`.
       */
      git?: {
        /**
         * A GitHub repository, `https://github.com/<owner>/<repo>[.git]`,
         * read through `integrations.github`.
         * @visibility backend
         */
        url?: string;
        /**
         * Name of a repository of the local publish target instead of the
         * cluster's name (`<baseDir>/<localRepo>.git`).
         * @visibility backend
         */
        localRepo?: string;
        /**
         * Branch Argo CD follows. Default `main`.
         * @visibility backend
         */
        branch?: string;
        /**
         * Web page of the repository for commit links
         * (`<webUrl>/commit/<sha>`); derived for GitHub.
         * @visibility backend
         */
        webUrl?: string;
      };
    }>;
  };
}
