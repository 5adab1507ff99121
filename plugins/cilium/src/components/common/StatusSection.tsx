import { ReactNode } from 'react';
import { ClusterStatus } from '@internal/plugin-cilium-common';
import { Section } from './Section';
import { SectionSkeleton } from './SectionSkeleton';
import { RequestErrorPanel } from './RequestErrorPanel';
import { StatusState } from '../../hooks/useClusterStatus';

/**
 * A section fed by the status document: skeleton while it loads, the request
 * error if the whole document failed, else `children(status)`.
 */
export const StatusSection = (props: {
  id: string;
  title: string;
  state: StatusState;
  cluster: string;
  actions?: ReactNode;
  children: (status: ClusterStatus) => ReactNode;
}) => {
  const { state } = props;
  let body: ReactNode;
  if (state.loading && !state.value) {
    body = <SectionSkeleton label={props.title} />;
  } else if (state.error) {
    body = (
      <RequestErrorPanel
        error={state.error}
        cluster={props.cluster}
        what={`the status of ${props.cluster}`}
      />
    );
  } else if (state.value) {
    body = props.children(state.value);
  }
  return (
    <Section id={props.id} title={props.title} actions={props.actions}>
      {body}
    </Section>
  );
};
