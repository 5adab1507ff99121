import { exampleClusterSpecDocument } from '@internal/cilium-gitops';

/**
 * The cluster spec of issue 3 §1 (democluster1), as a template assembles it
 * from its form (the owner is an entity ref). Used by the action examples
 * and their tests.
 */
const document = exampleClusterSpecDocument();

export const exampleClusterSpec: Record<string, any> = {
  ...document,
  metadata: { ...document.metadata, owner: 'group:default/platform-team' },
};
