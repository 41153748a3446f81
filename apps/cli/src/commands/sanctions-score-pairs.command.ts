import { readFileSync, writeFileSync } from 'node:fs';
import { REVIEW_THRESHOLD, resolveReviewThreshold } from '@tns/domain/sanctions';
import { readCsvRecords, scorePairsCsv } from '@tns/sanctions-lists';
import { UsageError } from '../cli-arguments';

const USAGE = 'usage: sanctions score-pairs <in.csv> <out.csv>';
const REQUIRED_COLUMNS = ['query', 'candidate'];

/**
 * `sanctions score-pairs <in.csv> <out.csv>` (contract §6). Pure file work with the screening
 * comparison: it must run without DATABASE_URL and without starting the embedded database.
 */
export function sanctionsScorePairsCommand(args: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const [inputPath, outputPath] = args;
  if (!inputPath || !outputPath || args.length > 2) throw new UsageError(USAGE);
  const threshold = reviewThreshold(env.SANCTIONS_REVIEW_THRESHOLD);
  let input: string;
  try {
    input = readFileSync(inputPath, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${inputPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      cause: error,
    });
  }
  // Checked here to name the missing column(s); scorePairsCsv only says both are needed.
  const { header, records } = readCsvRecords(input);
  const missing = REQUIRED_COLUMNS.filter((column) => !header.includes(column));
  if (missing.length > 0) {
    throw new Error(
      `${inputPath}: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (header needs at least query,candidate; found: ${header.join(',') || 'nothing'})`,
    );
  }
  const output = scorePairsCsv(input, threshold);
  try {
    writeFileSync(outputPath, output);
  } catch (error) {
    throw new Error(`cannot write ${outputPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, {
      cause: error,
    });
  }
  return [`scored ${records.length} pairs at review threshold ${threshold} into ${outputPath}`];
}

/** A mistyped threshold must not silently become the default: the scores would mean something else. */
function reviewThreshold(configured: string | undefined): number {
  if (configured === undefined || configured.trim() === '') return REVIEW_THRESHOLD;
  const value = Number(configured);
  if (!Number.isFinite(value) || value <= 0 || value > 1) {
    throw new UsageError(`SANCTIONS_REVIEW_THRESHOLD must be a number in (0, 1], got "${configured}"`);
  }
  return resolveReviewThreshold(value);
}
