import { Link, Text } from '@backstage/ui';
import { BackendWeight } from '@internal/plugin-cilium-common';
import { useCiliumPermission } from '../../hooks/useCiliumPermission';
import { shiftTrafficHref } from './shiftTrafficHref';

/**
 * "Shift traffic" for one route: the change template, pre-filled. Only for
 * users who may change the cluster (`cilium.cluster.change` on its entity,
 * the permission the change action checks too); others see why instead of
 * a link that would end in a refused task.
 */
export const ShiftTrafficLink = (props: {
  entityRef: string;
  /** `<namespace>/<name>` of the HTTPRoute. */
  route: string;
  current?: { backends: BackendWeight[]; head?: string };
  testId: string;
}) => {
  const { entityRef, route } = props;
  const gate = useCiliumPermission('change', entityRef, entityRef);
  if (gate.loading) return null;
  if (!gate.allowed) {
    return (
      <Text
        variant="body-x-small"
        color="secondary"
        data-testid={`${props.testId}-denied`}
      >
        Shift traffic is not available to you: {gate.reason}
      </Text>
    );
  }
  return (
    <Link
      href={shiftTrafficHref(entityRef, route, props.current)}
      aria-label={`Shift traffic of ${route}`}
      data-testid={props.testId}
    >
      Shift traffic
    </Link>
  );
};
