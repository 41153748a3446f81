import { compareNames, DEFAULT_REVIEW_THRESHOLD } from './name-matcher';

const score = (query: string, candidate: string) => compareNames(query, candidate).score;
const matches = (query: string, candidate: string) => score(query, candidate) >= DEFAULT_REVIEW_THRESHOLD;

describe('compareNames', () => {
  it('scores identical names 1 and explains the evidence', () => {
    const result = compareNames('Kim Jong Un', 'KIM, Jong Un');
    expect(result.score).toBe(1);
    expect(result.reasons.join(' ')).toContain('kim~kim');
  });

  it.each([
    ['Gim Jeong-eun', 'KIM, Jong Un'],
    ['Kim Chŏng-ŭn', 'KIM, Jong Un'],
    ['Kim Jongun', 'KIM, Jong Un'],
    ['Rhee Song Hyok', 'RI, Song Hyok'],
    ['No Kwang Chol', 'RO, Kwang Chol'],
    ['Choi Bu Il', 'CHOE, Pu Il'],
    ['Kim Kum Chul', 'KIM, Geum Cheol'],
    ["Kim Kyo'ng-il", 'KIM KYONG IL'],
  ])('matches Korean romanisation variants: %s ~ %s', (query, candidate) => {
    expect(matches(query, candidate)).toBe(true);
  });

  it.each([
    ['김정은', 'Kim Jong Un'],
    ['金正恩', 'Kim Jong Un'],
    ['习近平', 'Xi Jinping'],
    ['Иван Иванов', 'Ivan Ivanov'],
    ['محمد علي', 'Mohamed Ali'],
    ['Νικόλαος', 'Nikolaos'],
  ])('matches across scripts: %s ~ %s', (query, candidate) => {
    expect(matches(query, candidate)).toBe(true);
  });

  it('matches a Mandarin reading of the Hanja of a Korean name', () => {
    expect(matches('Li Cheng He', 'RI SONG HYOK')).toBe(true);
  });

  it('accepts reordering explained by a comma or a surname moved to the end', () => {
    expect(matches('MUN CHOL, KIM', 'KIM MUN CHOL')).toBe(true);
    expect(matches('Chang-Su Han', 'HAN JANG SU')).toBe(true);
    expect(matches('Yunhe Wang', 'WANG, Yunhe')).toBe(true);
  });

  it('penalises a reordering nothing explains', () => {
    expect(score('Friedrich Hans', 'Hans Friedrich')).toBeLessThan(DEFAULT_REVIEW_THRESHOLD);
  });

  it('tolerates typing slips, also in short syllables', () => {
    expect(matches('KIM SKO CHOL', 'KIM SOK CHOL')).toBe(true); // swapped letters
    expect(matches('SSON MUN SAN', 'SON MUN SAN')).toBe(true); // doubled letter
    expect(matches('LAUREN TNKUNDA', 'LAURENT NKUNDA')).toBe(true); // moved word boundary
    expect(matches('ARIS MUNANADR', 'ARIS MUNANDAR')).toBe(true);
  });

  it('does not take a different valid syllable for a typo', () => {
    expect(matches('KIM YONG CHOL', 'KIM SONG CHOL')).toBe(false);
    expect(matches('KIM, Mun Chol', 'KIM, Min Chol')).toBe(false);
  });

  it('tells apart listed people who share a surname', () => {
    expect(matches('Kim Jong Nam', 'KIM, Jong Un')).toBe(false);
    expect(matches('Kim Yo Jong', 'KIM, Jong Un')).toBe(false);
    expect(matches('PAK, Kwang Hun', 'PAK, Jong Chon')).toBe(false);
  });

  it('never matches on a surname alone', () => {
    expect(matches('Kim', 'KIM, Jong Un')).toBe(false);
    expect(matches('KIM, Sok Chol', 'KIM, Chol')).toBe(false);
  });

  it('costs little for a missing patronymic but a lot for a different one', () => {
    expect(score('Sergey Lavrov', 'LAVROV, Sergey Viktorovich')).toBeGreaterThanOrEqual(
      DEFAULT_REVIEW_THRESHOLD,
    );
    expect(score('Sergey Viktorovich Lavrov', 'Sergey Ivanevich LAVROV')).toBeLessThan(
      DEFAULT_REVIEW_THRESHOLD,
    );
  });

  it('treats legal forms as low-weight and their spellings as equal', () => {
    expect(
      matches(
        'Chinyong Information Technology Cooperation Co',
        'CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY',
      ),
    ).toBe(true);
    expect(matches('Goldman Sachs & Co. L.L.C.', 'Goldman Sachs & Co. LLC')).toBe(true);
    expect(matches('CRYSTALORD SYSTEMS LIMITED', 'CRYSTALORD LTD')).toBe(false);
    expect(matches('Apollo Investment Fund VIII L.P.', 'Apollo Investment Fund IX L.P.')).toBe(false);
  });

  it('does not match a name made only of initials', () => {
    expect(matches('N.N.', 'Nursultan Nazarbayev')).toBe(false);
  });

  it('is deterministic and bounded', () => {
    const first = compareNames('Gim Jeong-eun', 'KIM, Jong Un');
    expect(compareNames('Gim Jeong-eun', 'KIM, Jong Un')).toEqual(first);
    expect(first.score).toBeGreaterThan(0);
    expect(first.score).toBeLessThanOrEqual(1);
    expect(compareNames('', 'KIM, Jong Un').score).toBe(0);
  });
});

describe('compareNames with context', () => {
  const name = ['Kim Jong Un', 'KIM, Jong Un'] as const;

  it('lowers the score when dates of birth are years apart', () => {
    const result = compareNames(...name, {
      query: { datesOfBirth: ['1990-01-01'] },
      candidate: { datesOfBirth: ['1984-01-08'] },
    });
    expect(result.score).toBeLessThan(0.85);
    expect(result.reasons.join(' ')).toContain('year of birth 6 years apart');
  });

  it('does not penalise a DPRK-listed person claiming a neighbour nationality', () => {
    const claimed = compareNames(...name, {
      query: { nationalities: ['CN'] },
      candidate: { nationalities: ['KP'] },
    });
    const unrelated = compareNames(...name, {
      query: { nationalities: ['BR'] },
      candidate: { nationalities: ['KP'] },
    });
    expect(claimed.score).toBe(1);
    expect(unrelated.score).toBeLessThan(1);
  });

  it('lowers the score when genders differ, and changes nothing when one side is silent', () => {
    expect(
      compareNames(...name, { query: { gender: 'female' }, candidate: { gender: 'male' } }).score,
    ).toBeLessThan(0.9);
    expect(compareNames(...name, { query: {}, candidate: { gender: 'male' } }).score).toBe(1);
  });
});
