import type { ComponentRenderer } from '../types';

/**
 * OpenEBS: hostpath only, `openebs-hostpath` as the default StorageClass. All
 * of it is in `addons/openebs/values.yaml`; nothing depends on the spec.
 */
export const renderOpenebs: ComponentRenderer = () => ({});
