import { buildSchema, parse, validate } from 'graphql';
import { queryCostRule } from './query-cost.rule';

const schema = buildSchema(`
  type Item { id: ID!  children(first: Int): [Item!]! }
  type Query { items(first: Int): [Item!]!  one: Item }
`);

const errorsOf = (query: string, maxCost = 1_000): string[] =>
  validate(schema, parse(query), [queryCostRule(maxCost)]).map((error) => error.message);

describe('queryCostRule', () => {
  it('lets an ordinary query through', () => {
    expect(errorsOf('{ items(first: 100) { id children(first: 5) { id } } }')).toEqual([]);
  });

  it('multiplies nested pages and refuses what costs too much', () => {
    expect(errorsOf('{ items(first: 100) { id children(first: 100) { id } } }')).toEqual([
      expect.stringMatching(/too costly \(\d+; at most 1000\)/),
    ]);
  });

  it('counts aliases and fragments, not just distinct fields', () => {
    const aliases = Array.from({ length: 400 }, (_, i) => `a${i}: one { ...F }`).join(' ');
    expect(errorsOf(`{ ${aliases} } fragment F on Item { id children(first: 1) { id } }`)).toHaveLength(1);
  });

  it('refuses literal page sizes outside 1–100', () => {
    expect(errorsOf('{ items(first: 101) { id } }')).toEqual(['"first" must be between 1 and 100']);
    expect(errorsOf('{ items(first: 0) { id } }')).toEqual(['"first" must be between 1 and 100']);
  });
});
