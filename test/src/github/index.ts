export { startGithubTestServer } from './server';
export type { GithubTestServer } from './server';
