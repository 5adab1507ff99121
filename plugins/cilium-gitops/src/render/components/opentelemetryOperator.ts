import { mergeHelmValues } from '../../catalog';
import type { ComponentRenderer, RenderContext } from '../types';
import { opentelemetryOperatorWebhookValues } from './externalControlPlane';

/** The contrib collector image (it has the Jaeger receiver), from the catalog pins. */
export function collectorImage(ctx: RenderContext): string {
  const pins =
    ctx.catalog.addons['opentelemetry-operator']?.pins[ctx.ciliumMinor] ?? {};
  const image = pins.collectorImage ?? 'otel/opentelemetry-collector-contrib';
  return pins.collectorVersion ? `${image}:${pins.collectorVersion}` : image;
}

/**
 * OpenTelemetry operator: webhook certificates from cert-manager (catalog
 * default), and the contrib distribution as the default collector image.
 * With an external control plane the webhooks are off (see externalControlPlane.ts).
 */
export const renderOpentelemetryOperator: ComponentRenderer = ctx => {
  const pins = ctx.pins;
  return {
    values: mergeHelmValues(opentelemetryOperatorWebhookValues(ctx.spec), {
      manager: {
        collectorImage: {
          repository:
            pins.collectorImage ?? 'otel/opentelemetry-collector-contrib',
          ...(pins.collectorVersion && { tag: pins.collectorVersion }),
        },
      },
    }),
  };
};
