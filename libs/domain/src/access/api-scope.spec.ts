import { parseApiScopes } from './api-scope';

describe('parseApiScopes', () => {
  it('parses, trims and de-duplicates a csv list', () => {
    expect(parseApiScopes('signals:write, risk:read,signals:write')).toEqual(['signals:write', 'risk:read']);
  });
  it('rejects unknown and empty lists with a clear message', () => {
    expect(() => parseApiScopes('signals:write,admin')).toThrow('unknown scope "admin"');
    expect(() => parseApiScopes(' , ')).toThrow('no scopes given');
  });
});
