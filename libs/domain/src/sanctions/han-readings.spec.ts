import { hanReading, koreanReadingsOfPinyin, readHanName } from './han-readings';
import { mandarinKey } from './chinese-romanisation';
import { areEquivalentSurnames } from './surname-equivalence';

describe('Hanzi / Hanja readings', () => {
  it('reads 金 as the surname Kim in first place and Kum elsewhere', () => {
    expect(hanReading('金')).toEqual({ pinyin: 'jin', korean: 'geum', koreanSurname: 'gim' });
    const korean = readHanName(['金正恩']).find((reading) => reading.system === 'korean');
    expect(korean?.tokens).toEqual([['gim'], ['jeong'], ['eun']]);
  });

  it('gives the Mandarin reading of a Chinese name', () => {
    const mandarin = readHanName(['习近平']).find((reading) => reading.system === 'mandarin');
    expect(mandarin?.tokens).toEqual([['xi'], ['jin'], ['ping']]);
  });

  it('gives Japanese name readings with alternatives', () => {
    const japanese = readHanName(['田中花子']).find((reading) => reading.system === 'japanese');
    expect(japanese?.tokens).toEqual([['ta', 'da'], ['naka'], ['hana'], ['ko']]);
  });

  it('bridges a pinyin syllable to the Korean readings of its characters', () => {
    expect(koreanReadingsOfPinyin('he')).toEqual(expect.arrayContaining(['hyeok', 'hwa', 'ha']));
    expect(koreanReadingsOfPinyin('zheng')).toContain('jeong');
  });

  it('returns no reading when a character is not in the table', () => {
    expect(readHanName(['鼎鼐'])).toEqual([]);
  });
});

describe('Chinese romanisation folding', () => {
  it('folds Wade–Giles onto pinyin', () => {
    expect(mandarinKey('hsi')?.key).toBe(mandarinKey('xi')?.key);
    expect(mandarinKey('chinping')?.key).toBe(mandarinKey('jinping')?.key);
    expect(mandarinKey('chung')?.key).toBe(mandarinKey('zhong')?.key);
  });
});

describe('surname equivalence', () => {
  it('links spellings no sound rule derives', () => {
    expect(areEquivalentSurnames('park', 'piao')).toBe(true);
    expect(areEquivalentSurnames('choi', 'cui')).toBe(true);
    expect(areEquivalentSurnames('lau', 'liu')).toBe(true);
    expect(areEquivalentSurnames('kim', 'park')).toBe(false);
  });
});
