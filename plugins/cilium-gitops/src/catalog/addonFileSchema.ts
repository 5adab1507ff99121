import { z } from 'zod';
import {
  dns1123LabelRule,
  isDns1123Label,
} from '@internal/plugin-cilium-common';

/**
 * zod schemas of the files under `addons/`, as written by people. The
 * loader turns them into {@link AddonEntry} values.
 */

const CILIUM_MINOR = /^1\.\d+$/;
const CILIUM_PATCH = /^1\.\d+\.\d+$/;
const dnsLabel = () =>
  z.string().refine(v => isDns1123Label(v), `must be ${dns1123LabelRule()}`);

const nonEmpty = z.string().min(1, 'must not be empty');

const helmChartSource = z
  .object({
    repoURL: z.string().url(),
    chart: nonEmpty,
    version: nonEmpty,
  })
  .strict();

const gitDirectorySource = z
  .object({
    repoURL: z.string().url(),
    path: nonEmpty,
    targetRevision: nonEmpty,
    helmChart: z.boolean().optional(),
  })
  .strict();

/** Pin values are strings so that every consumer reads them the same way. */
const pinValues = z.record(
  z.string(),
  z.string({ error: 'pin values must be quoted strings' }),
);

const minorKey = z
  .string()
  .regex(CILIUM_MINOR, 'keys must be Cilium minors such as "1.20"');

/** `addons/<id>/addon.yaml`. */
export const addonFileSchema = z
  .object({
    description: nonEmpty,
    namespace: dnsLabel(),
    syncWave: z.number().int().min(-10).max(10),
    chart: helmChartSource.optional(),
    git: gitDirectorySource.optional(),
    releaseName: dnsLabel().optional(),
    syncOptions: z
      .array(
        z
          .string()
          .regex(/^[A-Za-z]+=[A-Za-z0-9-]+$/, 'must look like Name=value'),
      )
      .default([]),
    /** Pins per Cilium minor. */
    pins: z.record(minorKey, pinValues).default({}),
    /** Pins that hold for every minor; a minor's own pins override them. */
    pinDefaults: pinValues.optional(),
    /** Argo CD project: `platform` (default) or `apps` (the demo workloads). */
    project: z.enum(['platform', 'apps']).default('platform'),
    /**
     * Cluster-scoped kinds (`<group>/<kind>`, `core` for the core group) an
     * `apps` addon creates; its AppProject allows only these.
     */
    clusterResources: z
      .array(
        z
          .string()
          .regex(
            /^[a-z0-9.-]+\/[A-Z][A-Za-z0-9]*$/,
            'must look like <group>/<Kind>, e.g. rbac.authorization.k8s.io/ClusterRole',
          ),
      )
      .default([]),
  })
  .strict()
  .refine(f => !(f.chart && f.git), {
    message: 'set either chart or git, not both',
    path: ['chart'],
  });

export type AddonFile = z.infer<typeof addonFileSchema>;

/** `addons/<id>/values.yaml`: a mapping (an empty file means `{}`). */
export const valuesFileSchema = z
  .record(z.string(), z.unknown(), {
    error: 'must be a YAML mapping of Helm values',
  })
  .nullable()
  .transform(v => v ?? {});

/** `addons/cilium-versions.yaml`: patches per minor, newest last. */
export const ciliumVersionsFileSchema = z
  .record(
    minorKey,
    z
      .array(
        z.string().regex(CILIUM_PATCH, 'must be a Cilium patch such as 1.20.3'),
      )
      .min(1, 'needs at least one patch'),
  )
  .superRefine((versions, ctx) => {
    for (const [minor, patches] of Object.entries(versions)) {
      patches.forEach((patch, i) => {
        if (!patch.startsWith(`${minor}.`)) {
          ctx.addIssue({
            code: 'custom',
            path: [minor, i],
            message: `${patch} is not a ${minor} patch`,
          });
        }
        const prev = patches[i - 1];
        if (prev && patchNumber(prev) >= patchNumber(patch)) {
          ctx.addIssue({
            code: 'custom',
            path: [minor, i],
            message: `${patch} must be newer than ${prev} (newest last)`,
          });
        }
      });
    }
  });

function patchNumber(version: string): number {
  return Number(version.split('.')[2]);
}
