import { Pseudonymiser } from '@tns/domain/signals';
import { IdentifierMemory } from './identifier-memory';

const pseudonymiser = new Pseudonymiser({ currentKeyId: 'k1', keys: { k1: 'a-secret-of-at-least-thirty-two-bytes' } });

describe('IdentifierMemory', () => {
  it('gives the pseudonymiser’s pseudonym, per kind', () => {
    const memory = new IdentifierMemory(pseudonymiser);
    const email = memory.recall('email', 'a@x.test');
    expect(memory.pseudonymOf(email)).toBe(pseudonymiser.pseudonymise('email', 'a@x.test'));
    const phone = memory.recall('phone', 'a@x.test');
    expect(memory.pseudonymOf(phone)).toBe(pseudonymiser.pseudonymise('phone', 'a@x.test'));
  });

  it('tells values apart exactly, whatever their text and however many share the table', () => {
    const memory = new IdentifierMemory(pseudonymiser, 5_000);
    const values = ['ünï@例え.jp', '\u{1F600}@x.test', '', 'a', 'A', ...Array.from({ length: 4_000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`)];
    const refs = values.map((value) => memory.recall('ip', value));
    values.forEach((value, i) => {
      expect(memory.recall('ip', value)).toBe(refs[i]);
      expect(memory.pseudonymOf(refs[i])).toBe(pseudonymiser.pseudonymise('ip', value));
    });
  });

  it('keeps what was noted on an entry, per marketplace and account', () => {
    const memory = new IdentifierMemory(pseudonymiser);
    const ip = memory.recall('ip', '192.0.2.1');
    expect(memory.isRawStored(ip, 'marketplace-a')).toBe(false);
    memory.noteRawStored(ip, 'marketplace-a');
    const again = memory.recall('ip', '192.0.2.1');
    expect(again).toBe(ip);
    expect(memory.isRawStored(again, 'marketplace-a')).toBe(true);
    expect(memory.isRawStored(again, 'marketplace-b')).toBe(false);
    expect(memory.isRawStored(memory.recall('device', '192.0.2.1'), 'marketplace-a')).toBe(false);

    const email = memory.recall('email', 'a@x.test');
    memory.noteLinked(email, 'marketplace-a', 'acct-1');
    expect(memory.isLinked(email, 'marketplace-a', 'acct-1')).toBe(true);
    expect(memory.isLinked(email, 'marketplace-a', 'acct-2')).toBe(false);
    expect(memory.isLinked(email, 'marketplace-b', 'acct-1')).toBe(false);
    memory.noteLinked(email, 'marketplace-a', 'acct-2');
    expect(memory.isLinked(email, 'marketplace-a', 'acct-2')).toBe(true);
    expect(memory.isLinked(email, 'marketplace-a', 'acct-1')).toBe(false);
  });

  it('carries an entry seen again in the old generation over, with its notes', () => {
    const memory = new IdentifierMemory(pseudonymiser, 2);
    const email = memory.recall('email', 'a@x.test');
    memory.noteRawStored(email, 'marketplace-a');
    memory.noteLinked(email, 'marketplace-a', 'acct-1');
    memory.recall('ip', '192.0.2.2');
    memory.recall('ip', '192.0.2.3'); // the first two are now the old generation
    const carried = memory.recall('email', 'a@x.test');
    expect(memory.isRawStored(carried, 'marketplace-a')).toBe(true);
    expect(memory.isLinked(carried, 'marketplace-a', 'acct-1')).toBe(true);
    expect(memory.pseudonymOf(carried)).toBe(pseudonymiser.pseudonymise('email', 'a@x.test'));
  });

  it('forgets values not seen for two generations, and drops notes on a forgotten entry', () => {
    const memory = new IdentifierMemory(pseudonymiser, 2);
    const first = memory.recall('ip', '192.0.2.1');
    for (const value of ['192.0.2.2', '192.0.2.3', '192.0.2.4', '192.0.2.5']) memory.recall('ip', value);
    memory.noteRawStored(first, 'marketplace-a'); // its entry is gone: nothing to note on
    expect(memory.isRawStored(first, 'marketplace-a')).toBe(false);
    expect(() => memory.pseudonymOf(first)).toThrow(/forgotten/);
    const again = memory.recall('ip', '192.0.2.1');
    expect(again).not.toBe(first);
    expect(memory.pseudonymOf(again)).toBe(pseudonymiser.pseudonymise('ip', '192.0.2.1'));
    expect(memory.isRawStored(again, 'marketplace-a')).toBe(false);
  });

  it('starts a generation early when the text of its keys fills it', () => {
    const memory = new IdentifierMemory(pseudonymiser, 10); // room for 400 UTF-16 units of text
    const long = (n: number): string => `${n}@${'x'.repeat(150)}.test`;
    const refs = [0, 1, 2, 3, 4, 5].map((n) => memory.recall('email', long(n)));
    expect(memory.pseudonymOf(refs[5])).toBe(pseudonymiser.pseudonymise('email', long(5)));
    expect(() => memory.pseudonymOf(refs[0])).toThrow(/forgotten/);
  });

  it('refuses an identifier kind it does not know', () => {
    expect(() => new IdentifierMemory(pseudonymiser).recall('shoe_size', '44')).toThrow(/unknown identifier kind/);
  });
});
