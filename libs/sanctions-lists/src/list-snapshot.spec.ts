import * as path from 'node:path';
import { SanctionsIdentifierIndex, SanctionsNameIndex, nameBlockingKeys } from '@tns/domain/sanctions';
import { affectedNameKeys, detectListFormat, diffSnapshots, parseSanctionsList } from './list-snapshot';
import { scorePairsCsv } from './score-pairs-csv';
import { readCsvRecords } from './csv-reader';
import { ofacSet, SANCTIONS_DATA } from './test-data';

const UN_FILE = path.join(SANCTIONS_DATA, 'un-2026-02/UN_consolidated.xml');
const EU_FILE = path.join(__dirname, 'fixtures/eu-consolidated-sample.csv');
const DPRK_EXTRACT = path.join(SANCTIONS_DATA, 'ofac-2025-dprk-extract/sdn_dprk_it_extract.csv');

describe('list snapshots', () => {
  it('detects each list format', () => {
    expect(detectListFormat([UN_FILE])).toBe('un-xml');
    expect(detectListFormat([EU_FILE])).toBe('eu-csv');
    expect(detectListFormat(ofacSet('ofac-mini-fixture'))).toBe('ofac-sdn-csv');
  });

  it('versions a snapshot by content, independent of file order', () => {
    const a = parseSanctionsList('ofac-sdn-csv', ofacSet('ofac-mini-fixture'));
    const b = parseSanctionsList('ofac-sdn-csv', [...ofacSet('ofac-mini-fixture')].reverse());
    const other = parseSanctionsList('ofac-sdn-csv', [DPRK_EXTRACT]);
    expect(a.version).toMatch(/^[0-9a-f]{64}$/);
    expect(b.version).toBe(a.version);
    expect(other.version).not.toBe(a.version);
  });

  it('diffs snapshots and names only the keys a change can affect', () => {
    const before = parseSanctionsList('ofac-sdn-csv', [DPRK_EXTRACT]).entities;
    const after = before
      .filter((entity) => entity.sourceId !== '52116')
      .map((entity) =>
        entity.sourceId === '43377'
          ? { ...entity, aliases: [...entity.aliases, { name: 'KIM Sangman', strength: 'weak' as const }] }
          : entity,
      );
    const diff = diffSnapshots(before, after);
    expect(diff.removed.map((entity) => entity.sourceId)).toEqual(['52116']);
    expect(diff.changed.map((change) => change.after.sourceId)).toEqual(['43377']);
    const keys = affectedNameKeys(diff);
    // An account named like the removed entity must be rescreened; an unrelated one need not be.
    expect(nameBlockingKeys('No Kwang Chol').some((key) => keys.has(key))).toBe(true);
    expect(nameBlockingKeys('Olaf Scholz').some((key) => keys.has(key))).toBe(false);
  });
});

describe('screening on the real lists', () => {
  const entities = [
    ...parseSanctionsList('ofac-sdn-csv', ofacSet('ofac-2021-07')).entities,
    ...parseSanctionsList('un-xml', [UN_FILE]).entities,
    ...parseSanctionsList('ofac-sdn-csv', [DPRK_EXTRACT]).entities,
  ];
  const names = new SanctionsNameIndex(entities);
  const identifiers = new SanctionsIdentifierIndex(entities);

  it('finds Kim Jong Un under every romanisation and script', () => {
    for (const query of ['Kim Jong-un', 'Gim Jeong-eun', 'Kim Chŏng-ŭn', '김정은', '金正恩']) {
      expect(names.search(query)[0]?.entity.sourceId).toBe('20157');
    }
  });

  it('finds the IT-worker front company and its CEO', () => {
    expect(names.search('Chinyong Information Technology Cooperation Co.')[0]?.entity.sourceId).toBe('43379');
    expect(names.search('Kim Sangman')[0]?.entity.sourceId).toBe('43377');
  });

  it('raises a critical identifier hit for a listed wallet', () => {
    const [hit] = identifiers.lookup({ wallets: ['0xB6F5EC1A0A9CD1526536D3F0426C429529471F40'] });
    expect(hit).toMatchObject({ severity: 'critical', channel: 'wallet' });
    expect(hit.entity.sourceId).toBe('43377');
  });
});

describe('score-pairs CSV (contract §6)', () => {
  it('copies every column through and adds score and match', () => {
    const output = scorePairsCsv(
      'case,query,candidate\nc1,Gim Jeong-eun,"KIM, Jong Un"\nc2,Kim Yo Jong,"KIM, Jong Un"\n',
    );
    const { header, records } = readCsvRecords(output);
    expect(header).toEqual(['case', 'query', 'candidate', 'score', 'match']);
    expect(records.map((record) => [record.case, record.match])).toEqual([
      ['c1', 'true'],
      ['c2', 'false'],
    ]);
    expect(Number(records[0].score)).toBeGreaterThan(0.85);
  });

  it('rejects input without query and candidate columns', () => {
    expect(() => scorePairsCsv('a,b\n1,2\n')).toThrow(/query,candidate/);
  });
});
