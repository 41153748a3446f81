import { Pseudonymiser } from '@tns/domain/signals';
import { IdentifierMemory } from './identifier-memory';

const pseudonymiser = new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: 'a-secret-of-at-least-thirty-two-bytes' } });

describe('IdentifierMemory', () => {
  it('gives the pseudonymiser’s pseudonym, per kind', () => {
    const memory = new IdentifierMemory(pseudonymiser);
    expect(memory.recall('email', 'a@x.test').pseudonym).toBe(pseudonymiser.pseudonymise('email', 'a@x.test'));
    expect(memory.recall('phone', 'a@x.test').pseudonym).toBe(pseudonymiser.pseudonymise('phone', 'a@x.test'));
  });

  it('answers a value seen before with the same entry, keeping what was noted on it', () => {
    const memory = new IdentifierMemory(pseudonymiser);
    const first = memory.recall('ip', '192.0.2.1');
    first.rawStoredFor = 'marketplace-a';
    const again = memory.recall('ip', '192.0.2.1');
    expect(again).toBe(first);
    expect(again.rawStoredFor).toBe('marketplace-a');
    expect(memory.recall('device', '192.0.2.1').rawStoredFor).toBeUndefined();
  });

  it('forgets values not seen for two generations: a new entry knows nothing stored', () => {
    const memory = new IdentifierMemory(pseudonymiser, 2);
    const first = memory.recall('ip', '192.0.2.1');
    first.rawStoredFor = 'marketplace-a';
    for (const value of ['192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5']) memory.recall('ip', value);
    const again = memory.recall('ip', '192.0.2.1');
    expect(again).not.toBe(first);
    expect(again.pseudonym).toBe(first.pseudonym);
    expect(again.rawStoredFor).toBeUndefined();
  });
});
