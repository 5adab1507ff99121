import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { ciliumApiRef } from '../api/CiliumApi';
import { CiliumClient } from '../api/CiliumClient';

/** `api:cilium`: the {@link CiliumClient}. */
export const ciliumApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: ciliumApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: ({ discoveryApi, fetchApi }) =>
        new CiliumClient({ discoveryApi, fetchApi }),
    }),
});
