import { SanctionsIdentifierIndex } from './identifier-index';
import {
  normaliseDocumentNumber,
  normaliseEmail,
  normalisePhone,
  normaliseWalletAddress,
  normaliseWebsite,
} from './identifier-normalisation';
import { emptySanctionedEntity } from './sanctioned-entity';

describe('identifier normalisation', () => {
  it('treats EVM hex addresses case-insensitively', () => {
    expect(normaliseWalletAddress('0xB6F5EC1A0A9CD1526536D3F0426C429529471F40')).toBe(
      '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40',
    );
  });

  it('keeps base58 addresses case-sensitive and lower-cases bech32', () => {
    expect(normaliseWalletAddress(' 1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ ')).toBe(
      '1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ',
    );
    expect(normaliseWalletAddress('1d6gg9ikehpittcwrjiniuj1jym2hneafj')).not.toBe(
      '1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ',
    );
    expect(normaliseWalletAddress('BC1QVHNFKNW852EPHXYC5HM4Q520ZMVF9MAPHETC9Z')).toBe(
      'bc1qvhnfknw852ephxyc5hm4q520zmvf9maphetc9z',
    );
  });

  it('normalises e-mails, websites, phones and document numbers', () => {
    expect(normaliseEmail('Khoroshev1+ops@ICLOUD.com')).toBe('khoroshev1@icloud.com');
    expect(normaliseEmail('k.i.m@gmail.com')).toBe('kim@gmail.com');
    expect(normaliseWebsite('https://www.Example.com:443/path?q=1')).toBe('example.com');
    expect(normalisePhone('+86 133-1425-7947')).toBe('8613314257947');
    expect(normalisePhone('0086 13314257947')).toBe('8613314257947');
    expect(normaliseDocumentNumber('bd 384-3329')).toBe('BD3843329');
  });
});

describe('SanctionsIdentifierIndex', () => {
  const listed = emptySanctionedEntity('ofac-sdn', '43377', 'KIM, Sang Man', 'person');
  listed.wallets = [
    { chain: 'ETH', address: '0xb6f5ec1a0a9cd1526536d3f0426c429529471f40' },
    { chain: 'XBT', address: '1D6gG9iKEhPitTcWRJiniuj1jYM2hNeAfJ' },
  ];
  listed.emails = ['sitedev5@yandex.ru'];
  listed.phones = ['8613314257947'];
  listed.identifiers = [{ type: 'passport', value: '109420132', country: 'KP' }];
  const index = new SanctionsIdentifierIndex([listed]);

  it('reports an exact hit as a critical alert whatever the formatting', () => {
    const hits = index.lookup({
      wallets: ['0xB6F5EC1A0A9CD1526536D3F0426C429529471F40'],
      emails: ['SiteDev5@Yandex.ru'],
      phones: ['+86 133 1425 7947'],
      documents: ['109 420 132'],
    });
    expect(hits.map((hit) => hit.channel)).toEqual(['wallet', 'email', 'phone', 'document']);
    expect(hits.every((hit) => hit.severity === 'critical' && hit.entity === listed)).toBe(true);
  });

  it('does not hit a base58 address with different case, or a short phone fragment', () => {
    expect(index.lookup({ wallets: ['1d6gg9ikehpittcwrjiniuj1jym2hneafj'] })).toEqual([]);
    expect(index.lookup({ phones: ['7947'] })).toEqual([]);
  });
});
