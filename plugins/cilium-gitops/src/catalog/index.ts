export type {
  AddonCatalog,
  AddonEntry,
  GitDirectorySource,
  HelmChartSource,
} from './types';
export {
  ADDONS_DIR_ENV,
  AddonCatalogError,
  DEFAULT_ADDONS_DIR,
  loadAddonCatalog,
  type CatalogIssue,
} from './loadAddonCatalog';
export {
  CILIUM_ADDON_ID,
  ciliumMinorOf,
  resolveAddonSources,
  resolveCiliumVersion,
  type ResolvedAddonSource,
  type ResolvedChartSource,
  type ResolvedGitSource,
} from './resolveAddonSources';
export { mergeHelmValues } from './mergeValues';
