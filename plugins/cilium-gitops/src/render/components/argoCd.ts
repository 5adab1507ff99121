import type { ComponentRenderer } from '../types';

/**
 * The Application health check Argo CD removed in 1.8: it copies the child's
 * health, so a parent (app-of-apps) waits for each wave to be healthy.
 * https://argo-cd.readthedocs.io/en/stable/operator-manual/health/
 */
export const APPLICATION_HEALTH_LUA = [
  'hs = {}',
  'hs.status = "Progressing"',
  'hs.message = ""',
  'if obj.status ~= nil then',
  '  if obj.status.health ~= nil then',
  '    hs.status = obj.status.health.status',
  '    if obj.status.health.message ~= nil then',
  '      hs.message = obj.status.health.message',
  '    end',
  '  end',
  'end',
  'return hs',
  '',
].join('\n');

/**
 * Argo CD from the argo-helm chart. `values/argo-cd.yaml` is the one home of
 * its settings: `bootstrap/install.sh` installs the chart with it, then the
 * `argo-cd` Application keeps Argo CD on it (self-management). `configs.cm`
 * entries land in `argocd-cm` (chart values.yaml, argo-cd-10.1.1).
 */
export const renderArgoCd: ComponentRenderer = () => ({
  values: {
    configs: {
      cm: {
        'resource.customizations.health.argoproj.io_Application':
          APPLICATION_HEALTH_LUA,
      },
    },
  },
});
