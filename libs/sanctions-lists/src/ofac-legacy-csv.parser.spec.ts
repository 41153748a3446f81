import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseOfacLegacyCsv } from './ofac-legacy-csv.parser';
import { parseOfacDate, parseOfacRemarks } from './ofac-remarks.parser';
import { SANCTIONS_DATA } from './test-data';

const read = (...parts: string[]) => readFileSync(path.join(SANCTIONS_DATA, ...parts), 'utf8');
const set = (folder: string) => ({
  sdn: read(folder, 'sdn.csv'),
  alt: read(folder, 'alt.csv'),
  add: read(folder, 'add.csv'),
  comments: read(folder, 'sdn_comments.csv'),
});

describe('OFAC legacy CSV parser on the July 2021 set', () => {
  const entities = parseOfacLegacyCsv(set('ofac-2021-07'));
  const byId = new Map(entities.map((entity) => [entity.sourceId, entity]));

  it('reads every sdn.csv row', () => {
    expect(entities).toHaveLength(8976);
    expect(entities.every((entity) => entity.list === 'ofac-sdn' && entity.primaryName.length > 0)).toBe(
      true,
    );
  });

  it('joins strong aliases, addresses, programs and remark facts', () => {
    const kim = byId.get('20157');
    expect(kim?.primaryName).toBe('KIM, Jong Un');
    expect(kim?.kind).toBe('person');
    expect(kim?.programs).toEqual(['DPRK3']);
    const yan = byId.get('25308');
    expect(yan?.datesOfBirth).toEqual(['1977-03-25']);
    expect(yan?.nationalities).toEqual(['CN']);
    expect(yan?.gender).toBe('male');
    expect(yan?.wallets).toHaveLength(6);
    expect(yan?.wallets[0]).toEqual({ chain: 'XBT', address: '12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h' });
    expect(yan?.aliases).toEqual(expect.arrayContaining([{ name: 'ZHOU, William', strength: 'weak' }]));
    expect(yan?.identifiers).toEqual(
      expect.arrayContaining([expect.objectContaining({ value: '421002197703250019', country: 'CN' })]),
    );
  });

  it('continues remarks cut mid-word into sdn_comments.csv', () => {
    expect(byId.get('28263')?.aliases).toEqual(
      expect.arrayContaining([{ name: 'snowsjohn', strength: 'weak' }]),
    );
    expect(byId.get('28264')?.phones).toEqual(expect.arrayContaining(['8613314257947', '8618004121000']));
    expect(byId.get('29703')?.wallets).toEqual(
      expect.arrayContaining([{ chain: 'ETH', address: '0x8576acc5c05d6ce88f4e49bf65bdf0c62f91353c' }]),
    );
  });
});

describe('OFAC legacy CSV parser on the mini fixture and the 2025 DPRK extract', () => {
  it('reads e-mails, a bech32 wallet, a tax ID and strong aliases (mini fixture)', () => {
    const entities = parseOfacLegacyCsv(set('ofac-mini-fixture'));
    const khoroshev = entities.find((entity) => entity.sourceId === '48603');
    expect(khoroshev?.emails).toEqual(['khoroshev1@icloud.com', 'sitedev5@yandex.ru']);
    expect(khoroshev?.wallets).toEqual([
      { chain: 'XBT', address: 'bc1qvhnfknw852ephxyc5hm4q520zmvf9maphetc9z' },
    ]);
    expect(khoroshev?.identifiers).toEqual(
      expect.arrayContaining([{ type: 'tax-id', value: '366110340670', country: 'RU' }]),
    );
    expect(khoroshev?.aliases.filter((alias) => alias.strength === 'strong')).toHaveLength(3);
    expect(khoroshev?.addresses).toEqual(['Russia']);
    expect(entities.find((entity) => entity.sourceId === '47371')?.kind).toBe('vessel');
  });

  it('reads the DPRK IT-worker designations from sdn.csv alone', () => {
    const entities = parseOfacLegacyCsv({ sdn: read('ofac-2025-dprk-extract', 'sdn_dprk_it_extract.csv') });
    expect(entities).toHaveLength(27);
    const kim = entities.find((entity) => entity.sourceId === '43377');
    expect(kim?.wallets.map((wallet) => wallet.chain)).toEqual(['XBT', 'XBT', 'ETH', 'ETH', 'USDT', 'USDC']);
    expect(kim?.identifiers.filter((identifier) => identifier.type === 'passport')).toHaveLength(3);
    expect(kim?.nationalities).toEqual(['KP']);
    const chinyong = entities.find((entity) => entity.sourceId === '43379');
    expect(chinyong?.kind).toBe('organisation');
    expect(chinyong?.programs).toContain('DPRK2');
    const ro = entities.find((entity) => entity.sourceId === '52116');
    expect(ro?.aliases.map((alias) => alias.name)).toEqual(expect.arrayContaining(['NO, Kwang Chol']));
  });
});

describe('OFAC remarks', () => {
  it('parses date forms', () => {
    expect(parseOfacDate('07 May 1966')).toBe('1966-05-07');
    expect(parseOfacDate('May 1966')).toBe('1966-05');
    expect(parseOfacDate('circa 1961')).toBe('1961');
    expect(parseOfacDate('01 Jan 1937 to 31 Dec 1938')).toBe('1937/1938');
  });

  it('reads weak aliases, documents and identifiers with alt. prefixes', () => {
    const facts = parseOfacRemarks(
      "DOB 1961; nationality Korea, North; Gender Male; Passport 836210029 (Korea, North); alt. Passport 472410010; Website www.chinyong.com; Email Address a@b.kp; a.k.a. 'JINYONG IT'.",
    );
    expect(facts.nationalities).toEqual(['KP']);
    expect(facts.identifiers).toEqual([
      { type: 'passport', value: '836210029', country: 'KP' },
      { type: 'passport', value: '472410010' },
    ]);
    expect(facts.websites).toEqual(['www.chinyong.com']);
    expect(facts.emails).toEqual(['a@b.kp']);
    expect(facts.weakAliases).toEqual([{ name: 'JINYONG IT', strength: 'weak' }]);
  });
});
