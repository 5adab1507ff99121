import type { FlowGraphNode } from '@internal/plugin-cilium-common';
import { groupId } from './layoutServiceMap';

/** What a click on the map picked: a pair (edge) or one node. */
export type MapSelection =
  | { type: 'edge'; from: string; to: string }
  | { type: 'node'; node: string };

const is = (node: FlowGraphNode, id: string) =>
  node.id === id || groupId(node) === id;

/** Whether a connection from → to belongs to the selection. */
export function selectionMatches(
  sel: MapSelection | undefined,
  from: FlowGraphNode,
  to: FlowGraphNode,
): boolean {
  if (!sel) return true;
  if (sel.type === 'node') return is(from, sel.node) || is(to, sel.node);
  return is(from, sel.from) && is(to, sel.to);
}

export function selectionText(sel: MapSelection): string {
  return sel.type === 'node' ? sel.node : `${sel.from} → ${sel.to}`;
}
