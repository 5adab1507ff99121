import type { ComponentRenderer } from '../types';

/**
 * Gateway API CRDs: a Git directory source whose tag (and, before Gateway API
 * v1.5, the experimental TLSRoute CRD as a second source) comes from the
 * catalog pins via `resolveAddonSources`; nothing to render here.
 */
export const renderGatewayApiCrds: ComponentRenderer = () => ({});

/** Prometheus Operator CRDs: the chart with its defaults. */
export const renderPrometheusOperatorCrds: ComponentRenderer = () => ({});
