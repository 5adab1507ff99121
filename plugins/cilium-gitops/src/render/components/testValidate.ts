/**
 * Test helper: validates a rendered object against its upstream schema, with
 * the `@kubernetes-models/*` classes (Kubernetes core, Gateway API,
 * cert-manager, Prometheus Operator) or the CRD-derived JSON schemas (Cilium,
 * OpenTelemetry). Used by tests only: the model packages are ESM-only and the
 * jest config maps them (see package.json).
 */
import { ClusterIssuer } from '@kubernetes-models/cert-manager/cert-manager.io/v1';
import {
  Gateway,
  HTTPRoute,
} from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import { ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import { validateCrdObject } from '../../schemas';
import type { KubeObject } from '../types';

type ModelClass = new (data: any) => { validate(): void };

const MODELS: Record<string, ModelClass> = {
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
  'v1/Namespace': Namespace,
  'apps/v1/Deployment': Deployment,
  'networking.k8s.io/v1/Ingress': Ingress,
  'gateway.networking.k8s.io/v1/Gateway': Gateway,
  'gateway.networking.k8s.io/v1/HTTPRoute': HTTPRoute,
  'cert-manager.io/v1/ClusterIssuer': ClusterIssuer,
  'monitoring.coreos.com/v1/ServiceMonitor': ServiceMonitor,
};

/** Problems of `obj` against its upstream schema; throws when no schema is known. */
export function schemaErrors(obj: KubeObject): string[] {
  const key = `${obj.apiVersion}/${obj.kind}`;
  const Model = MODELS[key];
  if (Model) {
    try {
      new Model(JSON.parse(JSON.stringify(obj))).validate();
      return [];
    } catch (e) {
      return [(e as Error).message];
    }
  }
  const crd = validateCrdObject(obj);
  if (!crd.known) throw new Error(`no schema for ${key} in the tests`);
  return crd.errors;
}

/** Every object of `objects` that fails its schema, as `kind/name: problems`. */
export function invalidObjects(objects: KubeObject[]): string[] {
  return objects.flatMap(o => {
    const errors = schemaErrors(o);
    return errors.length
      ? [`${o.kind}/${o.metadata.name}: ${errors.join('; ')}`]
      : [];
  });
}
