import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ZodIssue, ZodType } from 'zod';
import { plainZodMessages } from '../plainZodMessages';
import {
  addonFileSchema,
  ciliumVersionsFileSchema,
  valuesFileSchema,
  type AddonFile,
} from './addonFileSchema';
import type { AddonCatalog, AddonEntry } from './types';

/** Environment variable that points the loader at another catalog folder. */
export const ADDONS_DIR_ENV = 'CILIUM_GITOPS_ADDONS_DIR';

/**
 * The catalog shipped in this package (`addons/`, listed in its `files`),
 * found from the package root, so it is the same folder whether the code runs
 * from `src/`, from a built `dist/` or from an installed tarball.
 */
export const DEFAULT_ADDONS_DIR = path.join(
  path.dirname(require.resolve('@internal/cilium-gitops/package.json')),
  'addons',
);

export const CILIUM_VERSIONS_FILE = 'cilium-versions.yaml';

/** One problem in the catalog: the file and the field in it. */
export interface CatalogIssue {
  file: string;
  field: string;
  message: string;
}

export class AddonCatalogError extends Error {
  readonly issues: CatalogIssue[];

  constructor(issues: CatalogIssue[]) {
    super(
      `invalid addon catalog:\n${issues
        .map(i => `  ${i.file}: ${i.field ? `${i.field}: ` : ''}${i.message}`)
        .join('\n')}`,
    );
    this.name = 'AddonCatalogError';
    this.issues = issues;
  }
}

class CatalogReader {
  constructor(
    private readonly root: string,
    private readonly issues: CatalogIssue[],
  ) {}

  display(relative: string): string {
    return path.join(this.root, relative);
  }

  read<T>(
    relative: string,
    schema: ZodType<T, any>,
    opts: { required: boolean },
  ): T | undefined {
    const file = this.display(relative);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      if (opts.required || (e as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.issues.push({
          file,
          field: '',
          message: `cannot read: ${errorText(e)}`,
        });
      }
      return undefined;
    }
    let data: unknown;
    try {
      data = parseYaml(text);
    } catch (e) {
      this.issues.push({
        file,
        field: '',
        message: `not valid YAML: ${errorText(e)}`,
      });
      return undefined;
    }
    const result = schema.safeParse(data ?? (opts.required ? data : {}), {
      error: plainZodMessages,
    });
    if (!result.success) {
      this.issues.push(...result.error.issues.map(i => toIssue(file, i)));
      return undefined;
    }
    return result.data;
  }
}

/**
 * Reads the addon catalog: `cilium-versions.yaml` and one folder per addon with
 * `addon.yaml` and an optional `values.yaml`. The folder is `dir`, else
 * `$CILIUM_GITOPS_ADDONS_DIR`, else the package's own `addons/`.
 * Throws {@link AddonCatalogError} naming every bad file and field.
 */
export function loadAddonCatalog(dir?: string): AddonCatalog {
  const root = path.resolve(
    dir ?? process.env[ADDONS_DIR_ENV] ?? DEFAULT_ADDONS_DIR,
  );
  const issues: CatalogIssue[] = [];
  const reader = new CatalogReader(root, issues);

  const ciliumVersions =
    reader.read(CILIUM_VERSIONS_FILE, ciliumVersionsFileSchema, {
      required: true,
    }) ?? {};
  const minors = Object.keys(ciliumVersions);

  const addons: Record<string, AddonEntry> = {};
  for (const id of listAddonFolders(root, issues)) {
    const file = reader.read(`${id}/addon.yaml`, addonFileSchema, {
      required: true,
    });
    const values = reader.read(`${id}/values.yaml`, valuesFileSchema, {
      required: false,
    });
    if (!file) continue;
    for (const minor of Object.keys(file.pins)) {
      if (!minors.includes(minor)) {
        issues.push({
          file: reader.display(`${id}/addon.yaml`),
          field: `pins.${minor}`,
          message: `${minor} is not a minor of ${CILIUM_VERSIONS_FILE} (${minors.join(
            ', ',
          )})`,
        });
      }
    }
    addons[id] = toEntry(id, file, values ?? {}, minors);
  }

  if (issues.length > 0) throw new AddonCatalogError(issues);
  return { ciliumVersions, addons };
}

function toEntry(
  id: string,
  file: AddonFile,
  defaultValues: Record<string, unknown>,
  minors: string[],
): AddonEntry {
  const pins: Record<string, Record<string, string>> = {};
  for (const minor of minors) {
    const merged = { ...file.pinDefaults, ...file.pins[minor] };
    if (Object.keys(merged).length > 0) pins[minor] = merged;
  }
  const entry: AddonEntry = {
    id,
    description: file.description,
    namespace: file.namespace,
    syncWave: file.syncWave,
    syncOptions: file.syncOptions,
    pins,
    defaultValues,
    project: file.project,
    clusterResources: file.clusterResources,
  };
  if (file.chart) entry.chart = file.chart;
  if (file.git) entry.git = file.git;
  if (file.releaseName) entry.releaseName = file.releaseName;
  return entry;
}

function listAddonFolders(root: string, issues: CatalogIssue[]): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(root, { withFileTypes: true });
  } catch (e) {
    issues.push({
      file: root,
      field: '',
      message: `cannot read the folder: ${errorText(e)}`,
    });
    return [];
  }
  return entries
    .filter(e => e.isDirectory() && !e.name.startsWith('.'))
    .map(e => e.name)
    .sort();
}

function toIssue(file: string, issue: ZodIssue): CatalogIssue {
  const field = issue.path
    .map((p, i) => {
      if (typeof p === 'number') return `[${p}]`;
      return i === 0 ? String(p) : `.${String(p)}`;
    })
    .join('');
  const message =
    issue.code === 'unrecognized_keys'
      ? `unknown field(s) ${issue.keys.join(', ')}`
      : keyIssue(issue).message;
  return { file, field, message };
}

/** zod 4 wraps a record key's own issue in `invalid_key`; the key's rule is the message. */
function keyIssue(issue: ZodIssue): ZodIssue {
  return issue.code === 'invalid_key' && issue.issues.length > 0
    ? (issue.issues[0] as ZodIssue)
    : issue;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message.split('\n')[0] : String(e);
}
