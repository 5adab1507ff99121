export { commitToTestRepo, readTree } from './bareRepo';
export type { TestCommit } from './bareRepo';
export { echoRouteYaml, ECHO_ROUTE_FILE, EXAMPLES_DIR } from './echoRoute';
