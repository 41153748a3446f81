import { colludingClientsOf, type LinkAttributes, NO_LINK_ATTRIBUTES } from './link-rules';

const attributes = (entries: Record<string, Partial<LinkAttributes>>): Map<string, LinkAttributes> =>
  new Map(Object.entries(entries).map(([accountId, partial]) => [accountId, { ...NO_LINK_ATTRIBUTES, ...partial }]));

describe('colludingClientsOf', () => {
  it('joins a client that hired two linked freelancers and five-starred one of them', () => {
    const known = attributes({ f1: { hiredBy: ['client'], fiveStarredBy: ['client'] }, f2: { hiredBy: ['client'] } });
    expect(colludingClientsOf('f1', ['f2'], known)).toEqual(['client']);
    expect(colludingClientsOf('f2', ['f1'], known)).toEqual(['client']);
  });

  it('leaves out a client that hired only one of them, or gave neither five stars', () => {
    expect(colludingClientsOf('f1', ['f2'], attributes({ f1: { hiredBy: ['client'], fiveStarredBy: ['client'] }, f2: {} }))).toEqual([]);
    expect(colludingClientsOf('f1', ['f2'], attributes({ f1: { hiredBy: ['client'] }, f2: { hiredBy: ['client'] } }))).toEqual([]);
  });

  it('leaves out a client of one supplier: two members of an agency, or the freelancers not linked at all', () => {
    const agency = attributes({
      m1: { agencyAccountId: 'agency', hiredBy: ['client'], fiveStarredBy: ['client'] },
      m2: { agencyAccountId: 'agency', hiredBy: ['client'], fiveStarredBy: ['client'] },
    });
    expect(colludingClientsOf('m1', ['m2'], agency)).toEqual([]);
    expect(colludingClientsOf('m1', [], agency)).toEqual([]);
  });
});
