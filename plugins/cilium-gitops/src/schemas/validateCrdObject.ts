import Ajv, { type ValidateFunction } from 'ajv';
import net from 'node:net';
import { crdSchemas } from './crdSchemas';

export interface CrdValidationResult {
  /** Whether a schema exists for the object's apiVersion and kind. */
  known: boolean;
  /** `<instancePath> <message>` per problem; empty when valid. */
  errors: string[];
}

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function validatorFor(key: string): ValidateFunction | undefined {
  const schema = crdSchemas[key];
  if (!schema) return undefined;
  if (!ajv) {
    // The CRD-derived schemas keep x-kubernetes-* keywords and Kubernetes formats.
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addFormat('ipv4', (s: string) => net.isIPv4(s));
    ajv.addFormat('ipv6', (s: string) => net.isIPv6(s));
    ajv.addFormat('cidr', (s: string) => isCidr(s));
    ajv.addFormat('int32', true);
    ajv.addFormat('int64', true);
    ajv.addFormat('date-time', true);
  }
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * Validates a Cilium or OpenTelemetry custom resource against the schema
 * derived from its upstream CRD (see `crdSchemas`).
 */
export function validateCrdObject(obj: object): CrdValidationResult {
  const { apiVersion, kind } = obj as { apiVersion?: unknown; kind?: unknown };
  const validate = validatorFor(`${String(apiVersion)}/${String(kind)}`);
  if (!validate) return { known: false, errors: [] };
  if (validate(obj)) return { known: true, errors: [] };
  return {
    known: true,
    errors: (validate.errors ?? []).map(e =>
      `${e.instancePath || '/'} ${e.message ?? ''}`.trim(),
    ),
  };
}

function isCidr(s: string): boolean {
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length > 0 || bits === undefined || !/^\d{1,3}$/.test(bits))
    return false;
  const family = net.isIP(addr);
  return family !== 0 && Number(bits) <= (family === 4 ? 32 : 128);
}
