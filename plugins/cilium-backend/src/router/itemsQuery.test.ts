import { InputError } from '@backstage/errors';
import { parseItemsQuery } from './itemsQuery';

describe('parseItemsQuery', () => {
  it('defaults to the first 10 items without a search', () => {
    expect(parseItemsQuery({})).toEqual({ offset: 0, limit: 10 });
  });

  it('accepts a search, an offset and a limit', () => {
    expect(
      parseItemsQuery({ q: '  echo  shop ', offset: '20', limit: '100' }),
    ).toEqual({ q: 'echo  shop', offset: 20, limit: 100 });
  });

  it('drops a blank search', () => {
    expect(parseItemsQuery({ q: '   ' })).toEqual({ offset: 0, limit: 10 });
  });

  it.each([
    [{ limit: '0' }, "'limit': must be an integer from 1 to 100"],
    [{ limit: '101' }, "'limit': must be an integer from 1 to 100"],
    [{ limit: 'ten' }, "'limit': must be an integer from 1 to 100"],
    [{ limit: ['1', '2'] }, "'limit': must be given once"],
    [{ offset: '-1' }, "'offset': must be an integer from 0 to 1000000"],
    [{ offset: '1.5' }, "'offset': must be an integer from 0 to 1000000"],
    [{ offset: '99999999' }, "'offset': must be an integer from 0 to 1000000"],
    [{ q: 'x'.repeat(201) }, "'q': must be at most 200 characters"],
    [{ q: ['a', 'b'] }, "'q': must be given once"],
    [
      { page: '2' },
      "Unknown query parameter(s) 'page': allowed are q, offset, limit",
    ],
  ])('rejects %j naming the parameter and the rule', (query, message) => {
    expect(() => parseItemsQuery(query)).toThrow(InputError);
    expect(() => parseItemsQuery(query)).toThrow(message);
  });
});
