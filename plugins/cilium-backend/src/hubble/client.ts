import * as grpc from '@grpc/grpc-js';
import type {
  FlowRecord,
  FlowsQuery,
  FlowsSummaryQuery,
  FlowStreamQuery,
  GraphFlow,
  HubbleNodeInfo,
  HubbleNodeState,
  HubbleStatusInfo,
} from '@internal/plugin-cilium-common';
import type { HubbleRelayConfig } from './config';
import { relayChannelOptions, relayCredentials } from './channel';
import {
  type CallControl,
  collectFlows,
  isGrpcCode,
  type ReadStats,
  unaryCall,
} from './calls';
import {
  buildFollowRequest,
  type FollowCall,
  followFlows,
  type FollowHandlers,
} from './follow';
import { toHubbleRelayError } from './errors';
import { buildGetFlowsRequest } from './flowsRequest';
import { toFlowRecord, toGraphFlow } from './flowRecord';
import {
  flowsPerSecond,
  hubbleStatusText,
  type HealthcheckResult,
} from './printer/statusText';
import { hubbleServiceConstructors } from './protos';
import type { HealthClient } from './generated/grpc/health/v1/Health';
import type { HealthCheckResponse__Output } from './generated/grpc/health/v1/HealthCheckResponse';
import type { GetFlowsRequest } from './generated/observer/GetFlowsRequest';
import type { GetNamespacesResponse__Output } from './generated/observer/GetNamespacesResponse';
import type { GetNodesResponse__Output } from './generated/observer/GetNodesResponse';
import type { ObserverClient } from './generated/observer/Observer';
import type { WireFlow, WireNode, WireServerStatusResponse } from './wire';

/** `ObserverServiceName` in cilium pkg/hubble/api/v1/const.go. */
export const HUBBLE_OBSERVER_HEALTH_SERVICE = 'hubble.server.Observer';

interface CallOptions {
  signal?: AbortSignal;
}

function toNodeInfo(node: WireNode): HubbleNodeInfo {
  const info: HubbleNodeInfo = {
    name: node.name,
    state: node.state as HubbleNodeState,
    numFlows: Number(node.num_flows),
    maxFlows: Number(node.max_flows),
    seenFlows: Number(node.seen_flows),
    uptimeNs: Number(node.uptime_ns),
  };
  if (node.version) info.version = node.version;
  if (node.address) info.address = node.address;
  if (node.tls) {
    info.tls = node.tls.server_name
      ? { enabled: node.tls.enabled, serverName: node.tls.server_name }
      : { enabled: node.tls.enabled };
  }
  return info;
}

/**
 * A Hubble Relay client over gRPC (`observer.Observer` and
 * `grpc.health.v1.Health` on one channel). Every call carries a deadline of
 * `timeoutMs` and can be cancelled with an AbortSignal.
 */
export class HubbleRelayClient {
  private readonly observer: ObserverClient;
  private readonly health: HealthClient;
  /** Set to false once the relay rejected `GetFlowsRequest.field_mask`. */
  private fieldMaskSupported = true;

  constructor(private readonly cfg: HubbleRelayConfig) {
    const { Observer, Health } = hubbleServiceConstructors();
    const credentials = relayCredentials(cfg.tls);
    const options = relayChannelOptions(cfg.tls);
    this.observer = new Observer(cfg.address, credentials, options);
    this.health = new Health(cfg.address, credentials, {
      ...options,
      channelOverride: this.observer.getChannel(),
    });
  }

  /** `hubble status`: health, ServerStatus and GetNodes, with the CLI's text. */
  async serverStatus(opts: CallOptions = {}): Promise<HubbleStatusInfo> {
    const [health, status, nodes] = await Promise.allSettled([
      this.healthcheck(opts),
      unaryCall<WireServerStatusResponse>(
        'ServerStatus',
        (md, o, cb) => this.observer.ServerStatus({}, md, o, cb),
        this.control(opts),
      ),
      unaryCall<GetNodesResponse__Output>(
        'GetNodes',
        (md, o, cb) => this.observer.GetNodes({}, md, o, cb),
        this.control(opts),
      ).catch((err): GetNodesResponse__Output => {
        if (isGrpcCode(err, grpc.status.UNIMPLEMENTED)) return { nodes: [] };
        throw err;
      }),
    ]);
    if (health.status === 'rejected')
      throw this.wrap(health.reason, 'Health/Check');
    const hc = health.value;
    if (status.status === 'rejected' && hc.healthy)
      throw this.wrap(status.reason, 'ServerStatus');
    if (nodes.status === 'rejected' && hc.healthy)
      throw this.wrap(nodes.reason, 'GetNodes');

    const ss = status.status === 'fulfilled' ? status.value : undefined;
    const info: HubbleStatusInfo = {
      healthy: hc.healthy,
      numFlows: Number(ss?.num_flows ?? 0),
      maxFlows: Number(ss?.max_flows ?? 0),
      seenFlows: Number(ss?.seen_flows ?? 0),
      uptimeNs: Number(ss?.uptime_ns ?? 0),
      flowsPerSecond: (ss && flowsPerSecond(ss)) ?? 0,
      numConnectedNodes: ss?.num_connected_nodes
        ? ss.num_connected_nodes.value
        : null,
      numUnavailableNodes: ss?.num_unavailable_nodes
        ? ss.num_unavailable_nodes.value
        : null,
      unavailableNodes: [...(ss?.unavailable_nodes ?? [])].sort(),
      nodes:
        nodes.status === 'fulfilled' ? nodes.value.nodes.map(toNodeInfo) : [],
      text: hubbleStatusText(this.cfg.address, hc, ss),
    };
    if (hc.message) info.healthMessage = hc.message;
    if (ss?.version) info.version = ss.version;
    return info;
  }

  /**
   * `hubble observe [--type policy-verdict] [-n NS] [--verdict V] --last N`:
   * filters are applied by the relay; flows come back oldest first.
   */
  async getFlows(
    query: FlowsQuery,
    opts: CallOptions = {},
  ): Promise<FlowRecord[]> {
    const flows = await this.readWire(
      withMask => buildGetFlowsRequest(query, withMask),
      query.last,
      opts,
    );
    return flows.map(toFlowRecord);
  }

  /**
   * The newest `last` flows for the service map (structured fields only),
   * with what the read saw: flows the relay sent and its lost events.
   */
  async getGraphFlows(
    query: FlowsSummaryQuery,
    opts: CallOptions = {},
  ): Promise<{ flows: GraphFlow[] } & ReadStats> {
    const stats: ReadStats = { received: 0, lost: {} };
    const flows = await this.readWire(
      withMask => buildGetFlowsRequest(query, withMask),
      query.last,
      opts,
      stats,
    );
    return { flows: flows.map(toGraphFlow), ...stats };
  }

  /**
   * `hubble observe --follow` with the filters of `query`: flows as they
   * happen, until `cancel()` or the relay ends the stream.
   */
  follow(query: FlowStreamQuery, handlers: FollowHandlers): FollowCall {
    return followFlows(
      this.observer,
      buildFollowRequest(query, this.fieldMaskSupported),
      handlers,
      err => this.wrap(err, 'GetFlows'),
    );
  }

  /** Reads a GetFlows stream, retrying once without the field mask when the relay rejects it. */
  private async readWire(
    request: (withMask: boolean) => GetFlowsRequest,
    limit: number,
    opts: CallOptions,
    stats?: ReadStats,
  ): Promise<WireFlow[]> {
    const withMask = this.fieldMaskSupported;
    // One deadline for the call and its retry without the field mask.
    const control = this.control(opts);
    try {
      return await collectFlows(
        this.observer,
        request(withMask),
        limit,
        control,
        stats,
      );
    } catch (err) {
      const maskRejected =
        withMask &&
        isGrpcCode(
          err,
          grpc.status.UNIMPLEMENTED,
          grpc.status.INVALID_ARGUMENT,
        ) &&
        /field.?mask/i.test((err as grpc.ServiceError).details ?? '');
      if (!maskRejected) throw this.wrap(err, 'GetFlows');
      this.fieldMaskSupported = false;
      try {
        return await collectFlows(
          this.observer,
          request(false),
          limit,
          control,
          stats,
        );
      } catch (retryErr) {
        throw this.wrap(retryErr, 'GetFlows');
      }
    }
  }

  /** Namespaces with flows in the last hour; undefined when the relay lacks GetNamespaces. */
  async getNamespaces(
    opts: CallOptions = {},
  ): Promise<{ cluster: string; namespace: string }[] | undefined> {
    try {
      const res = await unaryCall<GetNamespacesResponse__Output>(
        'GetNamespaces',
        (md, o, cb) => this.observer.GetNamespaces({}, md, o, cb),
        this.control(opts),
      );
      return res.namespaces.map(n => ({
        cluster: n.cluster,
        namespace: n.namespace,
      }));
    } catch (err) {
      if (isGrpcCode(err, grpc.status.UNIMPLEMENTED)) return undefined;
      throw this.wrap(err, 'GetNamespaces');
    }
  }

  close(): void {
    this.health.close();
    this.observer.close();
  }

  private wrap(err: unknown, rpc: string): Error {
    if (err instanceof Error && err.name === 'AbortError') return err;
    return toHubbleRelayError(err, this.cfg.address, rpc, this.cfg.timeoutMs);
  }

  private async healthcheck(
    opts: CallOptions,
  ): Promise<HealthcheckResult & { message?: string }> {
    try {
      const res = await unaryCall<HealthCheckResponse__Output>(
        'Check',
        (md, o, cb) =>
          this.health.Check(
            { service: HUBBLE_OBSERVER_HEALTH_SERVICE },
            md,
            o,
            cb,
          ),
        this.control(opts),
      );
      if (res.status === 'SERVING') return { healthy: true, status: 'Ok' };
      return {
        healthy: false,
        status: `Unavailable: ${res.status}`,
        message: res.status,
      };
    } catch (err) {
      if (!isGrpcCode(err, grpc.status.UNIMPLEMENTED)) throw err;
      return {
        healthy: true,
        status: 'Unknown',
        message: 'grpc.health.v1.Health is not implemented by this server',
      };
    }
  }

  private control({ signal }: CallOptions): CallControl {
    return { deadline: new Date(Date.now() + this.cfg.timeoutMs), signal };
  }
}
