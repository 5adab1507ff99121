import { ScmIntegrations } from '@backstage/integration';
import { GitLiveResponse } from '@internal/plugin-cilium-common';
import { ClusterConnections } from '../connections/ClusterConnections';
import { ResponseCache } from './ResponseCache';
import { valueCodec } from './valueCodec';
import { readGitLive } from '../git/readGitLive';
import { requireConnection } from '../connections/requireConnection';

/**
 * The "Git and live" view of the configured clusters, cached and coalesced
 * like the status document (same TTL), one entry per cluster.
 */
export class GitLiveService {
  constructor(
    private readonly connections: ClusterConnections,
    private readonly cache: ResponseCache,
    private readonly timeoutMs: number,
    private readonly integrations: ScmIntegrations,
  ) {}

  async gitLive(name: string): Promise<GitLiveResponse> {
    const conn = requireConnection(this.connections, name);
    return this.cache.get(
      `cilium:git:${name}`,
      async () =>
        readGitLive(conn, {
          integrations: this.integrations,
          timeoutMs: this.timeoutMs,
        }),
      valueCodec,
    );
  }
}
