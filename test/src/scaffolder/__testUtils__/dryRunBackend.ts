import fs from 'node:fs';
import path from 'node:path';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderModuleCilium from '@internal/plugin-scaffolder-backend-module-cilium';
import yaml from 'yaml';

/** The repository root (test/src/scaffolder/__testUtils__ → ../../../..). */
export const REPO_ROOT = path.resolve(__dirname, '../../../..');

/** templates/cilium-cluster/template.yaml, parsed. */
export function loadClusterTemplate(): Record<string, any> {
  const file = path.join(REPO_ROOT, 'templates/cilium-cluster/template.yaml');
  return yaml.parse(fs.readFileSync(file, 'utf8'));
}

/**
 * An in-process backend with the real scaffolder, our module and a mock
 * catalog that knows the user and the owner group.
 */
export async function startDryRunBackend(options: {
  localReposDir: string;
  extraFeatures?: Parameters<typeof startTestBackend>[0]['features'];
}) {
  return startTestBackend({
    features: [
      ...(options.extraFeatures ?? []),
      scaffolderPlugin,
      scaffolderModuleCilium,
      catalogServiceMock.factory({
        entities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'mock', namespace: 'default' },
            spec: {
              profile: { displayName: 'Mock User', email: 'mock@example.net' },
            },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Resource',
            metadata: { name: 'existing-cluster', namespace: 'default' },
            spec: {
              type: 'kubernetes-cluster',
              owner: 'group:default/platform-team',
            },
          },
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'Group',
            metadata: { name: 'platform-team', namespace: 'default' },
            spec: { type: 'team', children: [] },
          },
        ],
      }),
      mockServices.rootConfig.factory({
        data: {
          ciliumGitops: {
            localPublish: {
              baseDir: options.localReposDir,
              serveOverHttp: true,
            },
          },
        },
      }),
    ],
  });
}

/** Form values of democluster1 (issue 3 §1), as the template's form sends them. */
export const democluster1Values = {
  name: 'democluster1',
  clusterId: 1,
  ciliumVersion: '1.20.3',
  owner: 'group:default/platform-team',
  apiServerHost: '10.12.13.14',
  apiServerPort: 6443,
  controlPlaneExternal: true,
  podCIDR: '10.0.0.0/16',
  serviceCIDR: '10.192.0.0/12',
  routingMode: 'tunnel',
  lbPoolCIDR: '10.245.12.0/24',
  bgpLocalASN: 64512,
  bgpPeerAddress: '172.22.5.1',
  bgpPeerASN: 64513,
  withRouter: true,
  router: {
    hostname: 'frr1',
    asn: 64513,
    routerId: '172.22.5.1',
    workerNodeCIDR: '172.22.5.0/24',
    workerNodes: ['172.22.5.31', '172.22.5.32', '172.22.5.33'],
    upstream: { address: '172.22.0.1', asn: 64500 },
  },
  domain: 'c1demo.example.net',
  dnsServerHost: '10.53.0.2',
  dnsServerPort: 53,
  dnsZone: 'example.net',
  tsigKeyName: 'externaldns',
  tsigAlgorithm: 'hmac-sha256',
  tsigSecretName: 'externaldns-tsig',
  tsigSecretKey: 'tsig-secret',
  acmeEmail: 'ops@example.net',
  acmeServer: 'https://acme-v02.api.letsencrypt.org/directory',
  clusterIssuer: 'acme-prod',
  certManager: true,
  externalDNS: true,
  observability: true,
  openebs: true,
  bookinfo: true,
  echo: true,
  jobsApp: true,
  grafanaHost: 'grafana.c1demo.example.net',
  hubbleUIHost: 'hubble.c1demo.example.net',
  grafanaAdminSecretName: 'grafana-admin',
  grafanaAdminSecretKey: 'password',
  meshPeers: ['democluster2'],
  publishTarget: 'local',
  repoName: 'democluster1-gitops',
  gitopsRepoURL: 'https://git.example.net/platform/democluster1-gitops.git',
};

export interface DryRunResponse {
  log: { body: { message: string; stepId?: string; status?: string } }[];
  directoryContents: { path: string; base64Content: string }[];
  steps: { id: string; name: string; action: string }[];
  output: { links?: { title?: string; url?: string; entityRef?: string }[] };
}

/** Every log message of a dry run, without terminal colours. */
export function logMessages(res: DryRunResponse): string[] {
  // eslint-disable-next-line no-control-regex
  return res.log.map(l => l.body.message.replace(/\u001b\[[0-9;]*m/g, ''));
}

/** The JSON input a dry run logged for a step ("Running <action> in dry-run mode with inputs"). */
export function dryRunInputOf(res: DryRunResponse, stepId: string): any {
  const line = res.log.find(
    l =>
      l.body.stepId === stepId &&
      l.body.message.includes('in dry-run mode with inputs'),
  )?.body.message;
  return line === undefined
    ? undefined
    : JSON.parse(line.slice(line.indexOf('{')));
}

/** The file of a dry-run result, decoded. */
export function fileOf(res: DryRunResponse, p: string): string | undefined {
  const file = res.directoryContents.find(f => f.path === p);
  return file && Buffer.from(file.base64Content, 'base64').toString('utf8');
}

/** Final status of each step, from the dry-run log. */
export function stepStatuses(res: DryRunResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of res.log) {
    const { stepId, status } = entry.body;
    if (stepId && status) out[stepId] = status;
  }
  return out;
}
