/** **Verify**, continued: the demo apps, with the recipe's curls and counts. */
import { bookinfoHosts } from '../components/bookinfo';
import { hasAddon, output, sh } from './markdown';
import type { ReadmeInput, ReadmeSection } from './types';

function verifyBookinfo(input: ReadmeInput): string[] {
  if (!hasAddon(input, 'bookinfo')) return [];
  const hosts = bookinfoHosts(input.spec);
  return [
    '### bookinfo behind the TLS Gateway',
    '',
    `\`/details\` is routed on \`${hosts.details}\` only, \`/\` on \`${hosts.productpage}\` (as the recipe):`,
    '',
    ...sh(
      `curl -i https://${hosts.details}/            # HTTP/1.1 404 Not Found, server: envoy (no route for /)`,
      `curl -i https://${hosts.details}/details     # HTTP/1.1 400 Bad Request: {"error":"please provide numeric product id"}`,
      `curl -s https://${hosts.details}/details/1   # {"id":1,"author":"William Shakespeare",...}`,
      `curl -s https://${hosts.productpage}/ | grep -o '<title>.*</title>'   # <title>Simple Bookstore App</title>`,
    ),
  ];
}

interface EchoRoute {
  gateway: string;
  namespace: string;
  backends: { name: string; weight: number }[];
  headers: {
    add: { name: string; value: string }[];
    set: { name: string; value: string }[];
  };
}

function echoRoute(input: ReadmeInput): EchoRoute | undefined {
  const echo = input.addons.find(a => a.addon.id === 'echo');
  if (!echo) return undefined;
  const route = input.objects.find(
    o =>
      o.kind === 'HTTPRoute' && o.metadata.namespace === echo.addon.namespace,
  ) as any;
  if (!route) return undefined;
  const rule = route.spec.rules[0];
  const modifier = (rule.filters ?? []).find(
    (f: any) => f.type === 'RequestHeaderModifier',
  )?.requestHeaderModifier;
  return {
    gateway: route.spec.parentRefs[0].name,
    namespace: echo.addon.namespace,
    backends: rule.backendRefs.map((b: any) => ({
      name: b.name,
      weight: b.weight ?? 1,
    })),
    headers: { add: modifier?.add ?? [], set: modifier?.set ?? [] },
  };
}

/** What 100 requests should count per backend at the route's default weights. */
function expectedCounts(backends: EchoRoute['backends']): string[] {
  const total = backends.reduce((sum, b) => sum + b.weight, 0);
  return backends.map(b => {
    const share = total ? (100 * b.weight) / total : 0;
    const exact = share === 0 || share === 100;
    return `${exact ? '' : 'about '}${Math.round(share)} ${b.name}`;
  });
}

function verifyEcho(input: ReadmeInput): string[] {
  const route = echoRoute(input);
  if (!route) return [];
  const headers = [...route.headers.add, ...route.headers.set];
  const weights = route.backends.map(b => `${b.name} ${b.weight}`).join(', ');
  return [
    '### echo: header filters and the weighted split',
    '',
    ...sh(
      `GW=$(kubectl -n ${route.namespace} get gateway ${route.gateway} -o jsonpath='{.status.addresses[0].value}')`,
      'curl -s "http://$GW/"',
    ),
    `The echo server prints the request it got: \`Hostname:\` names the pod that answered, and under *Request Headers* the HTTPRoute's filter shows:`,
    '',
    ...output(...headers.map(h => ` ${h.name.toLowerCase()}=${h.value}`)),
    `Send 100 requests and count who answered. Each backend gets its weight's share, as written in \`manifests/${route.namespace}/\` (\`spec.traffic.splits\` of \`cluster.yaml\` sets them); at the route's default weights (${weights}) the count is:`,
    '',
    ...sh(
      `for i in $(seq 100); do curl -s "http://$GW/" | grep -m1 '^Hostname:'; done | sed -E 's/^Hostname: (.*)-[a-z0-9]+-[a-z0-9]+$/\\1/' | sort | uniq -c`,
    ),
    ...output(...expectedCounts(route.backends).filter(l => !/^0 /.test(l))),
    'A backend with weight 0 gets no request at all. Shift the weights in Git (`yarn cilium-gitops change . --split <namespace>/<route>=<backend>:<weight>,...`, or the *Cilium cluster change* template) and the next count follows them.',
    '',
  ];
}

function verifyPolicyVerdicts(input: ReadmeInput): string[] {
  const jobs = input.addons.find(a => a.addon.id === 'jobs-app');
  if (!jobs) return [];
  const ns = jobs.addon.namespace;
  return [
    '### Policy verdicts of the jobs-app tenant',
    '',
    ...sh(
      'cilium hubble port-forward &',
      `hubble observe --type policy-verdict -n ${ns} --last 5`,
    ),
    "Five verdicts of the tenant's policies, one per line, e.g.:",
    '',
    ...output(
      `Jun  3 17:34:08.849: ${ns}/<client pod>:54352 (ID:109299) -> ${ns}/<server pod>:9091 (ID:126417) policy-verdict:L3-L4 INGRESS ALLOWED (TCP Flags: SYN)`,
    ),
    'The same verdicts feed the *Cilium Policy Verdicts* dashboard in Grafana (folder Cilium), next to the Hubble dashboards.',
    '',
  ];
}

export const verifyDemosSection: ReadmeSection = input => [
  ...verifyBookinfo(input),
  ...verifyEcho(input),
  ...verifyPolicyVerdicts(input),
];
