/**
 * What the virtual users ask for: every `/api/cilium` route, with valid and
 * invalid parameters, and unknown clusters. Paths only (relative to the
 * plugin's base URL). The live flow stream (`flows/stream`) is held open
 * by design, so it is not a request with an answer time; its limits have
 * their own tests (plugin.flowStreamLimits.test.ts).
 */
export function loadPaths(clusters: string[]): string[] {
  const names = [...clusters, 'no-such-cluster'];
  const paths = ['/clusters', '/mesh'];
  for (const name of names) {
    const c = `/clusters/${encodeURIComponent(name)}`;
    paths.push(
      `${c}/status`,
      `${c}/gateways?limit=20`,
      `${c}/gateways?limit=0`,
      `${c}/httproutes?limit=50&offset=100`,
      `${c}/httproutes?q=svc-12`,
      `${c}/httproutes?offset=-1`,
      `${c}/httproutes?q=${'a'.repeat(300)}`,
      `${c}/flows?last=20`,
      `${c}/flows?last=50&verdict=DROPPED`,
      `${c}/flows?namespace=kube-system&policyVerdictsOnly=true`,
      `${c}/flows?since=2026-11-26T10:00:00%2B01:00`,
      `${c}/flows?since=2026-11-26T10:00:00%2B24:00`,
      `${c}/flows?last=5000`,
      `${c}/flows?namespace=Not_A_Label`,
      `${c}/flows?server=10.0.0.1:4245`,
      `${c}/flows/summary`,
      `${c}/flows/summary?namespace=tenant-jobs`,
      `${c}/flows/summary?last=0`,
      `${c}/metrics?range=15m`,
      `${c}/metrics?range=1y`,
      `${c}/git`,
      `${c}/policy-readiness?namespace=tenant-jobs`,
      `${c}/policy-readiness?namespace=tenant-jobs&keep=`,
      `${c}/policy-readiness?namespace=Not_A_Label`,
    );
  }
  return paths;
}
