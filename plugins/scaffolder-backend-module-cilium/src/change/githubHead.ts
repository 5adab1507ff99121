/**
 * A GitHub repository's branch through the configured integration
 * (`UrlReaderService.readTree`, which downloads the branch's archive): every
 * file's text and the commit it was read at (the response's etag is the
 * commit SHA for GitHub).
 */
import type { UrlReaderService } from '@backstage/backend-plugin-api';

export async function readGithubHead(
  urlReader: UrlReaderService,
  target: { host: string; owner: string; repo: string },
  branch: string,
): Promise<{ head: string; files: Map<string, string> }> {
  const url = `https://${target.host}/${target.owner}/${target.repo}/tree/${branch}`;
  const response = await urlReader.readTree(url);
  const files = new Map<string, string>();
  for (const file of await response.files()) {
    files.set(file.path, (await file.content()).toString('utf8'));
  }
  return { head: response.etag, files };
}
