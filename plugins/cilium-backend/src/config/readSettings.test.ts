import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { mockServices } from '@backstage/backend-test-utils';
import { readSettings } from './readSettings';

const logger = mockServices.logger.mock();

describe('readSettings', () => {
  it('reads config clusters, localKubectlProxy and per-cluster extras with defaults', () => {
    const settings = readSettings(
      new ConfigReader({
        kubernetes: {
          clusterLocatorMethods: [
            {
              type: 'config',
              clusters: [
                {
                  name: 'hub',
                  url: 'https://hub.example.com:6443',
                  serviceAccountToken: 't1',
                  caData: 'Q0E=',
                },
                {
                  name: 'edge',
                  url: 'https://edge.example.com:6443',
                  authProvider: 'serviceAccount',
                  serviceAccountToken: 't2',
                },
                {
                  name: 'gke',
                  url: 'https://gke.example.com',
                  authProvider: 'google',
                },
              ],
            },
            { type: 'localKubectlProxy' },
            { type: 'catalog' },
          ],
        },
        cilium: {
          cacheTtlSeconds: 3,
          clusters: [
            {
              name: 'edge',
              ciliumNamespace: 'cilium',
              meshPeers: ['hub'],
              argocd: {
                cluster: 'hub',
                baseUrl: 'https://argocd.example.com/',
              },
            },
          ],
        },
      }),
      logger,
    );
    expect(settings).toMatchObject({
      timeoutMs: 5000,
      cacheTtlMs: 3000,
      pageSize: 500,
    });
    expect(settings.clusters.map(c => c.name)).toEqual([
      'hub',
      'edge',
      'local',
    ]);
    const [hub, edge, local] = settings.clusters;
    expect(hub).toMatchObject({
      ciliumNamespace: 'kube-system',
      argocd: {
        cluster: 'hub',
        namespace: 'argocd',
        destinationNames: ['hub', 'in-cluster'],
        destinationServers: [
          'https://hub.example.com:6443',
          'https://kubernetes.default.svc',
        ],
      },
    });
    expect(hub.kubeConfig.getCurrentCluster()).toMatchObject({
      server: 'https://hub.example.com:6443',
      caData: 'Q0E=',
      skipTLSVerify: false,
    });
    expect(hub.kubeConfig.getCurrentUser()).toMatchObject({ token: 't1' });
    expect(edge).toMatchObject({
      ciliumNamespace: 'cilium',
      meshPeers: ['hub'],
      argocd: {
        cluster: 'hub',
        baseUrl: 'https://argocd.example.com',
        destinationNames: ['edge'],
        destinationServers: ['https://edge.example.com:6443'],
      },
    });
    expect(local.kubeConfig.getCurrentCluster()?.server).toBe(
      'http://localhost:8001',
    );
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining("authProvider 'google'"),
    );
  });

  it('turns kubeconfig contexts into clusters', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubeconfig-'));
    const file = path.join(dir, 'config');
    fs.writeFileSync(
      file,
      [
        'apiVersion: v1',
        'kind: Config',
        'clusters:',
        '- name: kind-a',
        '  cluster: { server: "https://127.0.0.1:6443", insecure-skip-tls-verify: true }',
        '- name: kind-b',
        '  cluster: { server: "https://127.0.0.1:7443", insecure-skip-tls-verify: true }',
        'users:',
        '- name: admin',
        '  user: { token: secret }',
        'contexts:',
        '- name: kind-a',
        '  context: { cluster: kind-a, user: admin }',
        '- name: kind-b',
        '  context: { cluster: kind-b, user: admin }',
        'current-context: kind-a',
      ].join('\n'),
    );
    const settings = readSettings(
      new ConfigReader({ cilium: { kubeconfig: file } }),
      logger,
    );
    expect(settings.clusters.map(c => [c.name, c.url])).toEqual([
      ['kind-a', 'https://127.0.0.1:6443'],
      ['kind-b', 'https://127.0.0.1:7443'],
    ]);
    expect(settings.clusters[1].kubeConfig.getCurrentCluster()?.server).toBe(
      'https://127.0.0.1:7443',
    );
  });

  it('rejects an Argo CD cluster that is not configured and duplicate names', () => {
    const kubernetes = {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: [{ name: 'a', url: 'https://a', serviceAccountToken: 't' }],
        },
      ],
    };
    expect(() =>
      readSettings(
        new ConfigReader({
          kubernetes,
          cilium: {
            clusters: [{ name: 'a', argocd: { cluster: 'elsewhere' } }],
          },
        }),
        logger,
      ),
    ).toThrow(
      "argocd.cluster names 'elsewhere', which is not a configured cluster",
    );
    expect(() =>
      readSettings(
        new ConfigReader({
          kubernetes: {
            clusterLocatorMethods: [
              ...kubernetes.clusterLocatorMethods,
              ...kubernetes.clusterLocatorMethods,
            ],
          },
        }),
        logger,
      ),
    ).toThrow("Cluster name 'a' is configured twice");
  });
});
