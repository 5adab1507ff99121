import { NotFoundError } from '@backstage/errors';
import type {
  FlowStreamEnd,
  FlowStreamEvents,
  FlowStreamQuery,
} from '@internal/plugin-cilium-common';
import type { FollowCall } from '../hubble/follow';
import type { FlowStreamHubOptions } from '../config/readFlowStreamSettings';
import type { ClusterConnections } from '../connections/ClusterConnections';
import type { ConcurrencyLimiter } from '../limits/ConcurrencyLimiter';
import { FlowSampler } from './flowSampler';
import { requireConnection } from '../connections/requireConnection';

/** One live-stream client (an open SSE response). */
export interface FlowStreamSubscriber {
  send<E extends keyof FlowStreamEvents>(
    event: E,
    data: FlowStreamEvents[E],
  ): void;
  /** The stream ended on the server's side (after an `end` event). */
  close(): void;
}

/**
 * Live flows by cluster and filter. `subscribe` resolves to the unsubscribe
 * function once the subscriber is joined to a relay stream; it rejects
 * (NotFoundError, TooManyRequestsError) before anything is sent.
 */
export interface FlowStreams {
  subscribe(
    cluster: string,
    query: FlowStreamQuery,
    subscriber: FlowStreamSubscriber,
  ): Promise<() => void>;
}

type Hubble = NonNullable<ReturnType<ClusterConnections['get']>>['hubble'] & {};

interface SharedStream {
  key: string;
  subscribers: Set<FlowStreamSubscriber>;
  call?: FollowCall;
  timers: NodeJS.Timeout[];
  /** Frees the relay-stream slot this stream holds. */
  release: () => void;
}

/**
 * One `follow` GetFlows stream to the relay per cluster and distinct
 * filter, fanned out to every subscriber of that filter. The relay stream
 * closes when its last subscriber leaves, when the maximum duration is up
 * (subscribers get `end`), or when the relay ends it.
 *
 * Each relay stream holds a slot of the limiter the bounded flows reads use
 * (issue 11: live streams count against the Relay stream limits) from
 * before it opens until it ends; when no slot frees within the queue
 * timeout, `subscribe` rejects with a TooManyRequestsError (429).
 */
export class FlowStreamHub implements FlowStreams {
  private readonly streams = new Map<string, SharedStream>();
  /** Streams waiting for a limiter slot, shared by their first subscribers. */
  private readonly opening = new Map<string, Promise<SharedStream>>();

  constructor(
    private readonly connections: ClusterConnections,
    private readonly options: FlowStreamHubOptions,
    private readonly limiter?: ConcurrencyLimiter,
  ) {}

  /** Relay streams open right now. */
  get openStreams(): number {
    return this.streams.size;
  }

  async subscribe(
    cluster: string,
    query: FlowStreamQuery,
    subscriber: FlowStreamSubscriber,
  ): Promise<() => void> {
    const conn = requireConnection(this.connections, cluster);
    const hubble = conn.hubble;
    if (!hubble) {
      throw new NotFoundError(
        `No Hubble Relay configured for cluster ${cluster} (cilium.clusters[].hubble.address)`,
      );
    }
    const key = `${cluster}:${JSON.stringify(query)}`;
    let stream = this.streams.get(key);
    if (!stream) {
      let opening = this.opening.get(key);
      if (!opening) {
        opening = this.openWithSlot(cluster, key, query, hubble);
        this.opening.set(key, opening);
      }
      stream = await opening;
    }
    stream.subscribers.add(subscriber);
    const joined = stream;
    return () => {
      joined.subscribers.delete(subscriber);
      if (joined.subscribers.size === 0) this.stop(joined);
    };
  }

  /** Ends every stream (backend shutdown). */
  close(): void {
    for (const stream of [...this.streams.values()]) {
      this.end(stream, {
        reason: 'shutdown',
        message: 'The backend is shutting down',
      });
    }
  }

  private async openWithSlot(
    cluster: string,
    key: string,
    query: FlowStreamQuery,
    hubble: Hubble,
  ): Promise<SharedStream> {
    try {
      const release = this.limiter
        ? await this.limiter.hold(cluster)
        : () => {};
      return this.open(key, query, hubble, release);
    } finally {
      this.opening.delete(key);
    }
  }

  private open(
    key: string,
    query: FlowStreamQuery,
    hubble: Hubble,
    release: () => void,
  ): SharedStream {
    const stream: SharedStream = {
      key,
      subscribers: new Set(),
      timers: [],
      release,
    };
    this.streams.set(key, stream);
    const sampler = new FlowSampler(
      this.options.maxFlowsPerSecond,
      this.options.windowMs ?? 1000,
    );
    const broadcast: FlowStreamSubscriber['send'] = (event, data) => {
      for (const s of [...stream.subscribers]) s.send(event, data);
    };
    stream.call = hubble.follow(query, {
      onFlow: flow => {
        if (sampler.offer()) broadcast('flow', flow);
      },
      onLost: (source, count) => broadcast('lost', { source, count }),
      onEnd: err =>
        this.end(
          stream,
          err
            ? { reason: 'relay-error', message: err.message }
            : {
                reason: 'relay-ended',
                message: 'Hubble Relay ended the stream',
              },
        ),
    });
    const rate = setInterval(() => {
      const notice = sampler.endWindow();
      if (notice) broadcast('sampling', notice);
    }, sampler.windowMs);
    const max = setTimeout(
      () =>
        this.end(stream, {
          reason: 'max-duration',
          message: `Live flows stop after ${Math.round(
            this.options.maxDurationMs / 1000,
          )} s; turn Live on again to continue`,
        }),
      this.options.maxDurationMs,
    );
    rate.unref();
    max.unref();
    stream.timers.push(rate, max);
    return stream;
  }

  /** Tells every subscriber why the stream ended, closes them and the relay stream. */
  private end(stream: SharedStream, why: FlowStreamEnd): void {
    if (this.streams.get(stream.key) !== stream) return;
    const subscribers = [...stream.subscribers];
    this.stop(stream);
    for (const s of subscribers) {
      s.send('end', why);
      s.close();
    }
  }

  private stop(stream: SharedStream): void {
    if (this.streams.get(stream.key) === stream)
      this.streams.delete(stream.key);
    stream.subscribers.clear();
    for (const t of stream.timers) clearTimeout(t);
    stream.call?.cancel();
    stream.release();
  }
}
