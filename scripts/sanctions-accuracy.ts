// Measures the sanctions name matcher on the labelled pairs in cases.csv, per category, at the
// review threshold, and exits non-zero when a target is missed (so CI can run it).
// With --bench it also loads OFAC (2021 set + 2025 DPRK extract) and UN, and times screening.
//   node -r @swc-node/register scripts/sanctions-accuracy.ts [cases.csv] [threshold] [--bench]
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  compareNames,
  resolveReviewThreshold,
  SanctionsIdentifierIndex,
  SanctionsNameIndex,
} from '@tns/domain/sanctions';
import { parseSanctionsList, readCsvRecords } from '@tns/sanctions-lists';

interface Target {
  name: string;
  categories: (category: string, label: string) => boolean;
  metric: 'recall' | 'false-positive-rate';
  bound: number;
}

const TARGETS: Target[] = [
  {
    name: 'Korean romanisation variants',
    categories: (c) => c === 'ko_romanization_variant',
    metric: 'recall',
    bound: 0.97,
  },
  {
    name: 'typo / reorder treatments',
    categories: (c) => c.startsWith('typo_or_reorder_treatment'),
    metric: 'recall',
    bound: 0.97,
  },
  { name: 'cross-script pairs', categories: (c) => c === 'cross_script', metric: 'recall', bound: 0.9 },
  {
    name: 'same-surname distinct persons',
    categories: (c) => c === 'distinct_listed_persons_same_surname',
    metric: 'false-positive-rate',
    bound: 0.005,
  },
  {
    name: 'other non-match rows',
    categories: (c, label) => label === 'non-match' && c !== 'distinct_listed_persons_same_surname',
    metric: 'false-positive-rate',
    bound: 0.01,
  },
];

// Different names of one person: no name matcher should call them the same name.
const NOT_COUNTED_AS_MISSES = new Set(['same_entity_distinct_alias']);

interface Scored {
  category: string;
  label: string;
  query: string;
  candidate: string;
  score: number;
  reasons: string[];
}

interface Tally {
  rows: number;
  matches: number;
  nonMatches: number;
  scoreOnly: number;
  truePositives: number;
  falsePositives: number;
}

function tally(rows: Scored[], threshold: number): Tally {
  const result: Tally = {
    rows: rows.length,
    matches: 0,
    nonMatches: 0,
    scoreOnly: 0,
    truePositives: 0,
    falsePositives: 0,
  };
  for (const row of rows) {
    const predicted = row.score >= threshold;
    if (row.label === 'match') {
      result.matches++;
      if (predicted) result.truePositives++;
    } else if (row.label === 'non-match') {
      result.nonMatches++;
      if (predicted) result.falsePositives++;
    } else {
      result.scoreOnly++;
    }
  }
  return result;
}

const ratio = (numerator: number, denominator: number) =>
  denominator === 0 ? '-' : (numerator / denominator).toFixed(3);

const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];

/** Screening latency with OFAC + UN loaded: every case query as an account name, twice over. */
function bench(dataDir: string, queries: string[], threshold: number): boolean {
  const started = performance.now();
  const ofacSet = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((file) =>
    path.join(dataDir, 'ofac-2021-07', file),
  );
  const entities = [
    ...parseSanctionsList('ofac-sdn-csv', ofacSet).entities,
    ...parseSanctionsList('ofac-sdn-csv', [
      path.join(dataDir, 'ofac-2025-dprk-extract/sdn_dprk_it_extract.csv'),
    ]).entities,
    ...parseSanctionsList('un-xml', [path.join(dataDir, 'un-2026-02/UN_consolidated.xml')]).entities,
  ];
  const loaded = performance.now();
  const names = new SanctionsNameIndex(entities);
  const identifiers = new SanctionsIdentifierIndex(entities);
  const indexed = performance.now();
  const timings: number[] = [];
  let scored = 0;
  for (let round = 0; round < 2; round++) {
    for (const query of queries) {
      const begin = performance.now();
      names.search(query, { minScore: threshold });
      identifiers.lookup({ emails: [`${query.replace(/\W+/g, '.')}@example.com`] });
      timings.push(performance.now() - begin);
      scored += names.lastSearch.candidatesScored;
    }
  }
  const sorted = [...timings].sort((a, b) => a - b);
  const mean = timings.reduce((sum, time) => sum + time, 0) / timings.length;
  const p99 = percentile(sorted, 0.99);
  const projected = (mean * 100_000) / 1000;
  console.log(
    `\nScreening benchmark: ${entities.length} entities, ${names.nameCount} names (parse ${((loaded - started) / 1000).toFixed(1)} s, index ${((indexed - loaded) / 1000).toFixed(1)} s)`,
  );
  console.log(
    `  ${timings.length} searches: median ${percentile(sorted, 0.5).toFixed(2)} ms, p99 ${p99.toFixed(2)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms; ${(scored / timings.length).toFixed(1)} candidates scored per search of ${names.nameCount}`,
  );
  console.log(`  projected rescreen of 100k accounts on one core: ${projected.toFixed(1)} s`);
  const met = p99 <= 5 && projected <= 60;
  console.log(`  ${met ? 'PASS' : 'FAIL'}  p99 <= 5 ms and 100k accounts <= 60 s`);
  return met;
}

function main(): void {
  const repoRoot = path.resolve(__dirname, '..');
  const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
  const dataDir = path.join(repoRoot, '../shared/data/sanctions');
  const casesPath = path.resolve(args[0] ?? path.join(dataDir, 'cases/cases.csv'));
  const threshold = resolveReviewThreshold(args[1] ?? process.env.SANCTIONS_REVIEW_THRESHOLD);
  const { records } = readCsvRecords(readFileSync(casesPath, 'utf8'));

  const timings: number[] = [];
  const scored: Scored[] = records.map((record) => {
    const started = performance.now();
    const { score, reasons } = compareNames(record.query, record.candidate);
    timings.push(performance.now() - started);
    return {
      category: record.category || '(uncategorised)',
      label: record.label,
      query: record.query,
      candidate: record.candidate,
      score,
      reasons,
    };
  });

  const byCategory = new Map<string, Scored[]>();
  for (const row of scored) byCategory.set(row.category, [...(byCategory.get(row.category) ?? []), row]);

  console.log(`cases: ${casesPath}\nreview threshold: ${threshold}\n`);
  const header = ['category', 'rows', 'match', 'non-match', 'score-only', 'recall', 'FP rate'];
  const lines = [...byCategory.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([category, rows]) => {
      const t = tally(rows, threshold);
      const note = NOT_COUNTED_AS_MISSES.has(category) ? ' (not counted)' : '';
      return [
        category + note,
        t.rows,
        t.matches,
        t.nonMatches,
        t.scoreOnly,
        ratio(t.truePositives, t.matches),
        ratio(t.falsePositives, t.nonMatches),
      ];
    });
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => String(line[column]).length)),
  );
  const format = (cells: Array<string | number>) =>
    cells.map((cell, column) => String(cell).padEnd(widths[column])).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));

  console.log('\nTargets');
  let failed = false;
  for (const target of TARGETS) {
    const rows = scored.filter(
      (row) => target.categories(row.category, row.label) && !NOT_COUNTED_AS_MISSES.has(row.category),
    );
    const t = tally(rows, threshold);
    const value =
      target.metric === 'recall'
        ? t.truePositives / Math.max(1, t.matches)
        : t.falsePositives / Math.max(1, t.nonMatches);
    const met = target.metric === 'recall' ? value >= target.bound : value <= target.bound;
    failed ||= !met;
    const comparator = target.metric === 'recall' ? '>=' : '<=';
    console.log(
      `  ${met ? 'PASS' : 'FAIL'}  ${target.name.padEnd(32)} ${target.metric} ${value.toFixed(4)} (target ${comparator} ${target.bound}; n=${target.metric === 'recall' ? t.matches : t.nonMatches})`,
    );
  }
  const sorted = [...timings].sort((a, b) => a - b);
  console.log(
    `\ncompareNames latency: median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} ms, p99 ${sorted[Math.floor(sorted.length * 0.99)].toFixed(3)} ms`,
  );

  if (process.env.SANCTIONS_ACCURACY_VERBOSE) {
    console.log('\nErrors in targeted categories:');
    for (const target of TARGETS) {
      for (const row of scored.filter((r) => target.categories(r.category, r.label))) {
        const wrong =
          target.metric === 'recall'
            ? row.label === 'match' && row.score < threshold
            : row.score >= threshold;
        if (wrong)
          console.log(
            `  [${target.name}] ${row.score.toFixed(3)}  ${row.query} | ${row.candidate}  — ${row.reasons.join('; ')}`,
          );
      }
    }
  }
  if (
    process.argv.includes('--bench') &&
    !bench(
      dataDir,
      records.map((record) => record.query),
      threshold,
    )
  )
    failed = true;
  process.exitCode = failed ? 1 : 0;
}

main();
