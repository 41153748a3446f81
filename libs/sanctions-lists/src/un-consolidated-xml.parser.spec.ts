import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseUnConsolidatedXml } from './un-consolidated-xml.parser';
import { SANCTIONS_DATA } from './test-data';

describe('UN consolidated XML parser (Feb 2026 list)', () => {
  const entities = parseUnConsolidatedXml(
    readFileSync(path.join(SANCTIONS_DATA, 'un-2026-02/UN_consolidated.xml'), 'utf8'),
  );
  const byId = new Map(entities.map((entity) => [entity.sourceId, entity]));

  it('reads 730 individuals and 273 entities, 80 and 75 of them in the DPRK regime', () => {
    expect(entities.filter((entity) => entity.kind === 'person')).toHaveLength(730);
    expect(entities.filter((entity) => entity.kind === 'organisation')).toHaveLength(273);
    expect(entities.filter((entity) => entity.sourceId.startsWith('KPi.'))).toHaveLength(80);
    expect(entities.filter((entity) => entity.sourceId.startsWith('KPe.'))).toHaveLength(75);
  });

  it('assembles an individual: name parts, good-quality alias, DOB, nationality, passport, address', () => {
    const kim = byId.get('KPi.067');
    expect(kim).toMatchObject({
      list: 'un',
      primaryName: 'KIM KYONG IL',
      programs: ['DPRK'],
      datesOfBirth: ['1979-08-01'],
      nationalities: ['KP'],
      addresses: ['Libya'],
    });
    expect(kim?.aliases).toEqual([{ name: "Kim Kyo'ng-il", strength: 'strong' }]);
    expect(kim?.identifiers).toEqual([{ type: 'passport', value: '836210029' }]);
  });

  it('reads entity aliases and marks low-quality aliases weak', () => {
    const komid = byId.get('KPe.001');
    expect(komid?.primaryName).toBe('KOREA MINING DEVELOPMENT TRADING CORPORATION');
    expect(komid?.aliases).toEqual(expect.arrayContaining([{ name: 'KOMID', strength: 'strong' }]));
    const weak = entities.flatMap((entity) => entity.aliases).filter((alias) => alias.strength === 'weak');
    expect(weak.length).toBeGreaterThan(0);
  });
});
