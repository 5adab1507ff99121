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
import { ARGOCD_NAMESPACE, valuesPath } from '../application';
import type { SecretReference } from '../types';

/**
 * Argo CD release installed by bootstrap (v3.5.5, 2026-10-12). Argo CD is
 * not an addon of the catalog, so its pin lives here.
 */
export const ARGO_CD_VERSION = 'v3.5.5';
export const GATEWAY_API_ADDON_ID = 'gateway-api-crds';
export const PROMETHEUS_CRDS_ADDON_ID = 'prometheus-operator-crds';
export const ROOT_APP_PATH = 'bootstrap/root-app.yaml';
export const ARGOCD_CM_PATCH_PATH = 'bootstrap/argocd-cm-patch.yaml';

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
}

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
      ...(addon.id === CILIUM_ADDON_ID
        ? ['--values', valuesPath(addon.id)]
        : []),
    ),
  ];
  if (addon.id === CILIUM_ADDON_ID) {
    commands.push(
      command(
        'kubectl',
        '-n',
        addon.namespace,
        'rollout',
        'status',
        'daemonset/cilium',
        '--timeout=10m',
      ),
    );
  }
  return { title: title.replace('{version}', version), why, commands };
}

function argoCdStep(): BootstrapStep {
  const url = `https://raw.githubusercontent.com/argoproj/argo-cd/${ARGO_CD_VERSION}/manifests/install.yaml`;
  return {
    title: `Argo CD ${ARGO_CD_VERSION}`,
    why: 'It needs a working CNI, so it comes after Cilium. The patch restores the Application health check, so sync waves wait for healthy children.',
    commands: [
      command(
        'kubectl',
        'create',
        'namespace',
        ARGOCD_NAMESPACE,
        '--dry-run=client',
        '-o',
        'yaml',
      ) + ' | kubectl apply -f -',
      command(
        'kubectl',
        'apply',
        '--server-side',
        '--force-conflicts',
        '-n',
        ARGOCD_NAMESPACE,
        '-f',
        url,
      ),
      command(
        'kubectl',
        '-n',
        ARGOCD_NAMESPACE,
        'patch',
        'configmap',
        'argocd-cm',
        '--type',
        'merge',
        '--patch-file',
        ARGOCD_CM_PATCH_PATH,
      ),
      command(
        'kubectl',
        '-n',
        ARGOCD_NAMESPACE,
        'rollout',
        'restart',
        'statefulset/argocd-application-controller',
      ),
      command(
        'kubectl',
        '-n',
        ARGOCD_NAMESPACE,
        'rollout',
        'status',
        'statefulset/argocd-application-controller',
        '--timeout=10m',
      ),
    ],
  };
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
    argoCdStep(),
    {
      title: 'The root Application',
      why: 'Argo CD then adopts Cilium (wave -2) and syncs everything else in wave order.',
      commands: [command('kubectl', 'apply', '-f', ROOT_APP_PATH)],
    },
  ];
  return steps.filter((step): step is BootstrapStep => step !== undefined);
}
