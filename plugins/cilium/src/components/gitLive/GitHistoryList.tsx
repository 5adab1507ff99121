import { Flex, Link, Text } from '@backstage/ui';
import {
  GitCommitInfo,
  shortDuration,
  shortSha,
} from '@internal/plugin-cilium-common';

/** `3 min ago` from an ISO time, against `now`. */
export function ago(time: string, now: number): string {
  return `${shortDuration((now - Date.parse(time)) / 1000)} ago`;
}

/** The repository's recent commits: when, who, message, changed files, link. */
export const GitHistoryList = (props: {
  commits: GitCommitInfo[];
  now?: number;
}) => {
  const now = props.now ?? Date.now();
  if (props.commits.length === 0) {
    return (
      <Text variant="body-small" color="secondary">
        No commits.
      </Text>
    );
  }
  return (
    <ol
      aria-label="Recent commits"
      style={{ margin: 0, paddingLeft: 0, listStyle: 'none' }}
    >
      {props.commits.map(c => {
        const [subject, ...body] = c.message.split('\n');
        return (
          <li key={c.sha} data-testid="git-commit">
            <Flex
              direction="column"
              gap="1"
              style={{ paddingBottom: 'var(--bui-space-2)' }}
            >
              <Flex gap="2" align="center" style={{ flexWrap: 'wrap' }}>
                {c.url ? (
                  <Link
                    href={c.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={`Commit ${shortSha(c.sha)}`}
                  >
                    <code>{shortSha(c.sha)}</code>
                  </Link>
                ) : (
                  <Text variant="body-small">
                    <code>{shortSha(c.sha)}</code>
                  </Text>
                )}
                <Text
                  variant="body-small"
                  weight="bold"
                  data-testid="git-commit-subject"
                >
                  {subject}
                </Text>
              </Flex>
              <Text variant="body-x-small" color="secondary">
                {c.author} ·{' '}
                <time dateTime={c.time} title={c.time}>
                  {ago(c.time, now)}
                </time>{' '}
                · {c.files.length}
                {c.filesTruncated ? '+' : ''} file
                {c.files.length === 1 ? '' : 's'}:{' '}
                <span data-testid="git-commit-files">
                  {c.files.slice(0, 5).join(', ')}
                  {c.files.length > 5 || c.filesTruncated ? ', …' : ''}
                </span>
              </Text>
              {body.join('\n').trim() && (
                <Text
                  variant="body-x-small"
                  color="secondary"
                  style={{ whiteSpace: 'pre-wrap' }}
                >
                  {body.join('\n').trim()}
                </Text>
              )}
            </Flex>
          </li>
        );
      })}
    </ol>
  );
};
