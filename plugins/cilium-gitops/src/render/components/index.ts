import { enabledAddonIdsOf } from '@internal/plugin-cilium-common';
import type { ClusterSpec } from '../../spec/types';
import type { ComponentRenderer } from '../types';
import { renderArgoCd } from './argoCd';
import { renderBookinfo } from './bookinfo';
import { renderCertManager } from './certManager';
import { renderCertManagerIssuers } from './certManagerIssuers';
import { renderCilium } from './cilium';
import { renderCiliumConfig } from './ciliumConfig';
import { renderGatewayApiCrds, renderPrometheusOperatorCrds } from './crds';
import { renderEcho } from './echo';
import { renderExternalDns } from './externalDns';
import { renderHubbleUiIngress } from './hubbleUiIngress';
import { renderJobsApp } from './jobsApp';
import { renderKubePrometheusStack } from './kubePrometheusStack';
import { renderOpenebs } from './openebs';
import { renderOpentelemetryOperator } from './opentelemetryOperator';
import { renderOtelCollector } from './otelCollector';
import { renderTempo } from './tempo';

/** One renderer per addon id of `addons/`. */
export const componentRenderers: Record<string, ComponentRenderer> = {
  'argo-cd': renderArgoCd,
  'gateway-api-crds': renderGatewayApiCrds,
  'prometheus-operator-crds': renderPrometheusOperatorCrds,
  cilium: renderCilium,
  'cilium-config': renderCiliumConfig,
  'cert-manager': renderCertManager,
  'cert-manager-issuers': renderCertManagerIssuers,
  openebs: renderOpenebs,
  'external-dns': renderExternalDns,
  'kube-prometheus-stack': renderKubePrometheusStack,
  'hubble-ui-ingress': renderHubbleUiIngress,
  tempo: renderTempo,
  'opentelemetry-operator': renderOpentelemetryOperator,
  'otel-collector': renderOtelCollector,
  bookinfo: renderBookinfo,
  echo: renderEcho,
  'jobs-app': renderJobsApp,
};

/**
 * The addons a spec turns on, in sync-wave order. Argo CD (it manages itself
 * after bootstrap), the CRD apps, Cilium and its
 * configuration are always on (Cilium's chart renders ServiceMonitors, so the
 * Prometheus Operator CRDs come with it). Addons that need another addon only
 * appear with it; the spec validation reports such conflicts by name.
 */
export function enabledAddonIds(spec: ClusterSpec): string[] {
  return enabledAddonIdsOf(spec.spec);
}
