import { SanctionsNameIndex } from './candidate-index';
import { emptySanctionedEntity, type SanctionedEntity } from './sanctioned-entity';

function person(id: string, name: string, extra: Partial<SanctionedEntity> = {}): SanctionedEntity {
  return { ...emptySanctionedEntity('un', id, name, 'person'), ...extra };
}

// A list large enough that scanning it would show: 3,000 generated Korean-looking names.
const SYLLABLES = [
  'kwang',
  'song',
  'chol',
  'myong',
  'hyok',
  'il',
  'nam',
  'su',
  'ho',
  'sik',
  'man',
  'bok',
  'jin',
  'hun',
  'yon',
];
const SURNAMES = ['KIM', 'RI', 'PAK', 'CHOE', 'JONG', 'KANG', 'CHO', 'YUN', 'JANG', 'HAN'];
function generated(count: number): SanctionedEntity[] {
  const entities: SanctionedEntity[] = [];
  for (let index = 0; entities.length < count; index++) {
    const surname = SURNAMES[index % SURNAMES.length];
    const first = SYLLABLES[Math.floor(index / SURNAMES.length) % SYLLABLES.length];
    const second = SYLLABLES[Math.floor(index / (SURNAMES.length * SYLLABLES.length)) % SYLLABLES.length];
    const third = Math.floor(index / (SURNAMES.length * SYLLABLES.length * SYLLABLES.length));
    entities.push(
      person(`G${index}`, `${surname} ${first} ${second}${third > 0 ? ` ${'abcdefghij'[third % 10]}x` : ''}`),
    );
  }
  return entities;
}

describe('SanctionsNameIndex', () => {
  const kimJongUn = person('KPi.999', 'KIM JONG UN', {
    aliases: [{ name: '김정은', strength: 'strong' }],
    datesOfBirth: ['1984-01-08'],
    nationalities: ['KP'],
    gender: 'male',
  });
  const chinyong = {
    ...emptySanctionedEntity(
      'ofac-sdn',
      '43379',
      'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY',
      'organisation',
    ),
    aliases: [{ name: 'JINYONG IT COOPERATION COMPANY', strength: 'weak' as const }],
  };
  const index = new SanctionsNameIndex([...generated(3000), kimJongUn, chinyong]);

  it('finds a listed person under another romanisation, script or order', () => {
    for (const query of ['Gim Jeong-eun', 'Kim Jongun', '金正恩', 'Jong Un, Kim']) {
      const [top] = index.search(query);
      expect(top?.entity.sourceId).toBe('KPi.999');
    }
  });

  it('scores only a small share of the entries, never all of them', () => {
    index.search('Gim Jeong-eun');
    expect(index.lastSearch.candidatesScored).toBeGreaterThan(0);
    expect(index.lastSearch.candidatesScored).toBeLessThan(index.nameCount / 20);
  });

  it('reports a weak alias as such, below the strong name it would otherwise equal', () => {
    const [hit] = index.search('Jinyong IT Cooperation Co', { minScore: 0.5 });
    expect(hit.entity.sourceId).toBe('43379');
    expect(hit.strength).toBe('weak');
    expect(hit.reasons).toContain('matched a weak alias');
  });

  it('returns nothing above the threshold for a same-surname different person', () => {
    expect(index.search('Kim Yo Jong').some((hit) => hit.entity.sourceId === 'KPi.999')).toBe(false);
  });

  it('applies context: a far-off date of birth pushes a hit below the threshold', () => {
    expect(index.search('Kim Jong Un', { context: { datesOfBirth: ['1984-01-08'] } })[0].score).toBe(1);
    expect(index.search('Kim Jong Un', { context: { datesOfBirth: ['1960'] } })).toEqual([]);
  });
});
