/**
 * `spec.traffic`: the intended backend weights of HTTPRoutes the renderer
 * produces. The schema checks the shape and the weights; whether a route and
 * its backends exist is only known after rendering (`render/trafficSplits.ts`).
 */
import { z } from 'zod';
import { dnsLabel, intRange } from './fields';
import type { SpecIssue, TrafficSplit } from './types';

/**
 * Gateway API `HTTPBackendRef.weight`: `minimum: 0`, `maximum: 1000000`
 * (gateway-api config/crd/standard/gateway.networking.k8s.io_httproutes.yaml).
 */
export const MAX_BACKEND_WEIGHT = 1_000_000;

const ROUTE =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\/([a-z0-9]([-a-z0-9.]*[a-z0-9])?)$/;

/** `<namespace>/<name>` of an HTTPRoute. */
function routeRef() {
  return z.string().superRefine((value, ctx) => {
    if (value.length > 317 || !ROUTE.test(value)) {
      ctx.addIssue({
        code: 'custom',
        message: `${JSON.stringify(
          value,
        )} is not an HTTPRoute reference <namespace>/<name> (e.g. echo/echo)`,
      });
    }
  });
}

const trafficSplit = z
  .object({
    route: routeRef(),
    backends: z
      .record(
        dnsLabel(63),
        intRange(0, MAX_BACKEND_WEIGHT, 'a Gateway API backend weight'),
      )
      .superRefine((backends, ctx) => {
        const weights = Object.values(backends);
        if (weights.length === 0) {
          ctx.addIssue({
            code: 'custom',
            message: 'needs at least one backend with its weight',
          });
        } else if (weights.every(w => w === 0)) {
          ctx.addIssue({
            code: 'custom',
            message:
              'weights are all 0, so the route would send no traffic anywhere; give at least one backend a weight above 0',
          });
        }
      }),
  })
  .strict();

export const trafficSchema = z
  .object({ splits: z.array(trafficSplit).default([]) })
  .strict();

/** A route may have one split only. */
export function duplicateSplitIssues(splits: TrafficSplit[]): SpecIssue[] {
  const first = new Map<string, number>();
  const issues: SpecIssue[] = [];
  splits.forEach((split, i) => {
    const earlier = first.get(split.route);
    if (earlier === undefined) first.set(split.route, i);
    else
      issues.push({
        path: `spec.traffic.splits[${i}].route`,
        message: `${split.route} already has a split at spec.traffic.splits[${earlier}]; one split per route`,
      });
  });
  return issues;
}
