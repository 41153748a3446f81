import { parseArguments, requireOption, UsageError } from './cli-arguments';

describe('parseArguments', () => {
  it('separates positionals from --options in either form', () => {
    const parsed = parseArguments(['marketplace', 'create', 'acme', '--name', 'Acme Inc', '--x=1']);
    expect(parsed.positionals).toEqual(['marketplace', 'create', 'acme']);
    expect(parsed.options.get('name')).toBe('Acme Inc');
    expect(parsed.options.get('x')).toBe('1');
  });
  it('reports a missing value or option clearly', () => {
    expect(() => parseArguments(['--name'])).toThrow(new UsageError('--name needs a value'));
    expect(() => requireOption(parseArguments([]), 'scopes')).toThrow('--scopes is required');
  });
});
