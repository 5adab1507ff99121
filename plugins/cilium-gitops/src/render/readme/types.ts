import type { AddonEntry } from '../../catalog/types';
import type { ClusterSpec } from '../../spec/types';
import type { BootstrapStep } from '../bootstrap/steps';
import type { KubeObject, SecretReference } from '../types';

/** Everything the README is written from; all of it is rendered output, nothing new. */
export interface ReadmeInput {
  spec: ClusterSpec;
  ciliumVersion: string;
  addons: { addon: AddonEntry; hasValues: boolean; hasManifests: boolean }[];
  steps: BootstrapStep[];
  secrets: SecretReference[];
  files: string[];
  /** The rendered manifests (Gateways, HTTPRoutes, ...), for the Verify section. */
  objects: KubeObject[];
}

/** One section of the README: its Markdown lines, or `[]` when it does not apply. */
export type ReadmeSection = (input: ReadmeInput) => string[];
