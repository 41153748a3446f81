import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseEuConsolidatedCsv } from './eu-consolidated-csv.parser';

describe('EU consolidated CSV parser (authored sample in the published 1.1 column format)', () => {
  const entities = parseEuConsolidatedCsv(
    readFileSync(path.join(__dirname, 'fixtures/eu-consolidated-sample.csv'), 'utf8'),
  );
  const byId = new Map(entities.map((entity) => [entity.sourceId, entity]));

  it('groups sub-record rows into one entity per logical id', () => {
    expect(entities.map((entity) => entity.sourceId)).toEqual(['EU.4037.67', 'EU.5152.79', 'EU.9876.12']);
  });

  it('collects names, gender, birth date, citizenship, documents and addresses of a person', () => {
    expect(byId.get('EU.4037.67')).toMatchObject({
      list: 'eu',
      kind: 'person',
      primaryName: 'RI Won Ho',
      aliases: [
        { name: 'Ri Won-ho', strength: 'strong' },
        { name: '리원호', strength: 'strong' },
      ],
      gender: 'male',
      datesOfBirth: ['1964-07-17'],
      nationalities: ['KP'],
      programs: ['PRK'],
      identifiers: [{ type: 'passport', value: '381310014', country: 'KP' }],
    });
  });

  it('reads an enterprise with its contact e-mail and website', () => {
    const sobaeksu = byId.get('EU.9876.12');
    expect(sobaeksu?.kind).toBe('organisation');
    expect(sobaeksu?.emails).toEqual(['sobaeksu@star-co.net.kp']);
    expect(sobaeksu?.websites).toEqual(['www.sobaeksu-tc.com']);
    expect(sobaeksu?.identifiers).toEqual([
      { type: 'registration-number', value: 'KP-7717-2019', country: 'KP' },
    ]);
  });
});
