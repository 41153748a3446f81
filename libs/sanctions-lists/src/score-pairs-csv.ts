// Contract §6 on CSV text: `sanctions score-pairs <in.csv> <out.csv>` reads the input, scores
// every row with the screening comparison, and writes all input columns plus score and match.
import { scorePairs, REVIEW_THRESHOLD, type PairRow } from '@tns/domain/sanctions';
import { readCsvRecords, writeCsv } from './csv-reader';

export function scorePairsCsv(input: string, threshold: number = REVIEW_THRESHOLD): string {
  const { header, records } = readCsvRecords(input);
  if (!header.includes('query') || !header.includes('candidate')) {
    throw new Error('score-pairs input needs a header with at least query,candidate');
  }
  const scored = scorePairs(records as PairRow[], threshold);
  const outputHeader = [...header.filter((name) => name !== 'score' && name !== 'match'), 'score', 'match'];
  return writeCsv(outputHeader, scored);
}
