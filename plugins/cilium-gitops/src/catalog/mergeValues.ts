/**
 * Merges Helm values the way Helm layers value files: mappings merge key by
 * key, everything else (lists included) is replaced by the override.
 */
export function mergeHelmValues(
  base: Record<string, unknown>,
  override: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const prev = out[key];
    out[key] =
      isMapping(prev) && isMapping(value)
        ? mergeHelmValues(prev, value)
        : value;
  }
  return out;
}

function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
