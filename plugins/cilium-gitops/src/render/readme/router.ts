/** Installing `router/frr.conf` on the upstream FRR router. */
import { sh } from './markdown';
import type { ReadmeSection } from './types';

export const routerSection: ReadmeSection = ({ spec, files }) => {
  const router = spec.spec.bgp?.router;
  if (!router || !files.includes('router/frr.conf')) return [];
  return [
    '## The FRR router',
    '',
    `\`router/frr.conf\` is the whole configuration of \`${
      router.hostname
    }\` (AS ${router.asn}, router id ${
      router.routerId
    }): it peers with the workers of \`${router.workerNodeCIDR}\`${
      router.upstream
        ? ` and with the upstream ${router.upstream.address} (AS ${router.upstream.asn})`
        : ''
    }. On the router (FRR with \`bgpd=yes\` in \`/etc/frr/daemons\`), check it with FRR's own parser, install it and reload without dropping sessions:`,
    '',
    ...sh(
      'vtysh --dryrun -f frr.conf   # exit 0: valid; exit 2 names the failing line',
      'sudo install -m 0640 -o frr -g frr frr.conf /etc/frr/frr.conf',
      'sudo /usr/lib/frr/frr-reload.py --reload /etc/frr/frr.conf   # or: sudo systemctl reload frr',
    ),
    'After the bootstrap, the sessions to the labelled workers come up:',
    '',
    ...sh(
      "sudo vtysh -c 'show bgp summary'   # each worker: State/PfxRcd a number, not Active/Idle",
      "sudo vtysh -c 'show ip route bgp'  # the LoadBalancer IPs in use, via the workers",
    ),
  ];
};
