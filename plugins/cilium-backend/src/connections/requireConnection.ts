import { NotFoundError } from '@backstage/errors';
import type {
  ClusterConnection,
  ClusterConnections,
} from './ClusterConnections';

/** The configured cluster `name`; a NotFoundError (404) when there is none. */
export function requireConnection(
  connections: ClusterConnections,
  name: string,
): ClusterConnection {
  const conn = connections.get(name);
  if (!conn) {
    throw new NotFoundError(`No cluster named '${name}' is configured`);
  }
  return conn;
}
