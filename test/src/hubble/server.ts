import * as grpc from '@grpc/grpc-js';
import { applyFieldMask } from './fieldMask';
import { type DecodedFlowFilter, unsupportedFilterFields } from './filters';
import { selectFlows } from './flowSelection';
import { FollowRegistry } from './followers';
import { demoRelayFixtures } from './fixtures/demoRelay';
import { loadHubbleServices } from './protos';
import { type RelayKeyPair, selfSignedRelayCertificate } from './tls';
import type { FlowFixture, HubbleFixtureSet, TimestampFixture } from './types';

export type HubbleRpc =
  | 'ServerStatus'
  | 'GetNodes'
  | 'GetFlows'
  | 'GetNamespaces'
  | 'Check';

/** What an RPC should do instead of answering normally. */
export type HubbleFault =
  | { type: 'delay'; ms: number }
  | { type: 'fail'; code: grpc.status; details?: string }
  | { type: 'hang' };

/**
 * How GetFlows treats `field_mask`: apply it (v1.19+), ignore it (older
 * relays), reject it as INVALID_ARGUMENT (a path it does not know) or as
 * UNIMPLEMENTED.
 */
export type FieldMaskSupport = 'apply' | 'ignore' | 'reject' | 'unimplemented';

export interface HubbleRelayTestServerOptions {
  /** What the relay serves; default `demoRelayFixtures(cluster)`. */
  fixtures?: HubbleFixtureSet;
  /** Cluster whose demo fixtures to serve when `fixtures` is not given; default `democluster1`. */
  cluster?: string;
  /** grpc.health.v1 answer for `hubble.server.Observer`; default SERVING. */
  health?: 'SERVING' | 'NOT_SERVING' | 'UNIMPLEMENTED';
  /** RPCs answered with UNIMPLEMENTED, like an older relay (e.g. GetNodes, GetNamespaces). */
  unimplemented?: HubbleRpc[];
  fieldMask?: FieldMaskSupport;
  /** Port to listen on (to restart a relay at the same address); default random. */
  port?: number;
  /** Serve TLS: `true` for a fresh self-signed certificate (see `caPem`), or a key pair. */
  tls?: boolean | RelayKeyPair;
}

/** A GetFlowsRequest as the server decoded it. */
export interface ReceivedGetFlowsRequest {
  number: string;
  first: boolean;
  follow: boolean;
  whitelist: DecodedFlowFilter[];
  blacklist: DecodedFlowFilter[];
  since: { seconds: string; nanos: number } | null;
  until: { seconds: string; nanos: number } | null;
  field_mask: { paths: string[] } | null;
}

export interface HubbleRelayTestServer {
  /** `127.0.0.1:<port>`. */
  address: string;
  /** With `tls`, the certificate clients should trust (it is self-signed). */
  caPem?: string;
  /** Calls received per RPC (including failed and hung ones). */
  calls: Record<HubbleRpc, number>;
  /** Every GetFlowsRequest received, in order. */
  getFlowsRequests: ReceivedGetFlowsRequest[];
  /** Flows sent by each answered GetFlows call, in order. */
  flowsSent: number[];
  /** Open `follow` GetFlows calls right now. */
  openFollowCalls(): number;
  /** New flows: appended to what is served and sent to matching follow calls; returns how many were sent. */
  publishFlows(flows: FlowFixture[]): number;
  /** Ends every open follow call normally. */
  endFollowCalls(): void;
  /** What is served right now. */
  fixtures(): HubbleFixtureSet;
  /** Replaces everything served, e.g. `demoRelayFixtures('democluster2')`. */
  setFixtures(fixtures: HubbleFixtureSet): void;
  setFlows(flows: FlowFixture[]): void;
  setFault(rpc: HubbleRpc | '*', fault: HubbleFault | undefined): void;
  clearFaults(): void;
  setHealth(health: 'SERVING' | 'NOT_SERVING' | 'UNIMPLEMENTED'): void;
  setFieldMaskSupport(mode: FieldMaskSupport): void;
  resetCalls(): void;
  close(): Promise<void>;
}

const now = (): TimestampFixture => ({
  seconds: Math.floor(Date.now() / 1000),
  nanos: 0,
});

/**
 * A Hubble Relay for tests: a real gRPC server on 127.0.0.1 (random port)
 * implementing observer.Observer (ServerStatus, GetNodes, GetFlows,
 * GetNamespaces) and grpc.health.v1.Health from the plugin's .proto files.
 * GetFlows really applies whitelist/blacklist filters, since/until, `number`
 * (last or first N per node, merged like a relay) and the field mask, and interleaves node_status and
 * lost_events responses like a relay does.
 */
export async function startHubbleRelayTestServer(
  options: HubbleRelayTestServerOptions = {},
): Promise<HubbleRelayTestServer> {
  const { Observer, Health } = loadHubbleServices();
  let fixtures =
    options.fixtures ?? demoRelayFixtures(options.cluster ?? 'democluster1');
  let health = options.health ?? 'SERVING';
  let fieldMask: FieldMaskSupport = options.fieldMask ?? 'apply';
  const faults = new Map<HubbleRpc | '*', HubbleFault>();
  for (const rpc of options.unimplemented ?? []) {
    faults.set(rpc, {
      type: 'fail',
      code: grpc.status.UNIMPLEMENTED,
      details: `unknown method ${rpc}`,
    });
  }
  const calls: Record<HubbleRpc, number> = {
    ServerStatus: 0,
    GetNodes: 0,
    GetFlows: 0,
    GetNamespaces: 0,
    Check: 0,
  };
  const getFlowsRequests: ReceivedGetFlowsRequest[] = [];
  const flowsSent: number[] = [];
  const followers = new FollowRegistry();

  /** Counts the call and applies its fault; resolves false when the call must not be answered. */
  async function enter(
    rpc: HubbleRpc,
    fail: (err: Partial<grpc.StatusObject>) => void,
  ): Promise<boolean> {
    calls[rpc]++;
    const fault = faults.get(rpc) ?? faults.get('*');
    if (!fault) return true;
    if (fault.type === 'hang') return false;
    if (fault.type === 'delay') {
      await new Promise(resolve => setTimeout(resolve, fault.ms));
      return true;
    }
    fail({
      code: fault.code,
      details: fault.details ?? `injected ${grpc.status[fault.code]}`,
    });
    return false;
  }

  function unary<Res>(
    rpc: HubbleRpc,
    answer: () => Res | Partial<grpc.StatusObject>,
  ) {
    return async (
      _call: grpc.ServerUnaryCall<any, Res>,
      callback: grpc.sendUnaryData<Res>,
    ) => {
      if (!(await enter(rpc, err => callback(err)))) return;
      const res = answer();
      if (res && typeof (res as grpc.StatusObject).code === 'number')
        callback(res as grpc.StatusObject);
      else callback(null, res as Res);
    };
  }

  async function getFlows(
    call: grpc.ServerWritableStream<ReceivedGetFlowsRequest, any>,
  ) {
    const req = call.request;
    getFlowsRequests.push(req);
    if (!(await enter('GetFlows', err => call.emit('error', err)))) return;
    if (call.cancelled) return;
    const unsupported = [...req.whitelist, ...req.blacklist].flatMap(
      unsupportedFilterFields,
    );
    if (unsupported.length > 0) {
      call.emit('error', {
        code: grpc.status.INVALID_ARGUMENT,
        details: `test server cannot filter on ${unsupported.join(', ')}`,
      });
      return;
    }
    const paths = req.field_mask?.paths ?? [];
    if (fieldMask === 'reject' && paths.length > 0) {
      call.emit('error', {
        code: grpc.status.INVALID_ARGUMENT,
        details: `invalid field_mask: unknown path "${paths[0]}"`,
      });
      return;
    }
    if (fieldMask === 'unimplemented' && paths.length > 0) {
      call.emit('error', {
        code: grpc.status.UNIMPLEMENTED,
        details: 'field_mask is not supported by this server',
      });
      return;
    }

    // A follow call without number and since starts at the newest flow:
    // no history, only what happens from now on.
    const selected =
      req.follow && Number(req.number) === 0 && !req.since
        ? []
        : selectFlows(fixtures.flows, req);

    const connected = fixtures.nodes
      .filter(node => node.state === 'NODE_CONNECTED')
      .map(node => node.name);
    const unavailable = fixtures.nodes
      .filter(node => node.state === 'NODE_UNAVAILABLE')
      .map(node => node.name);
    call.write({
      node_status: { state_change: 'NODE_CONNECTED', node_names: connected },
      time: now(),
    });
    if (unavailable.length > 0) {
      call.write({
        node_status: {
          state_change: 'NODE_UNAVAILABLE',
          node_names: unavailable,
        },
        time: now(),
      });
    }
    selected.forEach((flow, i) => {
      const sent = fieldMask === 'apply' ? applyFieldMask(flow, paths) : flow;
      call.write({ flow: sent, node_name: flow.node_name, time: flow.time });
      if (i === 0) {
        call.write({
          lost_events: {
            source: 'HUBBLE_RING_BUFFER',
            num_events_lost: 3,
            cpu: { value: 1 },
          },
          node_name: flow.node_name,
          time: flow.time,
        });
      }
    });
    flowsSent.push(selected.length);
    if (req.follow) {
      followers.add({
        call,
        whitelist: req.whitelist,
        blacklist: req.blacklist,
        send: flow =>
          call.write({
            flow: fieldMask === 'apply' ? applyFieldMask(flow, paths) : flow,
            node_name: flow.node_name,
            time: flow.time,
          }),
      });
      return;
    }
    call.end();
  }

  const server = new grpc.Server();
  server.addService(Observer.service, {
    ServerStatus: unary('ServerStatus', () => fixtures.status),
    GetNodes: unary('GetNodes', () => ({ nodes: fixtures.nodes })),
    GetNamespaces: unary('GetNamespaces', () => ({
      namespaces: fixtures.namespaces,
    })),
    GetFlows: getFlows,
  });
  server.addService(Health.service, {
    Check: unary('Check', () =>
      health === 'UNIMPLEMENTED'
        ? {
            code: grpc.status.UNIMPLEMENTED,
            details: 'unknown service grpc.health.v1.Health',
          }
        : { status: health },
    ),
  });

  const keyPair =
    options.tls === true
      ? selfSignedRelayCertificate()
      : options.tls || undefined;
  const credentials = keyPair
    ? grpc.ServerCredentials.createSsl(null, [
        {
          private_key: Buffer.from(keyPair.key),
          cert_chain: Buffer.from(keyPair.cert),
        },
      ])
    : grpc.ServerCredentials.createInsecure();
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, credentials, (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );

  return {
    address: `127.0.0.1:${port}`,
    caPem: keyPair?.cert,
    calls,
    getFlowsRequests,
    flowsSent,
    openFollowCalls: () => followers.size,
    publishFlows: flows => {
      fixtures = { ...fixtures, flows: [...fixtures.flows, ...flows] };
      return followers.publish(flows);
    },
    endFollowCalls: () => followers.endAll(),
    fixtures: () => fixtures,
    setFixtures: next => {
      fixtures = next;
    },
    setFlows: flows => {
      fixtures = { ...fixtures, flows };
    },
    setFault: (rpc, fault) => {
      if (fault) faults.set(rpc, fault);
      else faults.delete(rpc);
    },
    clearFaults: () => faults.clear(),
    setHealth: next => {
      health = next;
    },
    setFieldMaskSupport: mode => {
      fieldMask = mode;
    },
    resetCalls: () => {
      for (const rpc of Object.keys(calls) as HubbleRpc[]) calls[rpc] = 0;
      getFlowsRequests.length = 0;
      flowsSent.length = 0;
    },
    close: () =>
      new Promise<void>(resolve => {
        server.forceShutdown();
        resolve();
      }),
  };
}
