import type * as grpc from '@grpc/grpc-js';
import { type DecodedFlowFilter, flowSelected } from './filters';
import type { FlowFixture } from './types';

interface Follower {
  call: grpc.ServerWritableStream<any, any>;
  whitelist: DecodedFlowFilter[];
  blacklist: DecodedFlowFilter[];
  send: (flow: FlowFixture) => void;
}

/**
 * The open `follow: true` GetFlows calls of the test relay. Like a relay,
 * a follow call stays open after its history and receives every new flow
 * that passes its filters, until the client cancels it.
 */
export class FollowRegistry {
  private readonly followers = new Set<Follower>();

  add(follower: Follower): void {
    this.followers.add(follower);
    const remove = () => this.followers.delete(follower);
    follower.call.on('cancelled', remove);
    follower.call.on('close', remove);
    follower.call.on('error', remove);
  }

  /** Open follow calls right now. */
  get size(): number {
    return this.followers.size;
  }

  /** Sends each flow to every follower whose filters select it. */
  publish(flows: FlowFixture[]): number {
    let sent = 0;
    for (const f of [...this.followers]) {
      if (f.call.cancelled) {
        this.followers.delete(f);
        continue;
      }
      for (const flow of flows) {
        if (flowSelected(flow, f.whitelist, f.blacklist)) {
          f.send(flow);
          sent++;
        }
      }
    }
    return sent;
  }

  /** Ends every follow call normally (the relay going away gracefully). */
  endAll(): void {
    for (const f of this.followers) f.call.end();
    this.followers.clear();
  }
}
