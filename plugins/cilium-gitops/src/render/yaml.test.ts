import { stringify } from 'yaml';
import { toYaml, yamlMemoSize } from './yaml';

const OPTIONS = {
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  indentSeq: true,
  directives: false,
} as const;

class Custom {
  a = 1;
}

describe('toYaml', () => {
  it('writes what yaml.stringify writes, the first time and from the memo', () => {
    const doc = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', labels: { a: 'b' } },
      data: { list: ['1', 2, true, null, { k: 'v: w' }], text: 'a\nb\n' },
      skipped: undefined,
    };
    const expected = stringify(doc, OPTIONS);
    expect(toYaml(doc)).toBe(expected);
    expect(toYaml(structuredClone(doc))).toBe(expected);
    expect(toYaml(doc)).toBe(expected);
  });

  // Pairs with the same JSON text but different YAML: none may be answered
  // from the other's memo entry.
  it.each<[string, unknown, unknown]>([
    ['NaN and null', { v: NaN }, { v: null }],
    ['Infinity and null', { v: Infinity }, { v: null }],
    ['-0 and 0', { v: -0 }, { v: 0 }],
    ['undefined and null in a list', { v: [undefined] }, { v: [null] }],
    // eslint-disable-next-line no-sparse-arrays
    ['a hole and null in a list', { v: [1, , 2] }, { v: [1, null, 2] }],
    ['a Map and an empty object', { v: new Map([['a', 1]]) }, { v: {} }],
    ['a Set and an empty object', { v: new Set([1]) }, { v: {} }],
    [
      'a class instance and a plain object',
      { v: new Custom() },
      { v: { a: 1 } },
    ],
    [
      'a Date and its ISO text',
      { v: new Date(0) },
      { v: new Date(0).toJSON() },
    ],
  ])('%s', (_name, special, plain) => {
    for (const value of [special, plain, special, plain]) {
      expect(toYaml(value)).toBe(stringify(value, OPTIONS));
    }
  });

  it('memoizes a bounded number of documents', () => {
    for (let i = 0; i < 2000; i++) {
      const doc = { i, text: `document ${i}` };
      expect(toYaml(doc)).toBe(stringify(doc, OPTIONS));
    }
    expect(yamlMemoSize()).toBe(512);
    expect(toYaml({ i: 0, text: 'document 0' })).toBe(
      stringify({ i: 0, text: 'document 0' }, OPTIONS),
    );
  });
});
