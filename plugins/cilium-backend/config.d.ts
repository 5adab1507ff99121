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
     * the context), for local use.
     * @visibility secret
     */
    kubeconfig?: string;
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
          /** @visibility secret */
          caData?: string;
          /** @visibility secret */
          caFile?: string;
          /** @visibility backend */
          serverName?: string;
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
    }>;
  };
}
