/**
 * The renderer core: (spec, catalog, components) → file tree. Pure and
 * deterministic: no clock, no randomness, no I/O; files sorted by path.
 */
import type { AddonCatalog } from '../catalog/types';
import type { ClusterSpec } from '../spec/types';
import {
  ciliumMinorOf,
  mergeHelmValues,
  resolveCiliumVersion,
} from '../catalog';
import {
  buildApplication,
  manifestsDir,
  takesHelmValues,
  valuesPath,
} from './application';
import { installScript, rootApplication } from './bootstrap/files';
import { ROOT_APP_PATH, bootstrapSteps } from './bootstrap/steps';
import { catalogInfo } from './catalogInfo';
import { CLUSTER_YAML_PATH, clusterYaml } from './clusterYaml';
import { withHeader } from './header';
import { manifestFiles } from './manifests';
import { appProjects, projectName } from './projects';
import { readme } from './readme';
import { TrafficSplitter } from './trafficSplits';
import type {
  ComponentOutput,
  ComponentRenderer,
  KubeObject,
  RenderedFile,
  RenderedRepo,
  SecretReference,
} from './types';
import { objectYaml, toYaml } from './yaml';

/** The component renderers and the rule which addons a spec turns on. */
export interface ComponentSet {
  renderers: Record<string, ComponentRenderer>;
  enabledAddonIds(spec: ClusterSpec): string[];
}

function uniqueSecrets(secrets: SecretReference[]): SecretReference[] {
  const byKey = new Map<string, SecretReference>();
  for (const s of secrets) {
    const key = `${s.namespace}/${s.name}/${s.key}`;
    if (!byKey.has(key)) byKey.set(key, s);
  }
  return [...byKey.values()].sort((a, b) =>
    `${a.namespace}/${a.name}/${a.key}` < `${b.namespace}/${b.name}/${b.key}`
      ? -1
      : 1,
  );
}

export function renderRepoWith(
  spec: ClusterSpec,
  catalog: AddonCatalog,
  components: ComponentSet,
): RenderedRepo {
  const ciliumVersion = resolveCiliumVersion(spec.spec.cilium.version, catalog);
  const ciliumMinor = ciliumMinorOf(ciliumVersion);
  const enabledIds = components.enabledAddonIds(spec);
  const files = new Map<string, string>();
  const add = (path: string, content: string) => {
    if (files.has(path)) throw new Error(`two components render ${path}`);
    files.set(path, withHeader(path, content, spec.metadata.name));
  };

  const secrets: SecretReference[] = [];
  const readmeAddons: Parameters<typeof readme>[0]['addons'] = [];
  const extraFiles: string[] = [];
  const allObjects: KubeObject[] = [];
  const splitter = new TrafficSplitter(spec);
  for (const id of enabledIds) {
    const addon = catalog.addons[id];
    if (!addon)
      throw new Error(`addon ${id} is enabled but not in the addon catalog`);
    const renderer = components.renderers[id];
    if (!renderer) throw new Error(`addon ${id} has no component renderer`);
    const pins = addon.pins[ciliumMinor] ?? {};
    const output: ComponentOutput = renderer({
      spec,
      catalog,
      addon,
      ciliumMinor,
      ciliumVersion,
      pins,
    });

    const hasValues = takesHelmValues(addon);
    if (!hasValues && output.values && Object.keys(output.values).length) {
      throw new Error(
        `addon ${id} has no Helm chart, but its renderer returned Helm values`,
      );
    }
    if (hasValues) {
      add(
        valuesPath(id),
        toYaml(mergeHelmValues(addon.defaultValues ?? {}, output.values ?? {})),
      );
    }
    const objects = splitter.apply(output.manifests ?? []);
    const manifests = manifestFiles(manifestsDir(id), objects);
    manifests.forEach(file => add(file.path, file.content));
    const hasManifests = manifests.length > 0;
    const application = buildApplication({
      spec,
      addon,
      ciliumVersion,
      output,
      hasManifests,
      project: projectName(spec, addon.project),
    });
    add(`apps/${id}.yaml`, objectYaml(application));
    for (const file of output.files ?? []) {
      add(file.path, file.content);
      extraFiles.push(file.path);
    }
    secrets.push(...(output.secrets ?? []));
    // The README describes the components' own objects (default weights), so a
    // traffic split changes cluster.yaml and the route, not the README.
    allObjects.push(...(output.manifests ?? []));
    readmeAddons.push({ addon, hasValues, hasManifests });
  }

  const projects = appProjects(spec, catalog, enabledIds);
  for (const project of projects) add(project.path, objectYaml(project.object));

  splitter.check();
  const allSecrets = uniqueSecrets(secrets);
  const steps = bootstrapSteps({
    spec,
    catalog,
    enabledIds,
    ciliumMinor,
    ciliumVersion,
    secrets: allSecrets,
    projectPaths: projects.map(p => p.path),
  });
  add('bootstrap/install.sh', installScript(steps));
  add(
    ROOT_APP_PATH,
    objectYaml(rootApplication(spec, projectName(spec, 'platform'))),
  );
  add('catalog-info.yaml', toYaml(catalogInfo(spec, ciliumVersion)));
  add(
    'README.md',
    readme({
      spec,
      ciliumVersion,
      addons: readmeAddons,
      steps,
      secrets: allSecrets,
      files: extraFiles.sort(),
      objects: allObjects,
    }),
  );

  // The spec itself, without the generated header: every change starts from it.
  files.set(CLUSTER_YAML_PATH, clusterYaml(spec));

  const sorted: RenderedFile[] = [...files.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1)) // unique paths, code-unit order
    .map(([path, content]) => ({ path, content }));
  return {
    files: sorted,
    rootApplicationPath: ROOT_APP_PATH,
    routes: splitter.routes(),
  };
}
