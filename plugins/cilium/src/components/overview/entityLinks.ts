import { Entity } from '@backstage/catalog-model';

export interface ToolLink {
  tool: 'Hubble UI' | 'Grafana' | 'Argo CD';
  url: string;
  title: string;
}

const MATCHERS: { tool: ToolLink['tool']; re: RegExp }[] = [
  { tool: 'Hubble UI', re: /hubble/i },
  { tool: 'Grafana', re: /grafana/i },
  { tool: 'Argo CD', re: /argo/i },
];

/** The entity's `metadata.links` to Hubble UI, Grafana and Argo CD, by title, type or URL. */
export function toolLinks(entity: Entity): ToolLink[] {
  const links = entity.metadata.links ?? [];
  const found: ToolLink[] = [];
  for (const { tool, re } of MATCHERS) {
    const link = links.find(
      l => re.test(l.title ?? '') || re.test(l.type ?? '') || re.test(l.url),
    );
    if (link) found.push({ tool, url: link.url, title: link.title ?? tool });
  }
  return found;
}
