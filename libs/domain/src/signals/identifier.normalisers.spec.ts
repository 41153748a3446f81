// The contract's "variants of one identifier are one identifier", normaliser by normaliser.
import { normaliseAddressKey } from './address.normaliser';
import { normaliseDeviceId } from './device-id.normaliser';
import { normaliseDocumentNumber } from './document-number.normaliser';
import { normaliseEmail } from './email.normaliser';
import { looksLikeIban, normaliseIban } from './iban.normaliser';
import { normaliseLegalNameWithDob } from './legal-name.normaliser';
import { normalisePayoutInstrument } from './payout-instrument.normaliser';
import { normalisePhone } from './phone.normaliser';
import { normaliseWalletAddress } from './wallet-address.normaliser';

const allEqual = (values: string[]) => expect(new Set(values).size).toBe(1);

describe('normaliseEmail', () => {
  it('folds case everywhere', () => {
    expect(normaliseEmail(' John.Doe@Example.COM ')).toBe('john.doe@example.com');
  });

  it('drops dots and +tags for Gmail, and folds googlemail.com into gmail.com', () => {
    allEqual(
      [
        'johndoe@gmail.com',
        'John.Doe@gmail.com',
        'j.o.h.n.d.o.e+upwork@GMAIL.com',
        'john.doe+a+b@googlemail.com',
        'johndoe@gmail.com.',
      ].map(normaliseEmail),
    );
    expect(normaliseEmail('John.Doe+x@googlemail.com')).toBe('johndoe@gmail.com');
  });

  it('drops +tags but keeps dots for providers that only ignore tags', () => {
    expect(normaliseEmail('john.doe+work@outlook.com')).toBe('john.doe@outlook.com');
    expect(normaliseEmail('john.doe+work@hotmail.co.uk')).toBe('john.doe@hotmail.co.uk');
    expect(normaliseEmail('john.doe+x@icloud.com')).toBe('john.doe@icloud.com');
    expect(normaliseEmail('john+x@me.com')).toBe('john@icloud.com');
    expect(normaliseEmail('john+x@protonmail.com')).toBe('john@proton.me');
    expect(normaliseEmail('john+x@pm.me')).toBe('john@proton.me');
    expect(normaliseEmail('john+x@fastmail.com')).toBe('john@fastmail.com');
    expect(normaliseEmail('john.doe@outlook.com')).not.toBe(normaliseEmail('johndoe@outlook.com'));
  });

  it("uses Yahoo's '-' separator", () => {
    expect(normaliseEmail('johndoe-upwork@yahoo.com')).toBe('johndoe@yahoo.com');
    expect(normaliseEmail('johndoe-x@yahoo.co.jp')).toBe('johndoe@yahoo.co.jp');
    expect(normaliseEmail('johndoe+x@yahoo.com')).toBe('johndoe+x@yahoo.com');
  });

  it('keeps tags and dots for unknown domains, and a leading separator', () => {
    expect(normaliseEmail('j.doe+sales@acme.io')).toBe('j.doe+sales@acme.io');
    expect(normaliseEmail('+tag@gmail.com')).toBe('+tag@gmail.com');
  });
});

describe('normalisePhone', () => {
  it('formats variants to one E.164 number, using the claimed country as default region', () => {
    const variants = [
      normalisePhone('(415) 555-2671', 'US'),
      normalisePhone('415.555.2671', 'US'),
      normalisePhone('+1 415 555 2671'),
      normalisePhone('+1-415-555-2671', 'DE'),
      normalisePhone('001 415 555 2671', 'DE'),
    ];
    expect(variants).toEqual(variants.map(() => ({ normalised: '+14155552671', wellFormed: true })));
    expect(normalisePhone('030 1234567', 'DE')).toEqual({ normalised: '+49301234567', wellFormed: true });
  });

  it('falls back to digits, flagged, when a number cannot be parsed', () => {
    expect(normalisePhone('555-2671')).toEqual({ normalised: '5552671', wellFormed: false });
    expect(normalisePhone('+999 12')).toEqual({ normalised: '+99912', wellFormed: false });
    expect(normalisePhone('5552671', 'AQ').wellFormed).toBe(false); // a region libphonenumber does not know
  });
});

describe('normaliseIban', () => {
  it('removes spaces and folds case', () => {
    allEqual(
      ['DE89370400440532013000', 'de89 3704 0044 0532 0130 00', 'De89-3704-0044-0532-0130-00'].map(
        (v) => normaliseIban(v).normalised,
      ),
    );
    expect(normaliseIban('gb82 west 1234 5698 7654 32')).toEqual({
      normalised: 'GB82WEST12345698765432',
      checksumValid: true,
    });
  });

  it('marks a bad checksum invalid but still normalises', () => {
    expect(normaliseIban('DE89 3704 0044 0532 0130 01')).toEqual({
      normalised: 'DE89370400440532013001',
      checksumValid: false,
    });
    expect(normaliseIban('DE00').checksumValid).toBe(false);
  });

  it('recognises the IBAN shape', () => {
    expect(looksLikeIban('de89 3704 0044 0532 0130 00')).toBe(true);
    expect(looksLikeIban('12345678')).toBe(false);
  });
});

describe('normaliseWalletAddress', () => {
  it('lower-cases hex EVM addresses (EIP-55 mixed case is only a checksum)', () => {
    allEqual(
      [
        '0x52908400098527886E0F7030069857D2E4169EE7',
        '0x52908400098527886e0f7030069857d2e4169ee7',
        ' 0x52908400098527886E0F7030069857D2E4169EE7 ',
      ].map(normaliseWalletAddress),
    );
  });

  it('lower-cases bech32 addresses and keeps base58 ones as given', () => {
    expect(normaliseWalletAddress('BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4')).toBe(
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    );
    expect(normaliseWalletAddress('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe(
      '1BoatSLRHtKNngkdXEeobR76b53LETtpyT',
    );
    expect(normaliseWalletAddress('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')).toBe(
      'TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE',
    );
  });
});

describe('normalisePayoutInstrument', () => {
  it('normalises by what the instrument is, not the method kind', () => {
    expect(normalisePayoutInstrument('paypal', 'John.Doe+pp@gmail.com')).toEqual({
      scheme: 'email',
      normalised: 'email:johndoe@gmail.com',
      wellFormed: true,
    });
    expect(normalisePayoutInstrument('wise', 'de89 3704 0044 0532 0130 00').normalised).toBe(
      'iban:DE89370400440532013000',
    );
    expect(normalisePayoutInstrument('bank', 'DE89370400440532013000').normalised).toBe(
      'iban:DE89370400440532013000',
    );
    expect(normalisePayoutInstrument('bank', 'DE89 3704 0044 0532 0130 01').wellFormed).toBe(false);
  });

  it('strips separators from account numbers and keys them by provider', () => {
    expect(normalisePayoutInstrument('bank', '12-3456 78/9.0').normalised).toBe('account:bank:1234567890');
    expect(normalisePayoutInstrument('payoneer', '1234567890').normalised).not.toBe(
      normalisePayoutInstrument('bank', '1234567890').normalised,
    );
  });

  it('lower-cases hex wallets for linking, across chains', () => {
    expect(normalisePayoutInstrument('crypto', '0xAbC0000000000000000000000000000000000DeF').normalised).toBe(
      'wallet:0xabc0000000000000000000000000000000000def',
    );
  });
});

describe('normaliseDocumentNumber', () => {
  it('keeps upper-case alphanumerics, prefixed by country and type', () => {
    allEqual(
      ['m12-345 678', 'M12345678', ' m 1 2 3 4 5 6 7 8 '].map((n) =>
        normaliseDocumentNumber(n, 'KR', 'passport'),
      ),
    );
    expect(normaliseDocumentNumber('m12-345 678', 'KR', 'passport')).toBe('KR:passport:M12345678');
  });

  it('keeps identical numbers from different countries or document types apart', () => {
    const numbers = [
      normaliseDocumentNumber('123456789', 'US', 'passport'),
      normaliseDocumentNumber('123456789', 'GB', 'passport'),
      normaliseDocumentNumber('123456789', 'US', 'driving_licence'),
      normaliseDocumentNumber('123456789'),
    ];
    expect(new Set(numbers).size).toBe(4);
    expect(numbers[3]).toBe('XX:other:123456789');
  });
});

describe('normaliseAddressKey', () => {
  it('folds case, whitespace, punctuation and common abbreviations', () => {
    allEqual([
      normaliseAddressKey({ line1: '12 Main Street, Apt 4', postalCode: '85001', country: 'US' }),
      normaliseAddressKey({ line1: '12  main st.  apt. 4', postalCode: '85001', country: 'US' }),
      normaliseAddressKey({ line1: '12 MAIN ST #4', postalCode: ' 85001 ', country: 'US' }),
      normaliseAddressKey({ line1: '12 Main Street Apartment 4', postalCode: '85001', country: 'US' }),
    ]);
    expect(normaliseAddressKey({ line1: '12 Main Street, Apt 4', postalCode: '85001', country: 'US' })).toBe(
      'US|85001|12 main st apt 4',
    );
    expect(normaliseAddressKey({ line1: 'Königstraße 5', postalCode: '70173', country: 'DE' })).toBe(
      'DE|70173|konigstrasse 5',
    );
    expect(normaliseAddressKey({ line1: '221B Baker Street', postalCode: 'nw1 6xe', country: 'GB' })).toBe(
      'GB|NW16XE|221b baker st',
    );
  });

  it('keeps different places apart', () => {
    const base = { line1: '12 Main Street', postalCode: '85001', country: 'US' };
    expect(normaliseAddressKey(base)).not.toBe(normaliseAddressKey({ ...base, line1: '14 Main Street' }));
    expect(normaliseAddressKey(base)).not.toBe(normaliseAddressKey({ ...base, postalCode: '85002' }));
    expect(normaliseAddressKey(base)).not.toBe(normaliseAddressKey({ ...base, country: 'CA' }));
  });
});

describe('other normalisers', () => {
  it('trims device ids but keeps their case', () => {
    expect(normaliseDeviceId('  Dev-ABC \n')).toBe('Dev-ABC');
  });

  it('keys legal name + birth date regardless of word order, case and diacritics', () => {
    allEqual(
      ['Kim Jong-Un', 'JONG UN KIM', 'kim, jong un'].map((n) => normaliseLegalNameWithDob(n, '1984-01-08')),
    );
    expect(normaliseLegalNameWithDob('José Álvarez', '1990-01-01')).toBe('alvarez jose|1990-01-01');
    expect(normaliseLegalNameWithDob('Kim Jong Un', '1984-01-08')).not.toBe(
      normaliseLegalNameWithDob('Kim Jong Un', '1984-01-09'),
    );
  });
});
