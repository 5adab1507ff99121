/**
 * The CNI chicken-and-egg path as data: Gateway API CRDs, Prometheus
 * Operator CRDs, Cilium with the same values file Argo CD uses, Argo CD, the
 * Secrets, then the root Application. `install.sh` and the README are both
 * written from these steps.
 */
import type { AddonCatalog } from '../../catalog/types';
import type { ResolvedChartSource, ResolvedGitSource } from '../../catalog';
import type { ClusterSpec } from '../../spec/types';
import { CILIUM_ADDON_ID, resolveAddonSources } from '../../catalog';
import { valuesPath } from '../application';
import type { SecretReference } from '../types';

/** Argo CD is an addon too: bootstrap installs its chart, then it manages itself. */
export const ARGO_CD_ADDON_ID = 'argo-cd';
export const GATEWAY_API_ADDON_ID = 'gateway-api-crds';
export const PROMETHEUS_CRDS_ADDON_ID = 'prometheus-operator-crds';
export const ROOT_APP_PATH = 'bootstrap/root-app.yaml';

export interface BootstrapStep {
  title: string;
  /** Why the step is there, for the README. */
  why: string;
  commands: string[];
}

export interface BootstrapInput {
  spec: ClusterSpec;
  catalog: AddonCatalog;
  enabledIds: string[];
  ciliumMinor: string;
  ciliumVersion: string;
  secrets: SecretReference[];
  /** `apps/appproject-*.yaml`: applied before the root Application names its project. */
  projectPaths: string[];
}

/** Charts bootstrap installs with the values file their Application uses, and what to wait for. */
const SAME_VALUES_AS_ARGO_CD: Record<string, string> = {
  [CILIUM_ADDON_ID]: 'daemonset/cilium',
  [ARGO_CD_ADDON_ID]: 'statefulset/argocd-application-controller',
};

/** Single-quotes a shell word unless it is plainly safe. */
export function shellWord(word: string): string {
  return /^[A-Za-z0-9._/:=@%+,-]+$/.test(word)
    ? word
    : `'${word.replace(/'/g, `'\\''`)}'`;
}

function command(...words: string[]): string {
  return words.map(shellWord).join(' ');
}

function gatewayApiStep(input: BootstrapInput): BootstrapStep | undefined {
  const addon = input.catalog.addons[GATEWAY_API_ADDON_ID];
  if (!addon || !input.enabledIds.includes(GATEWAY_API_ADDON_ID))
    return undefined;
  const [standard, ...extras] = resolveAddonSources(
    addon,
    input.ciliumVersion,
  ).filter((s): s is ResolvedGitSource => s.type === 'git');
  if (!standard) return undefined;
  const tag = standard.targetRevision;
  const base = standard.repoURL.replace(/\.git$/, '');
  const raw = base.replace(
    'https://github.com/',
    'https://raw.githubusercontent.com/',
  );
  const commands = [
    command(
      'kubectl',
      'apply',
      '--server-side',
      '-f',
      `${base}/releases/download/${tag}/standard-install.yaml`,
    ),
  ];
  for (const extra of extras) {
    if (extra.include && !/[*?[{]/.test(extra.include)) {
      commands.push(
        command(
          'kubectl',
          'apply',
          '--server-side',
          '-f',
          `${raw}/${tag}/${extra.path}/${extra.include}`,
        ),
      );
    }
  }
  return {
    title: `Gateway API CRDs ${tag} (standard channel${
      commands.length > 1 ? ' and the experimental TLSRoute' : ''
    })`,
    why: `Cilium ${input.ciliumMinor} needs them, and its operator looks for them only at start-up.`,
    commands,
  };
}

function helmStep(
  input: BootstrapInput,
  id: string,
  title: string,
  why: string,
): BootstrapStep | undefined {
  const addon = input.catalog.addons[id];
  if (!addon?.chart || !input.enabledIds.includes(id)) return undefined;
  const chart = resolveAddonSources(addon, input.ciliumVersion).find(
    (s): s is ResolvedChartSource => s.type === 'chart',
  )!;
  const version = chart.version;
  const commands = [
    command(
      'helm',
      'upgrade',
      '--install',
      addon.releaseName ?? addon.id,
      addon.chart.chart,
      '--repo',
      addon.chart.repoURL,
      '--version',
      version,
      '--namespace',
      addon.namespace,
      '--create-namespace',
      ...(SAME_VALUES_AS_ARGO_CD[addon.id]
        ? ['--values', valuesPath(addon.id)]
        : []),
    ),
  ];
  const workload = SAME_VALUES_AS_ARGO_CD[addon.id];
  if (workload) {
    commands.push(
      command(
        'kubectl',
        '-n',
        addon.namespace,
        'rollout',
        'status',
        workload,
        '--timeout=10m',
      ),
    );
  }
  return { title: title.replace('{version}', version), why, commands };
}

function secretsStep(secrets: SecretReference[]): BootstrapStep | undefined {
  if (secrets.length === 0) return undefined;
  return {
    title: 'Check the Secrets',
    why: 'They are created out of band (see "Secrets" in README.md), before anything is installed; the repository never holds their values.',
    commands: secrets.map(
      s =>
        `${command(
          'kubectl',
          '-n',
          s.namespace,
          'get',
          'secret',
          s.name,
          '-o',
          `jsonpath={.data.${s.key.replace(/\./g, '\\.')}}`,
        )} | grep -q . || { echo ${shellWord(
          `missing Secret ${s.namespace}/${s.name} key ${s.key}, see README.md`,
        )} >&2; exit 1; }`,
    ),
  };
}

export function bootstrapSteps(input: BootstrapInput): BootstrapStep[] {
  const steps = [
    secretsStep(input.secrets),
    gatewayApiStep(input),
    helmStep(
      input,
      PROMETHEUS_CRDS_ADDON_ID,
      'Prometheus Operator CRDs (chart {version})',
      'Cilium renders ServiceMonitors, so their CRDs come first.',
    ),
    helmStep(
      input,
      CILIUM_ADDON_ID,
      'Cilium {version}',
      `Release "cilium" in kube-system with ${valuesPath(
        CILIUM_ADDON_ID,
      )}, the same values file Argo CD uses, so Argo CD adopts it without changes.`,
    ),
    helmStep(
      input,
      ARGO_CD_ADDON_ID,
      'Argo CD (chart {version})',
      `It needs a working CNI, so it comes after Cilium. Release "argocd" with ${valuesPath(
        ARGO_CD_ADDON_ID,
      )} (the Application health check, so sync waves wait for healthy children); its own Application keeps it on that file afterwards.`,
    ),
    {
      title: 'The AppProjects and the root Application',
      why: 'The projects come first because the root Application names one. Argo CD then manages itself (wave -4), adopts Cilium (wave -2) and syncs everything else in wave order.',
      commands: [
        ...input.projectPaths.map(p => command('kubectl', 'apply', '-f', p)),
        command('kubectl', 'apply', '-f', ROOT_APP_PATH),
      ],
    },
  ];
  return steps.filter((step): step is BootstrapStep => step !== undefined);
}
