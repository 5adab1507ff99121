/**
 * Cluster spec schema, addon catalog reader, GitOps repository renderer and
 * CLI for Cilium clusters managed by Argo CD. No Backstage imports: the
 * scaffolder module and the CLI both build on this package.
 *
 * @packageDocumentation
 */
export * from './spec';
export * from './render';
export {
  AddonCatalogError,
  loadAddonCatalog,
  type AddonCatalog,
  type AddonEntry,
  type CatalogIssue,
} from './catalog';
export * from './fleet';
export {
  runCli,
  type CliDeps,
  EXIT_INVALID,
  EXIT_OK,
  EXIT_USAGE,
} from './cli/run';
export * from './change';
export { plainZodMessages } from './plainZodMessages';
