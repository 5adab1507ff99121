import { Button, Flex, Link, Text } from '@backstage/ui';
import {
  GitLiveResponse,
  StatusSource,
  shortSha,
} from '@internal/plugin-cilium-common';
import { ConfigSnippet } from '../common/ConfigSnippet';
import { gitRepoSnippet } from '../common/configSnippets';
import { RequestErrorPanel } from '../common/RequestErrorPanel';
import { Section } from '../common/Section';
import { SectionSkeleton } from '../common/SectionSkeleton';
import { SourceErrorAlert } from '../common/SourceErrorAlert';
import { ArgoRevisionList } from './ArgoRevisionList';
import { GitHistoryList } from './GitHistoryList';
import { GitRouteRow } from './GitRouteRow';
import { useGitLive } from '../../hooks/useGitLive';

const SOURCE_NAMES: Partial<Record<StatusSource, string>> = {
  git: 'Git repository',
  argocd: 'Argo CD',
  httpRoutes: 'Live HTTPRoutes',
  hubble: 'Hubble Relay (observed split)',
};

const Subheading = ({ children }: { children: string }) => (
  <Text as="h3" variant="body-medium" weight="bold">
    {children}
  </Text>
);

/** No repository for this cluster yet: an empty state with the config, not an error. */
const RepoNotConfigured = (props: { cluster: string; message: string }) => (
  <div data-testid="git-not-configured">
    <Text as="p" variant="body-medium">
      {props.message}
    </Text>
    <ConfigSnippet
      code={gitRepoSnippet(props.cluster)}
      label="GitOps repository configuration"
    />
  </div>
);

const GitLiveBody = ({
  doc,
  entityRef,
}: {
  doc: GitLiveResponse;
  entityRef: string;
}) => (
  <>
    {doc.errors
      .filter(e => e.source === 'git' && e.reason === 'not-configured')
      .map(e => (
        <RepoNotConfigured
          key="git"
          cluster={doc.cluster}
          message={e.message}
        />
      ))}
    {doc.errors
      .filter(e => !(e.source === 'git' && e.reason === 'not-configured'))
      .map(e => (
        <SourceErrorAlert
          key={e.source}
          error={e}
          what={SOURCE_NAMES[e.source] ?? e.source}
        />
      ))}
    {doc.repo && (
      <Text variant="body-small" data-testid="git-repo">
        {doc.repo.kind === 'local' ? 'Local repository' : 'GitHub'}{' '}
        {doc.repo.webUrl ? (
          <Link
            href={doc.repo.webUrl}
            target="_blank"
            rel="noopener noreferrer"
          >
            {doc.repo.name}
          </Link>
        ) : (
          <strong>{doc.repo.name}</strong>
        )}
        , {doc.repo.branch} at <code>{shortSha(doc.repo.head)}</code>
      </Text>
    )}
    {doc.repo && (
      <Flex direction="column" gap="2" data-testid="git-routes">
        <Subheading>HTTPRoutes: Git, live and observed</Subheading>
        {doc.routes.length === 0 ? (
          <Text
            variant="body-small"
            color="secondary"
            data-testid="git-routes-empty"
          >
            The repository holds no HTTPRoutes.
          </Text>
        ) : (
          <ul
            aria-label="HTTPRoutes from Git"
            style={{
              margin: 0,
              paddingLeft: 0,
              listStyle: 'none',
              display: 'flex',
              flexDirection: 'column',
              gap: 'var(--bui-space-3)',
            }}
          >
            {doc.routes.map(r => (
              <GitRouteRow
                key={`${r.namespace}/${r.name}`}
                route={r}
                entityRef={entityRef}
                head={doc.repo?.head}
                minFlows={doc.minObservedFlows}
                windowSeconds={doc.observedWindowSeconds}
              />
            ))}
          </ul>
        )}
      </Flex>
    )}
    {doc.repo && (
      <Flex direction="column" gap="2" data-testid="git-argocd">
        <Subheading>Argo CD: synced revision against the head</Subheading>
        <ArgoRevisionList apps={doc.applications} />
      </Flex>
    )}
    {doc.repo && (
      <Flex direction="column" gap="2" data-testid="git-history">
        <Subheading>{`Recent commits (${doc.history.length})`}</Subheading>
        <GitHistoryList
          commits={doc.history}
          now={Date.parse(doc.generatedAt)}
        />
      </Flex>
    )}
  </>
);

/**
 * "Git and live": the cluster's GitOps repository at its head against the
 * cluster, per HTTPRoute, with Argo CD's synced revisions and the history.
 */
export const GitLiveSection = (props: {
  cluster: string;
  entityRef: string;
}) => {
  const state = useGitLive(props.cluster);
  let body;
  if (state.loading && !state.value) {
    body = <SectionSkeleton label="Git and live" />;
  } else if (state.error) {
    body = (
      <RequestErrorPanel
        error={state.error}
        cluster={props.cluster}
        what={`the Git and live view of ${props.cluster}`}
      />
    );
  } else if (state.value) {
    body = <GitLiveBody doc={state.value} entityRef={props.entityRef} />;
  }
  return (
    <Section
      id="git-live"
      title="Git and live"
      actions={
        <Button
          size="small"
          variant="secondary"
          onPress={state.retry}
          isPending={state.loading}
          aria-label="Reload Git and live"
          data-testid="git-live-reload"
        >
          Reload
        </Button>
      }
    >
      {body}
    </Section>
  );
};
