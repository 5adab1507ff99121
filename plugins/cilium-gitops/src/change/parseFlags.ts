/**
 * Command-line spellings of a change, e.g.
 * `--split echo/echo=echo-1:50,echo-2:50`. One change per command; each
 * spelling error names the flag.
 */
import { UsageError } from './UsageError';
import { readPolicyFile } from './policyFile';
import type { ClusterChange } from './types';

export interface ChangeFlags {
  split?: string;
  enable?: string;
  disable?: string;
  'cilium-version'?: string;
  'add-mesh-peer'?: string;
  'remove-mesh-peer'?: string;
  'add-lb-pool'?: string;
  'add-bgp-peer'?: string;
  /** The text of the policy file (`change` reads the file `--policies` names). */
  policies?: string;
  /** The namespace of `--policies`. */
  namespace?: string;
}

export const CHANGE_FLAG_NAMES: (keyof ChangeFlags)[] = [
  'split',
  'enable',
  'disable',
  'cilium-version',
  'add-mesh-peer',
  'remove-mesh-peer',
  'add-lb-pool',
  'add-bgp-peer',
  'policies',
];

function weight(flag: string, backend: string, raw: string): number {
  if (!/^-?\d+$/.test(raw))
    throw new UsageError(
      `--${flag}: weight of ${backend} must be an integer, got "${raw}"`,
    );
  return Number(raw);
}

/** `<namespace>/<name>=<backend>:<weight>,...` */
export function parseSplit(value: string): ClusterChange {
  const eq = value.indexOf('=');
  if (eq <= 0)
    throw new UsageError(
      '--split takes <namespace>/<name>=<backend>:<weight>,... (e.g. echo/echo=echo-1:50,echo-2:50)',
    );
  const route = value.slice(0, eq);
  const backends: Record<string, number> = {};
  for (const part of value.slice(eq + 1).split(',')) {
    const [backend, raw, extra] = part.split(':');
    if (!backend || raw === undefined || extra !== undefined)
      throw new UsageError(
        `--split: "${part}" is not <backend>:<weight> (e.g. echo-1:50)`,
      );
    if (backend in backends)
      throw new UsageError(`--split: backend ${backend} is given twice`);
    backends[backend] = weight('split', backend, raw);
  }
  return { kind: 'split', route, backends };
}

export function changeFromFlags(flags: ChangeFlags): ClusterChange {
  const given = CHANGE_FLAG_NAMES.filter(n => flags[n] !== undefined);
  if (given.length !== 1)
    throw new UsageError(
      `change takes exactly one of ${CHANGE_FLAG_NAMES.map(n => `--${n}`).join(
        ', ',
      )}${given.length ? ` (got ${given.map(n => `--${n}`).join(', ')})` : ''}`,
    );
  const flag = given[0];
  const value = flags[flag]!;
  if (flags.namespace !== undefined && flag !== 'policies')
    throw new UsageError('--namespace is an option of --policies only');
  switch (flag) {
    case 'split':
      return parseSplit(value);
    case 'enable':
    case 'disable':
      return { kind: 'addon', name: value, enabled: flag === 'enable' };
    case 'cilium-version':
      return { kind: 'ciliumVersion', version: value };
    case 'add-mesh-peer':
    case 'remove-mesh-peer':
      return {
        kind: 'meshPeer',
        action: flag === 'add-mesh-peer' ? 'add' : 'remove',
        peer: value,
      };
    case 'add-lb-pool': {
      const [name, cidr] = value.split('=');
      if (!name || !cidr)
        throw new UsageError(
          '--add-lb-pool takes <name>=<cidr> (e.g. extra=10.245.13.0/24)',
        );
      return { kind: 'lbPool', name, cidr };
    }
    case 'add-bgp-peer': {
      const m = /^([^=]+)=([^:]+):(.+)$/.exec(value);
      if (!m)
        throw new UsageError(
          '--add-bgp-peer takes <name>=<address>:<asn> (e.g. upstream2=172.22.5.2:64514)',
        );
      return {
        kind: 'bgpPeer',
        name: m[1],
        address: m[2],
        asn: weight('add-bgp-peer', 'the ASN', m[3]),
      };
    }
    case 'policies': {
      if (!flags.namespace)
        throw new UsageError(
          '--policies <file.yaml|json> needs --namespace <namespace>',
        );
      // Checked by the plan (policies.ts), like the input of the scaffolder.
      return {
        kind: 'policies',
        namespace: flags.namespace,
        policies: readPolicyFile(value, '--policies') as any,
      };
    }
    default:
      throw new UsageError(`unknown change flag --${flag}`);
  }
}
