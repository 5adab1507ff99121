/**
 * Render benchmark (run with `yarn bench:render`; prints figures, asserts
 * nothing). Measures one cluster render (median of several runs after
 * warm-up) and 1,000 clusters with varying names, ids and CIDRs, next to a
 * baseline measured in the same run: plain `yaml.stringify` of the same
 * object trees, i.e. the cost of writing the YAML without building it.
 * Targets on a 2-core machine: one cluster ≤ 50 ms, 1,000 clusters ≤ 10 s.
 * The 1,000-cluster target is checked against the fleet render
 * (`renderFleet`: worker threads, one per core, worker start-up included,
 * results streamed and dropped); the sequential single-threaded run is
 * printed next to it, measured in the same run, with the ratio between them.
 * CPU time (all threads) and the load average are printed because wall time
 * on a busy machine overstates the cost.
 */
import { availableParallelism, cpus, loadavg } from 'os';
import { parseAllDocuments, stringify } from 'yaml';
import {
  type ClusterSpec,
  loadAddonCatalog,
  parseClusterSpec,
  renderClusterRepo,
  renderFleet,
  validateClusterSpec,
} from '@internal/cilium-gitops';

const WARMUP = 20;
const RUNS = 50;
const CLUSTERS = 1000;

const catalog = loadAddonCatalog();

function specDoc(i: number): Record<string, unknown> {
  const name = `bench-${String(i).padStart(4, '0')}`;
  const a = i % 200;
  const b = Math.floor(i / 200);
  return {
    apiVersion: 'cilium-gitops/v1alpha1',
    kind: 'ClusterSpec',
    metadata: { name },
    spec: {
      clusterId: (i % 255) + 1,
      gitops: { repoURL: `https://github.com/example/${name}-gitops.git` },
      controlPlane: { apiServerHost: `10.250.${b}.${a + 1}`, external: true },
      network: {
        podCIDR: `10.${a}.0.0/16`,
        serviceCIDR: `172.${16 + b}.${a}.0/24`,
        loadBalancerPools: [{ name: 'default', cidr: `192.168.${a}.0/24` }],
      },
      bgp: {
        localASN: 64512 + (i % 1000),
        peers: [{ name: 'upstream', address: `100.64.${a}.1`, asn: 65000 }],
        router: {
          hostname: 'frr',
          asn: 65000,
          routerId: `100.64.${a}.1`,
          workerNodeCIDR: `100.64.${a}.0/24`,
          workerNodes: [`100.64.${a}.11`, `100.64.${a}.12`],
        },
      },
      dns: {
        domain: `${name}.example.net`,
        rfc2136: {
          host: '10.53.0.2',
          zone: 'example.net',
          tsigKeyName: 'externaldns',
          tsigSecretRef: { name: 'externaldns-tsig', key: 'tsig-secret' },
        },
      },
      tls: { clusterIssuer: 'acme-prod', acme: { email: 'ops@example.net' } },
      observability: {
        grafanaHost: `grafana.${name}.example.net`,
        hubbleUIHost: `hubble.${name}.example.net`,
        grafanaAdminSecretRef: { name: 'grafana-admin', key: 'password' },
      },
      demoApps: { bookinfo: true, echo: true, jobsApp: true },
      clusterMesh: {
        peers: [`bench-${String((i + 1) % CLUSTERS).padStart(4, '0')}`],
      },
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeMs(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const docs = Array.from({ length: CLUSTERS }, (_, i) => specDoc(i));
let specs: ClusterSpec[] = [];
const validateMs = timeMs(() => {
  specs = docs.map(doc =>
    parseClusterSpec(doc, { ciliumVersions: catalog.ciliumVersions }),
  );
});

// The baseline's input: the object trees of one rendered repository (YAML files only).
const first = renderClusterRepo(specs[0], catalog);
const trees = first.files
  .filter(f => f.path.endsWith('.yaml'))
  .flatMap(f => parseAllDocuments(f.content).map(d => d.toJS()));
const stringifyAll = () => {
  for (const tree of trees)
    stringify(tree, {
      lineWidth: 0,
      aliasDuplicateObjects: false,
      directives: false,
    });
};

for (let i = 0; i < WARMUP; i++) {
  renderClusterRepo(specs[i % specs.length], catalog);
  stringifyAll();
}
const one = median(
  Array.from({ length: RUNS }, (_, i) =>
    timeMs(() => renderClusterRepo(specs[i], catalog)),
  ),
);
const baselineOne = median(
  Array.from({ length: RUNS }, () => timeMs(stringifyAll)),
);

let files = 0;
const cpuBefore = process.cpuUsage();
const many =
  timeMs(() => {
    for (const spec of specs)
      files += renderClusterRepo(spec, catalog).files.length;
  }) / 1000;
const cpuUsed = process.cpuUsage(cpuBefore);
const manyCpu = (cpuUsed.user + cpuUsed.system) / 1e6;
const baselineMany =
  timeMs(() => {
    for (let i = 0; i < CLUSTERS; i++) stringifyAll();
  }) / 1000;

async function fleetAndReport() {
  // The fleet render: the same specs on worker threads; results streamed, not kept.
  let fleetFiles = 0;
  let fleetFailed = 0;
  const fleetCpuBefore = process.cpuUsage();
  const fleetStart = process.hrtime.bigint();
  const fleet = await renderFleet(specs, catalog, {
    concurrency: availableParallelism(),
    onRendered: result => {
      if (result.ok) fleetFiles += result.paths.length;
      else fleetFailed++;
    },
  });
  const fleetWall = Number(process.hrtime.bigint() - fleetStart) / 1e9;
  const fleetCpuUsed = process.cpuUsage(fleetCpuBefore);
  const fleetCpu = (fleetCpuUsed.user + fleetCpuUsed.system) / 1e6;
  if (fleetFailed) throw new Error(`${fleetFailed} clusters failed to render`);

  const verdict = (value: number, target: number) =>
    value <= target ? 'ok' : 'OVER TARGET';
  console.log(
    `render benchmark (node ${process.version}, ${
      cpus().length
    } CPUs, load average ${loadavg()[0].toFixed(1)}, ${
      first.files.length
    } files per cluster)`,
  );
  console.log(
    `one cluster:    ${one.toFixed(
      2,
    )} ms median of ${RUNS} after ${WARMUP} warm-up  (target ≤ 50 ms: ${verdict(
      one,
      50,
    )})`,
  );
  console.log(
    `  baseline:     ${baselineOne.toFixed(2)} ms  yaml.stringify of the same ${
      trees.length
    } object trees  (ratio ${(one / baselineOne).toFixed(2)}x)`,
  );
  console.log(
    `${CLUSTERS} clusters: ${many.toFixed(2)} s wall, ${manyCpu.toFixed(
      2,
    )} s CPU, ${files} files  (sequential, one thread; the target applies to the fleet render)`,
  );
  console.log(
    `  baseline:     ${baselineMany.toFixed(2)} s  (ratio ${(
      many / baselineMany
    ).toFixed(2)}x)`,
  );
  console.log(
    `fleet, ${CLUSTERS} clusters: ${fleetWall.toFixed(
      2,
    )} s wall, ${fleetCpu.toFixed(2)} s CPU, ${fleetFiles} files on ${
      fleet.concurrency
    } worker threads (renderFleet, start-up included)  (target ≤ 10 s: ${verdict(
      fleetWall,
      10,
    )})`,
  );
  console.log(
    `  vs sequential: ${(many / fleetWall).toFixed(
      2,
    )}x faster (sequential ${many.toFixed(2)} s / fleet ${fleetWall.toFixed(
      2,
    )} s, same run)`,
  );
  console.log(
    `validating the ${CLUSTERS} specs (not included above): ${(
      validateMs / 1000
    ).toFixed(2)} s`,
  );
}

/**
 * Size caps: validating a spec with 20,000 LB pools (refused by the caps
 * before the pairwise overlap rule) next to validating a normal spec, same
 * run. Target: the huge spec costs a small multiple of a normal one, not
 * seconds.
 */
function capsReport() {
  const huge = specDoc(0) as any;
  huge.spec.network.loadBalancerPools = Array.from(
    { length: 20_000 },
    (_, i) => ({
      name: `pool-${i}`,
      cidr: `10.${100 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}/32`,
    }),
  );
  const normal = specDoc(1);
  const hugeMs = median(
    Array.from({ length: 10 }, () =>
      timeMs(() => {
        if (validateClusterSpec(huge).ok)
          throw new Error('20,000 pools passed');
      }),
    ),
  );
  const normalMs = median(
    Array.from({ length: RUNS }, () =>
      timeMs(() => validateClusterSpec(normal)),
    ),
  );
  console.log(
    `size caps: validating a 20,000-pool spec ${hugeMs.toFixed(
      2,
    )} ms (refused) vs a normal spec ${normalMs.toFixed(2)} ms  (ratio ${(
      hugeMs / normalMs
    ).toFixed(1)}x)`,
  );
}

fleetAndReport()
  .then(capsReport)
  .catch(error => {
    console.error(error);
    process.exitCode = 1;
  });
