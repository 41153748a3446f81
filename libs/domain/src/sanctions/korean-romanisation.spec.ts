import { koreanKey } from './korean-romanisation';
import { romaniseHangulSyllable, romaniseHangulWord } from './hangul-romanisation';

const key = (token: string) => koreanKey(token)?.key;

describe('Korean romanisation folding', () => {
  it.each([
    ['Kim / Gim', ['kim', 'gim']],
    ['Ri / Lee / Yi / Rhee / I (initial-sound law)', ['ri', 'lee', 'yi', 'rhee', 'i']],
    ['Pak / Park / Bak', ['pak', 'park', 'bak']],
    ['Ro / No / Roh / Noh', ['ro', 'no', 'roh', 'noh']],
    ['Choe / Choi / Chwe', ['choe', 'choi', 'chwe']],
    ['Chol / Cheol (MR ch’ŏl without marks)', ['chol', 'cheol']],
    ['Jong / Chong / Jeong', ['jong', 'chong', 'jeong']],
    ['Un / Eun', ['un', 'eun']],
    ['Kyong / Kyeong / Gyeong', ['kyong', 'kyeong', 'gyeong']],
    ['Ryu / Yu / Yoo / Lyu', ['ryu', 'yu', 'yoo', 'lyu']],
    ['Rim / Im / Lim', ['rim', 'im', 'lim']],
  ])('%s share one key', (_family, spellings) => {
    const keys = spellings.map(key);
    expect(keys.every((folded) => folded !== undefined && folded === keys[0])).toBe(true);
  });

  it('keeps different syllables apart', () => {
    expect(key('yong')).not.toEqual(key('song'));
    expect(key('mun')).not.toEqual(key('min'));
    expect(key('kim')).not.toEqual(key('kum'));
    expect(key('pak')).not.toEqual(key('paek'));
  });

  it('folds a joined given name to the same sounds as the split one', () => {
    expect(key('jongun')).toBe(`${key('jong')}${key('un')}`);
    expect(key('sangman')).toBe(`${key('sang')}${key('man')}`);
  });

  it('rejects tokens that cannot be Korean romanisation', () => {
    expect(koreanKey('sko')).toBeUndefined();
    expect(koreanKey('fox')).toBeUndefined();
    expect(koreanKey('zhang')).toBeUndefined();
  });
});

describe('Hangul → Latin by jamo arithmetic', () => {
  it('romanises syllables per Revised Romanisation', () => {
    expect(romaniseHangulWord('김정은')).toEqual(['gim', 'jeong', 'eun']);
    expect(romaniseHangulWord('박지성')).toEqual(['bak', 'ji', 'seong']);
    expect(romaniseHangulSyllable('철')).toBe('cheol');
    expect(romaniseHangulSyllable('리')).toBe('ri');
  });

  it('neutralises complex finals the way names are pronounced', () => {
    expect(romaniseHangulSyllable('값')).toBe('gap'); // ㅄ
    expect(romaniseHangulSyllable('닭')).toBe('dak'); // ㄺ
  });

  it('romanised Hangul folds to the same key as other spellings', () => {
    expect(key(romaniseHangulSyllable('최'))).toBe(key('choi'));
    expect(key(romaniseHangulSyllable('로'))).toBe(key('no'));
  });
});
