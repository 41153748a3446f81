// Han characters (Hanzi / Hanja / Kanji) → Latin readings, using the authored tables.
import { HAN_NAME_READINGS, JAPANESE_NAME_READINGS } from './han-reading-table';
import { romaniseHangulSyllable } from './hangul-romanisation';

interface HanReading {
  pinyin: string;
  korean: string;
  koreanSurname: string;
}

/** A token whose spelling is uncertain: any of `forms` may be the intended reading. */
export type ReadingToken = string[];

/** One reading of a whole name in one system (Mandarin, Korean, Japanese). */
export interface HanNameReading {
  system: 'mandarin' | 'korean' | 'japanese';
  tokens: ReadingToken[];
}

function parseHanTable(): Map<string, HanReading> {
  const table = new Map<string, HanReading>();
  for (const entry of HAN_NAME_READINGS.split(/[|\n]/)) {
    const [char, pinyin, korean, koreanSurname] = entry.trim().split(/\s+/);
    if (!char || !pinyin || !korean || table.has(char)) continue;
    table.set(char, {
      pinyin,
      korean: romaniseHangulSyllable(korean),
      koreanSurname: romaniseHangulSyllable(koreanSurname ?? korean),
    });
  }
  return table;
}

function parseJapaneseTable(): Map<string, string[]> {
  const table = new Map<string, string[]>();
  for (const entry of JAPANESE_NAME_READINGS.split(/[|\n]/)) {
    const [char, ...readings] = entry.trim().split(/\s+/);
    if (char && readings.length > 0) table.set(char, readings);
  }
  return table;
}

const HAN_TABLE = parseHanTable();
const JAPANESE_TABLE = parseJapaneseTable();

// Reverse index used to bridge a pinyin spelling to the Korean readings of the same characters
// (a UN alias "Li Cheng He" is the Mandarin reading of the Hanja of RI SONG HYOK).
const KOREAN_READINGS_BY_PINYIN = new Map<string, Set<string>>();
for (const reading of HAN_TABLE.values()) {
  const readings = KOREAN_READINGS_BY_PINYIN.get(reading.pinyin) ?? new Set<string>();
  readings.add(reading.korean);
  readings.add(reading.koreanSurname);
  KOREAN_READINGS_BY_PINYIN.set(reading.pinyin, readings);
}

export function isHanCharacter(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0xf900 && code <= 0xfaff)
  );
}

export function containsHan(text: string): boolean {
  for (const char of text) if (isHanCharacter(char)) return true;
  return false;
}

export function hanReading(
  char: string,
): { pinyin: string; korean: string; koreanSurname: string } | undefined {
  return HAN_TABLE.get(char);
}

export function japaneseReadings(char: string): string[] {
  return JAPANESE_TABLE.get(char) ?? [];
}

/** Korean readings (romanised) of every table character pronounced `pinyin` in Mandarin. */
export function koreanReadingsOfPinyin(pinyin: string): string[] {
  return [...(KOREAN_READINGS_BY_PINYIN.get(pinyin) ?? [])];
}

/**
 * Every reading of a Han-script name we can build: one token per character, in each system
 * where the table knows all characters. The first character is read as a surname in Korean.
 */
export function readHanName(words: string[]): HanNameReading[] {
  const chars = words.flatMap((word) => [...word].filter(isHanCharacter));
  if (chars.length === 0) return [];
  const readings: HanNameReading[] = [];
  const known = chars.map((char) => HAN_TABLE.get(char));
  if (known.every((reading) => reading !== undefined)) {
    const table = known;
    readings.push({ system: 'mandarin', tokens: table.map((reading) => [reading.pinyin]) });
    readings.push({
      system: 'korean',
      tokens: table.map((reading, index) => [index === 0 ? reading.koreanSurname : reading.korean]),
    });
  }
  const japanese = chars.map((char) => JAPANESE_TABLE.get(char));
  if (japanese.every((forms) => forms !== undefined)) {
    readings.push({ system: 'japanese', tokens: japanese });
  }
  return readings;
}
