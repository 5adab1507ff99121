import { z } from 'zod';
import { formRuleAt } from './formRuleAt';

const json = (specPath: string) =>
  z.toJSONSchema(formRuleAt(specPath), { target: 'draft-7' });

describe('formRuleAt reads the form rule from the spec schema', () => {
  it('finds a field type behind optional, default and refinement wrappers', () => {
    // metadata.name is dnsLabel(32) refined to refuse "default"
    expect(json('metadata.name')).toMatchObject({ maxLength: 32 });
    // asn() refines intRange(1, 2^32-1) against AS_TRANS
    expect(json('spec.bgp.localASN')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 4294967295,
    });
    // port() with .default(53) under an optional rfc2136
    expect(json('spec.dns.rfc2136.port')).toMatchObject({ maximum: 65535 });
  });

  it('translates enums and lists, with their minimum length', () => {
    expect(json('spec.dns.rfc2136.tsigAlgorithm')).toMatchObject({
      enum: [
        'hmac-sha256',
        'hmac-sha384',
        'hmac-sha512',
        'hmac-sha1',
        'hmac-md5',
      ],
    });
    expect(json('spec.bgp.router.workerNodes')).toMatchObject({
      type: 'array',
      minItems: 1,
    });
    expect(json('spec.network.loadBalancerPools[0].cidr')).toMatchObject({
      type: 'string',
      pattern: expect.stringContaining('/(3[0-2]|[0-2]?[0-9])$'),
    });
  });

  it('names a path the spec lacks or a field without a form rule', () => {
    expect(() => formRuleAt('spec.network.podCidr')).toThrow(
      'the spec has no field spec.network.podCidr',
    );
    expect(() => formRuleAt('metadata.description')).toThrow(
      'the spec field metadata.description has no rule a form can carry',
    );
  });
});
