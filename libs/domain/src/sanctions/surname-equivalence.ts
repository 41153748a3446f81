// Surname equivalence: spellings of one Korean/Chinese surname character across Korean
// (RR, MR, DPRK, anglicised), Mandarin (pinyin, Wade–Giles) and Cantonese/Hokkien, which
// no sound-folding rule can derive (Park ↔ Piao, Choi ↔ Cui ↔ Tsui, Ryu ↔ Liu ↔ Lau).
// Each line is one character's family of spellings.
const SURNAME_FAMILIES = `
李: li lee yi ri rhee i rhie ly lei
金: kim gim kym
朴: park pak bak bahk piao
崔: choi choe chwe choy cui tsui chui
鄭: jung jeong chung chong jong zheng cheng
姜: kang gang jiang keung
趙: cho jo joh zhao chao chiu chiew
曹: cho jo cao tsao tso
尹: yoon yun youn yin wan
張: jang chang zhang cheung cheong teo
林: lim im rim lin lam
韓: han hahn
吳: o oh wu ng goh ngo
申: shin sin shen
徐: seo suh so xu hsu tsui
權: kwon kweon gwon quan chuan
黃: hwang whang huang wong wee
安: ahn an on
宋: song sung soong
柳劉: ryu yu yoo lyu liu lau lao
洪: hong hung
全: jeon chon chun jon quan
高: ko koh go gao kao
文: moon mun wen man
孫: son sohn sun suen
楊梁: yang ryang liang leung yeung young
裵: bae pae pei
白: baek paek paik baik bai pai
許: heo hur huh xu hsu hui
盧: noh no roh ro rho lu lo lou
郭: kwak kwok guo kuo quach
朱周: ju joo chu zhu zhou chou chow chau
羅: ra na la luo law lo
陳: chen chan chin tan
王: wang wong ong
何: he ho hoh ha
胡: hu woo foo
唐: tang tong
鄧: deng tang teng
馮: feng fung
謝: xie tse hsieh sia cheah
曾: zeng tsang tseng
彭: peng pang phang
蘇: su so soo
蔡: cai tsai choy
葉: ye yip yeh
閻嚴: yan yim yen eom
余: yu yue yee
魏: wei ngai
方: fang fong pang
石: shi sek seok
姚: yao yiu
譚: tan tam
馬: ma mah
`;

function parseFamilies(): Map<string, Set<string>> {
  const familiesBySpelling = new Map<string, Set<string>>();
  for (const line of SURNAME_FAMILIES.split('\n')) {
    const [family, spellings] = line.split(':');
    if (!spellings) continue;
    for (const spelling of spellings.trim().split(/\s+/)) {
      const families = familiesBySpelling.get(spelling) ?? new Set<string>();
      families.add(family.trim());
      familiesBySpelling.set(spelling, families);
    }
  }
  return familiesBySpelling;
}

const FAMILIES_BY_SPELLING = parseFamilies();

export function isKnownEastAsianSurname(token: string): boolean {
  return FAMILIES_BY_SPELLING.has(token);
}

/** Identifiers of the surname families a spelling belongs to (used as index keys too). */
export function surnameFamilies(token: string): string[] {
  return [...(FAMILIES_BY_SPELLING.get(token) ?? [])];
}

export function areEquivalentSurnames(a: string, b: string): boolean {
  if (a === b) return true;
  const familiesOfA = FAMILIES_BY_SPELLING.get(a);
  const familiesOfB = FAMILIES_BY_SPELLING.get(b);
  if (!familiesOfA || !familiesOfB) return false;
  for (const family of familiesOfA) if (familiesOfB.has(family)) return true;
  return false;
}
