import { Flex, Select, Switch, Text, TextField } from '@backstage/ui';
import { Verdict } from '@internal/plugin-cilium-common';
import { FILTER_VERDICTS } from './verdicts';

const ANY = 'any';

/** Namespace, verdict and "policy verdicts only" filters of the flows table. */
export const FlowFilters = (props: {
  namespace: string;
  namespaceInvalid?: boolean;
  onNamespaceChange: (ns: string) => void;
  verdict?: Verdict;
  onVerdictChange: (v?: Verdict) => void;
  policyVerdictsOnly: boolean;
  onPolicyVerdictsOnlyChange: (v: boolean) => void;
}) => (
  <Flex
    gap="4"
    align="end"
    style={{ flexWrap: 'wrap' }}
    data-testid="flow-filters"
  >
    <Flex direction="column" gap="1">
      <TextField
        label="Namespace"
        placeholder="all namespaces"
        value={props.namespace}
        onChange={props.onNamespaceChange}
        isInvalid={props.namespaceInvalid}
        data-testid="flow-filter-namespace"
      />
      {props.namespaceInvalid && (
        <Text
          variant="body-x-small"
          color="danger"
          role="status"
          data-testid="flow-filter-namespace-invalid"
        >
          Not a namespace name: lower-case letters, digits and "-"
        </Text>
      )}
    </Flex>
    <div style={{ width: 220 }}>
      <Select
        label="Verdict"
        data-testid="flow-filter-verdict"
        options={[
          { value: ANY, label: 'Any verdict' },
          ...FILTER_VERDICTS.map(v => ({ value: v, label: v })),
        ]}
        value={props.verdict ?? ANY}
        onChange={key => {
          const k = String(key ?? ANY);
          props.onVerdictChange(k === ANY ? undefined : (k as Verdict));
        }}
      />
    </div>
    <Switch
      label="Policy verdicts only"
      data-testid="flow-filter-policy-verdicts"
      isSelected={props.policyVerdictsOnly}
      onChange={props.onPolicyVerdictsOnlyChange}
    />
  </Flex>
);
