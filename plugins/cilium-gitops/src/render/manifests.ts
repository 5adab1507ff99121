/** `manifests/<id>/`: one file per object plus a `kustomization.yaml` listing them. */
import type { KubeObject, RenderedFile } from './types';
import { objectYaml, toYaml } from './yaml';

function fileNameOf(object: KubeObject, withNamespace: boolean): string {
  const parts = [object.kind.toLowerCase()];
  if (withNamespace && object.metadata.namespace)
    parts.push(object.metadata.namespace);
  parts.push(object.metadata.name);
  return `${parts.join('-').replace(/[^a-z0-9.-]/g, '-')}.yaml`;
}

export function manifestFiles(
  dir: string,
  objects: KubeObject[],
): RenderedFile[] {
  if (objects.length === 0) return [];
  const counts = new Map<string, number>();
  for (const o of objects)
    counts.set(
      fileNameOf(o, false),
      (counts.get(fileNameOf(o, false)) ?? 0) + 1,
    );
  const files = objects.map(object => {
    const short = fileNameOf(object, false);
    const name = counts.get(short)! > 1 ? fileNameOf(object, true) : short;
    return { name, content: objectYaml(object) };
  });
  const names = files.map(f => f.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate)
    throw new Error(`${dir}: two objects would be written to ${duplicate}`);
  const sortedNames = [...names].sort();
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources: sortedNames,
  };
  return [
    ...files.map(f => ({ path: `${dir}/${f.name}`, content: f.content })),
    { path: `${dir}/kustomization.yaml`, content: toYaml(kustomization) },
  ];
}
