import { PermissionsService } from '@backstage/backend-plugin-api';
import { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import {
  ciliumClusterReadPermission,
  ciliumFlowsReadPermission,
  FLOWS_LAST_MAX,
  Verdict,
  VERDICTS,
} from '@internal/plugin-cilium-common';
import { CiliumStatusService } from '@internal/plugin-cilium-node';
import { authorizeCluster } from '../router/authorizeCluster';
import { ClusterEntityRefLookup } from '../service/clusterEntityRefs';
import { compactClusterStatus, compactFlows, compactMesh } from './compact';

/** Flows an assistant gets at most per call (its context is small). */
const ACTION_FLOWS_MAX = Math.min(100, FLOWS_LAST_MAX);

/**
 * Registers the Cilium actions for AI assistants (served by the MCP actions
 * backend): `cilium:get-cluster-status`, `cilium:get-flows` and
 * `cilium:get-mesh`. Each checks the same permission as its HTTP route with
 * the caller's credentials, on the cluster's catalog entity.
 */
export function registerCiliumActions(deps: {
  actionsRegistry: ActionsRegistryService;
  service: CiliumStatusService;
  permissions: PermissionsService;
  clusterEntityRef: ClusterEntityRefLookup;
}) {
  const { actionsRegistry, service } = deps;

  actionsRegistry.register({
    name: 'get-cluster-status',
    title: 'Get Cilium cluster status',
    description:
      'Summarizes one Kubernetes cluster running Cilium: Cilium version and cluster id, Gateway and HTTPRoute counts (with how many are not accepted), CiliumNodes, Hubble Relay health, Cluster Mesh peers and their readiness, Argo CD application sync and health, and every source that could not be read (errors).',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z =>
        z.object({
          cluster: z
            .string()
            .min(1)
            .describe('Cluster name as configured in cilium.clusters[]'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          generatedAt: z.string(),
          ciliumVersion: z.string().optional(),
          clusterId: z.number().optional(),
          gateways: z
            .object({
              total: z.number(),
              notAccepted: z.number(),
              notProgrammed: z.number(),
            })
            .optional(),
          httpRoutes: z
            .object({
              total: z.number(),
              notAccepted: z.number(),
              unresolvedRefs: z.number(),
            })
            .optional(),
          ciliumNodes: z.object({ total: z.number() }).optional(),
          hubble: z
            .object({
              healthy: z.boolean(),
              numFlows: z.number(),
              maxFlows: z.number(),
            })
            .optional(),
          meshPeers: z
            .array(
              z.object({ name: z.string(), ready: z.boolean().nullable() }),
            )
            .optional(),
          argocdApplications: z
            .array(
              z.object({
                name: z.string(),
                sync: z.string(),
                health: z.string(),
              }),
            )
            .optional(),
          errors: z.array(
            z.object({
              source: z.string(),
              reason: z.string(),
              message: z.string(),
            }),
          ),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeCluster(
        deps,
        credentials,
        ciliumClusterReadPermission,
        input.cluster,
      );
      const status = await service.getClusterStatus(input.cluster, {
        credentials,
      });
      return { output: compactClusterStatus(status) };
    },
  });

  actionsRegistry.register({
    name: 'get-flows',
    title: 'Get Hubble flows of a Cilium cluster',
    description: `Recent network flows from the cluster's Hubble Relay, newest last, each as one \`hubble observe\` line (source → destination, ports, verdict, drop reason), with counts per verdict. Filter by namespace and verdict (e.g. DROPPED to find denied traffic); at most ${ACTION_FLOWS_MAX} flows.`,
    attributes: { readOnly: true, idempotent: false },
    schema: {
      input: z =>
        z.object({
          cluster: z.string().min(1).describe('Cluster name'),
          namespace: z
            .string()
            .min(1)
            .optional()
            .describe('Only flows from or to this namespace'),
          verdict: z
            .enum(VERDICTS as [Verdict, ...Verdict[]])
            .optional()
            .describe('Only flows with this verdict, e.g. DROPPED'),
          last: z
            .number()
            .int()
            .min(1)
            .max(ACTION_FLOWS_MAX)
            .default(20)
            .describe('How many of the most recent flows'),
        }),
      output: z =>
        z.object({
          cluster: z.string(),
          flows: z.array(
            z.object({
              time: z.string(),
              verdict: z.string(),
              line: z.string(),
            }),
          ),
          verdictCounts: z.record(z.string(), z.number()),
          error: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      await authorizeCluster(
        deps,
        credentials,
        ciliumFlowsReadPermission,
        input.cluster,
      );
      const { cluster, ...query } = input;
      const flows = await service.getFlows(cluster, query);
      return { output: compactFlows(flows) };
    },
  });

  actionsRegistry.register({
    name: 'get-mesh',
    title: 'Get the Cilium Cluster Mesh overview',
    description:
      'Every configured cluster with its Cluster Mesh id, whether it is reachable, and its expected mesh peers with their readiness (ready: null when unknown).',
    attributes: { readOnly: true, idempotent: true },
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          clusters: z.array(
            z.object({
              name: z.string(),
              clusterId: z.number().optional(),
              reachable: z.boolean(),
              peers: z.array(
                z.object({ name: z.string(), ready: z.boolean().nullable() }),
              ),
              error: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ credentials }) => {
      await authorizeCluster(deps, credentials, ciliumClusterReadPermission);
      return { output: compactMesh(await service.getMesh({ credentials })) };
    },
  });
}
