/**
 * The generated repository's `README.md`, from zero to verified. Sections in
 * reading order; each is a function of the rendered output (no new facts)
 * and returns `[]` when it does not apply to the cluster.
 *
 * To add a section, write it in its own file in this folder and insert it in
 * `README_SECTIONS` where it belongs in the reader's path.
 */
import { argoCdAccessSection } from './argoCdAccess';
import { bgpNodesSection } from './bgpNodes';
import { bootstrapSection } from './bootstrap';
import { externalWorkloadsSection } from './externalWorkloads';
import { overviewSection } from './overview';
import { prerequisitesSection } from './prerequisites';
import { pushRepoSection } from './pushRepo';
import { routerSection } from './router';
import {
  clusterMeshSection,
  routerAnnouncementsSection,
} from './routingSections';
import { secretsSection } from './secrets';
import type { ReadmeInput, ReadmeSection } from './types';
import { verifySection } from './verify';
import { verifyDemosSection } from './verifyDemos';

export const README_SECTIONS: ReadmeSection[] = [
  overviewSection,
  prerequisitesSection,
  pushRepoSection,
  secretsSection,
  bgpNodesSection,
  routerSection,
  routerAnnouncementsSection,
  clusterMeshSection,
  bootstrapSection,
  argoCdAccessSection,
  verifySection,
  verifyDemosSection,
  externalWorkloadsSection,
];

export function readme(input: ReadmeInput): string {
  const lines = README_SECTIONS.flatMap(section => section(input)).map(line =>
    line.trimEnd(),
  );
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\n+$/, '')}\n`;
}

export type { ReadmeInput, ReadmeSection } from './types';
