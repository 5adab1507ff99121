/**
 * Applies a google.protobuf.FieldMask to a fixture object the way the Hubble
 * server does before sending: only the listed paths (`source.pod_name`,
 * `l4`, ...) survive.
 */
export function applyFieldMask<T extends object>(
  message: T,
  paths: string[],
): Partial<T> {
  if (paths.length === 0) return message;
  const tree: Record<string, any> = {};
  for (const path of paths) {
    let node = tree;
    const parts = path.split('.');
    parts.forEach((part, i) => {
      if (i === parts.length - 1) node[part] = true;
      else if (node[part] !== true) node = node[part] ??= {};
    });
  }
  return prune(message, tree) as Partial<T>;
}

function prune(value: any, tree: Record<string, any>): any {
  const out: Record<string, any> = {};
  for (const [key, sub] of Object.entries(tree)) {
    if (value?.[key] === undefined) continue;
    out[key] = sub === true ? value[key] : prune(value[key], sub);
  }
  return out;
}
