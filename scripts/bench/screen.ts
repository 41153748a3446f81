// Screening benchmark (npm run bench:screen): the real lists through the real parsers, the real
// indexes, and a synthetic but realistic account population.
//   (a) per-account screening latency (name search + identifier lookup), p50/p99, 20k accounts;
//   (b) a full rescreen of 100k accounts, on one core and across worker threads (one per core).
// Options: --accounts N (a, default 20000) --rescreen N (b, default 100000) --workers N
//          --data <dir> (default <repo>/../shared/data/sanctions). Threshold: SANCTIONS_REVIEW_THRESHOLD.
// Run compiled (npm run bench:screen) for production-like figures; `node -r @swc-node/register
// scripts/bench/screen.ts` also works.
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { REPOSITORY_ROOT } from '../repository-root';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import {
  resolveReviewThreshold,
  SanctionsIdentifierIndex,
  SanctionsNameIndex,
  type SanctionedEntity,
} from '@tns/domain/sanctions';
import { parseSanctionsList } from '@tns/sanctions-lists';

interface Account {
  name: string;
  emails: string[];
  phones: string[];
  wallets: string[];
  /** generated as a variant of a listed name (should be found) */
  variantOf?: string;
}

interface Indexes {
  entities: SanctionedEntity[];
  names: SanctionsNameIndex;
  identifiers: SanctionsIdentifierIndex;
  parseMs: number;
  indexMs: number;
}

// ---------------------------------------------------------------- lists and indexes

function loadEntities(dataDir: string): SanctionedEntity[] {
  const ofac2021 = ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((file) =>
    path.join(dataDir, 'ofac-2021-07', file),
  );
  return [
    ...parseSanctionsList('ofac-sdn-csv', ofac2021).entities,
    ...parseSanctionsList('ofac-sdn-csv', [
      path.join(dataDir, 'ofac-2025-dprk-extract/sdn_dprk_it_extract.csv'),
    ]).entities,
    ...parseSanctionsList('un-xml', [path.join(dataDir, 'un-2026-02/UN_consolidated.xml')]).entities,
  ];
}

function buildIndexes(dataDir: string): Indexes {
  const started = performance.now();
  const entities = loadEntities(dataDir);
  const parsed = performance.now();
  const names = new SanctionsNameIndex(entities);
  const identifiers = new SanctionsIdentifierIndex(entities);
  return { entities, names, identifiers, parseMs: parsed - started, indexMs: performance.now() - parsed };
}

/** What the screening worker does per account: name search, then exact identifier lookup. */
function screen(indexes: Indexes, account: Account, threshold: number): number {
  const nameHits = indexes.names.search(account.name, { minScore: threshold });
  const identifierHits = indexes.identifiers.lookup({
    emails: account.emails,
    phones: account.phones,
    wallets: account.wallets,
  });
  return nameHits.length + identifierHits.length;
}

// ---------------------------------------------------------------- population

/** Deterministic PRNG (mulberry32): the same seed gives the same population on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, items: readonly T[]): T => items[Math.floor(rand() * items.length)];

const WESTERN_GIVEN = [
  'James',
  'Mary',
  'John',
  'Patricia',
  'Robert',
  'Jennifer',
  'Michael',
  'Linda',
  'William',
  'Elizabeth',
  'David',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Charles',
  'Karen',
  'Daniel',
  'Emma',
  'Lucas',
  'Sophie',
  'Matteo',
  'Giulia',
  'Pierre',
  'Camille',
  'Jan',
  'Anna',
  'Carlos',
  'Lucia',
  'Miguel',
  'Sofia',
  'Hans',
  'Greta',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
];
const WESTERN_FAMILY = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Wilson',
  'Anderson',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Thompson',
  'White',
  'Harris',
  'Clark',
  'Lewis',
  'Walker',
  'Müller',
  'Schmidt',
  'Dubois',
  'Rossi',
  'Kowalski',
  'Nowak',
  'Jansen',
  'de Vries',
  'Silva',
  'Santos',
  "O'Brien",
  'Murphy',
  'Fischer',
  'Bernard',
  'Ferrari',
  'Novak',
];
const KOREAN_FAMILY = [
  'Kim',
  'Lee',
  'Park',
  'Choi',
  'Jung',
  'Kang',
  'Cho',
  'Yoon',
  'Jang',
  'Lim',
  'Han',
  'Oh',
  'Seo',
  'Shin',
  'Kwon',
  'Hwang',
  'Ahn',
  'Song',
  'Ryu',
  'Hong',
  'Yi',
  'Moon',
  'Baek',
  'Nam',
];
const KOREAN_SYLLABLES = [
  'Min',
  'Jun',
  'Seo',
  'Ji',
  'Hyun',
  'Woo',
  'Young',
  'Sung',
  'Jin',
  'Eun',
  'Hye',
  'Dong',
  'Su',
  'Kyung',
  'Hoon',
  'Ho',
  'Yeon',
  'Na',
  'Ha',
  'Jae',
  'Won',
  'Bin',
  'Yu',
  'Da',
];
const HANGUL_NAMES = [
  '김민준',
  '이서연',
  '박지훈',
  '최수빈',
  '정하은',
  '강도윤',
  '윤지우',
  '장예린',
  '임현우',
  '한서준',
];
const CHINESE_FAMILY = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Yang',
  'Huang',
  'Zhao',
  'Wu',
  'Zhou',
  'Xu',
  'Sun',
  'Ma',
  'Zhu',
  'Hu',
  'Guo',
  'He',
  'Lin',
  'Gao',
  'Luo',
];
const CHINESE_GIVEN = [
  'Wei',
  'Fang',
  'Na',
  'Min',
  'Jing',
  'Lei',
  'Jun',
  'Yan',
  'Yong',
  'Jie',
  'Tao',
  'Ming',
  'Chao',
  'Xiuying',
  'Hao',
  'Yu',
  'Xin',
  'Lan',
  'Hui',
  'Qiang',
  'Zihan',
  'Yuxuan',
  'Haoran',
  'Yichen',
];
const HAN_NAMES = ['王伟', '李娜', '张敏', '刘洋', '陈静', '杨磊', '黄婷', '赵强', '周杰', '吴芳'];
const RUSSIAN_GIVEN = [
  'Alexander',
  'Dmitry',
  'Sergei',
  'Andrei',
  'Alexei',
  'Ivan',
  'Mikhail',
  'Nikolai',
  'Olga',
  'Elena',
  'Tatiana',
  'Natalia',
  'Anna',
  'Maria',
  'Irina',
  'Svetlana',
  'Vladimir',
  'Yuri',
  'Pavel',
  'Ekaterina',
];
const RUSSIAN_FAMILY = [
  'Ivanov',
  'Smirnov',
  'Kuznetsov',
  'Popov',
  'Vasiliev',
  'Petrov',
  'Sokolov',
  'Mikhailov',
  'Novikov',
  'Fedorov',
  'Morozov',
  'Volkov',
  'Alekseev',
  'Lebedev',
  'Semenov',
  'Egorov',
  'Pavlov',
  'Kozlov',
  'Stepanov',
  'Nikolaev',
];
const CYRILLIC_NAMES = ['Иван Петров', 'Ольга Смирнова', 'Дмитрий Козлов', 'Анна Волкова', 'Сергей Морозов'];
const ARABIC_GIVEN = [
  'Mohammed',
  'Ahmed',
  'Ali',
  'Omar',
  'Hassan',
  'Hussein',
  'Khalid',
  'Youssef',
  'Ibrahim',
  'Abdullah',
  'Fatima',
  'Aisha',
  'Mariam',
  'Layla',
  'Nour',
  'Zainab',
  'Mustafa',
  'Tariq',
  'Karim',
  'Samir',
];
const ARABIC_FAMILY = [
  'Al-Sayed',
  'Haddad',
  'Khalil',
  'Nasser',
  'Hamdan',
  'Mansour',
  'Saleh',
  'Farouk',
  'Aziz',
  'Rahman',
  'Qureshi',
  'Abbas',
  'Al-Masri',
  'Darwish',
  'Hijazi',
  'Jaber',
  'Salem',
  'Bakr',
  'El-Amin',
  'Othman',
];
const ARABIC_SCRIPT_NAMES = ['محمد أحمد', 'علي حسن', 'فاطمة خليل', 'عمر منصور', 'يوسف إبراهيم'];
const INDIAN_GIVEN = [
  'Aarav',
  'Vivaan',
  'Aditya',
  'Priya',
  'Ananya',
  'Rohan',
  'Arjun',
  'Sneha',
  'Rahul',
  'Pooja',
];
const INDIAN_FAMILY = ['Sharma', 'Patel', 'Singh', 'Kumar', 'Gupta', 'Reddy', 'Iyer', 'Nair', 'Das', 'Mehta'];

function ordinaryName(rand: () => number): string {
  const roll = rand();
  if (roll < 0.3) return `${pick(rand, WESTERN_GIVEN)} ${pick(rand, WESTERN_FAMILY)}`;
  if (roll < 0.45) {
    if (rand() < 0.1) return pick(rand, HANGUL_NAMES);
    const given = `${pick(rand, KOREAN_SYLLABLES)}${pick(rand, KOREAN_SYLLABLES).toLowerCase()}`;
    const style = rand();
    const written =
      style < 0.4
        ? given
        : style < 0.8
          ? given.replace(/^([A-Z][a-z]+?)([a-z]+)$/, (_, a, b) => `${a}-${b}`)
          : given;
    return rand() < 0.5
      ? `${pick(rand, KOREAN_FAMILY)} ${written}`
      : `${written} ${pick(rand, KOREAN_FAMILY)}`;
  }
  if (roll < 0.6) {
    if (rand() < 0.1) return pick(rand, HAN_NAMES);
    return rand() < 0.5
      ? `${pick(rand, CHINESE_FAMILY)} ${pick(rand, CHINESE_GIVEN)}`
      : `${pick(rand, CHINESE_GIVEN)} ${pick(rand, CHINESE_FAMILY)}`;
  }
  if (roll < 0.75) {
    if (rand() < 0.1) return pick(rand, CYRILLIC_NAMES);
    const given = pick(rand, RUSSIAN_GIVEN);
    const family = pick(rand, RUSSIAN_FAMILY);
    return `${given} ${/[ae]$/.test(given) && !/^(Nikita|Ilya)$/.test(given) ? `${family}a` : family}`;
  }
  if (roll < 0.9) {
    if (rand() < 0.1) return pick(rand, ARABIC_SCRIPT_NAMES);
    return `${pick(rand, ARABIC_GIVEN)} ${pick(rand, ARABIC_FAMILY)}`;
  }
  return `${pick(rand, INDIAN_GIVEN)} ${pick(rand, INDIAN_FAMILY)}`;
}

const ROMANISATION_SWAPS: Array<[RegExp, string]> = [
  [/\bJong\b/i, 'Chong'],
  [/\bKim\b/i, 'Gim'],
  [/\bPak\b/i, 'Park'],
  [/\bRi\b/i, 'Lee'],
  [/\bChol\b/i, 'Cheol'],
  [/\bSong\b/i, 'Sung'],
  [/\bKwang\b/i, 'Gwang'],
  [/\bChon\b/i, 'Jeon'],
  [/\bIl\b/i, 'Eel'],
  [/\bRo\b/i, 'No'],
];

/** A listed name as an applicant would type it: reordered, re-hyphenated, re-romanised, mistyped. */
function variantOf(rand: () => number, listed: string): string {
  let name = listed.includes(',')
    ? listed
        .split(',')
        .reverse()
        .map((part) => part.trim())
        .join(' ')
    : listed;
  name = name.toLowerCase().replace(/\b\p{L}/gu, (letter) => letter.toUpperCase());
  const roll = rand();
  if (roll < 0.3) {
    const swaps = ROMANISATION_SWAPS.filter(([pattern]) => pattern.test(name));
    if (swaps.length) {
      const [pattern, replacement] = pick(rand, swaps);
      name = name.replace(pattern, replacement);
    }
  } else if (roll < 0.5) {
    name = name.replace(/ (\p{L}+)$/u, '-$1');
  } else if (roll < 0.7 && name.length > 6) {
    const at = 2 + Math.floor(rand() * (name.length - 4));
    name = name.slice(0, at) + name[at + 1] + name[at] + name.slice(at + 2);
  } else if (roll < 0.85) {
    const tokens = name.split(' ');
    name = [...tokens.slice(1), tokens[0]].join(' ');
  }
  return name;
}

function population(
  rand: () => number,
  count: number,
  entities: SanctionedEntity[],
  variants: number,
): Account[] {
  const persons = entities.filter((entity) => entity.kind === 'person');
  // Half the variants from DPRK-programme persons (the fraud this targets), half from anywhere.
  const dprk = persons.filter(
    (entity) =>
      entity.programs.some((program) => /DPRK|KPi/i.test(program)) || entity.sourceId.startsWith('KPi'),
  );
  const listedWallets = entities.flatMap((entity) => entity.wallets.map((wallet) => wallet.address));
  const accounts: Account[] = [];
  for (let index = 0; index < count; index++) {
    const isVariant =
      index % Math.max(1, Math.floor(count / variants)) === 0 &&
      accounts.filter((a) => a.variantOf).length < variants;
    let name: string;
    let source: string | undefined;
    if (isVariant) {
      const entity = rand() < 0.5 && dprk.length ? pick(rand, dprk) : pick(rand, persons);
      source =
        rand() < 0.7 || entity.aliases.length === 0 ? entity.primaryName : pick(rand, entity.aliases).name;
      name = variantOf(rand, source);
    } else {
      name = ordinaryName(rand);
    }
    const local =
      name
        .toLowerCase()
        .replace(/[^a-z]+/g, '.')
        .replace(/^\.|\.$/g, '') || `user${index}`;
    accounts.push({
      name,
      variantOf: source,
      emails: [
        `${local}${Math.floor(rand() * 1000)}@${pick(rand, ['gmail.com', 'outlook.com', 'proton.me', 'yahoo.com', 'qq.com', 'naver.com'])}`,
      ],
      phones:
        rand() < 0.6
          ? [`+${pick(rand, ['1', '44', '82', '86', '7', '971', '91'])}${Math.floor(1e9 + rand() * 9e9)}`]
          : [],
      wallets:
        rand() < 0.1
          ? [
              rand() < 0.01 && listedWallets.length
                ? pick(rand, listedWallets)
                : `0x${Array.from({ length: 40 }, () => Math.floor(rand() * 16).toString(16)).join('')}`,
            ]
          : [],
    });
  }
  return accounts;
}

// ---------------------------------------------------------------- measurement

const percentile = (sorted: Float64Array, fraction: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

function stringOption(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

interface WorkerInput {
  dataDir: string;
  threshold: number;
}

type WorkerMessage =
  { ready: true; parseMs: number; indexMs: number } | { done: true; hits: number; ms: number };

function workerMain(): void {
  const { dataDir, threshold } = workerData as WorkerInput;
  const indexes = buildIndexes(dataDir);
  parentPort!.postMessage({
    ready: true,
    parseMs: indexes.parseMs,
    indexMs: indexes.indexMs,
  } satisfies WorkerMessage);
  parentPort!.on('message', (accounts: Account[]) => {
    const started = performance.now();
    let hits = 0;
    for (const account of accounts) hits += screen(indexes, account, threshold) > 0 ? 1 : 0;
    parentPort!.postMessage({ done: true, hits, ms: performance.now() - started } satisfies WorkerMessage);
  });
}

async function parallelRescreen(
  dataDir: string,
  threshold: number,
  accounts: Account[],
  workerCount: number,
) {
  const startedAll = performance.now();
  const execArgv = __filename.endsWith('.ts') ? ['-r', '@swc-node/register'] : [];
  const workers = Array.from(
    { length: workerCount },
    () => new Worker(__filename, { workerData: { dataDir, threshold } satisfies WorkerInput, execArgv }),
  );
  const next = (worker: Worker) =>
    new Promise<WorkerMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const ready = await Promise.all(workers.map(next));
  const readyAt = performance.now();
  // Contiguous shares, as a worker would take ranges of account ids.
  const share = Math.ceil(accounts.length / workerCount);
  const done = workers.map((worker, index) => {
    const result = next(worker);
    worker.postMessage(accounts.slice(index * share, (index + 1) * share));
    return result;
  });
  const results = await Promise.all(done);
  const finishedAt = performance.now();
  await Promise.all(workers.map((worker) => worker.terminate()));
  const hits = results.reduce((sum, result) => sum + ('hits' in result ? result.hits : 0), 0);
  const startupMs = Math.max(
    ...ready.map((message) => ('parseMs' in message ? message.parseMs + message.indexMs : 0)),
  );
  return {
    startupMs: readyAt - startedAll,
    perWorkerBuildMs: startupMs,
    screenMs: finishedAt - readyAt,
    hits,
  };
}

async function main(): Promise<void> {
  const root = REPOSITORY_ROOT;
  const dataDir = path.resolve(stringOption('data') ?? path.join(root, '../shared/data/sanctions'));
  const threshold = resolveReviewThreshold(process.env.SANCTIONS_REVIEW_THRESHOLD);
  const accountCount = option('accounts', 20_000);
  const rescreenCount = option('rescreen', 100_000);
  const workerCount = option('workers', Math.max(1, os.availableParallelism()));
  const variants = option('variants', 400);

  console.log(
    `node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
  );
  console.log(`data ${dataDir}; review threshold ${threshold}`);
  const indexes = buildIndexes(dataDir);
  console.log(
    `lists: ${indexes.entities.length} entities (OFAC 2021-07 + 2025 DPRK extract + UN 2026-02), ${indexes.names.nameCount} names, ${indexes.identifiers.size} identifiers; parse ${(indexes.parseMs / 1000).toFixed(2)} s, index ${(indexes.indexMs / 1000).toFixed(2)} s, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );

  // (a) latency per account
  const accounts = population(random(20240601), accountCount, indexes.entities, variants);
  for (const account of accounts.slice(0, 500)) screen(indexes, account, threshold); // warm-up (JIT)
  const timings = new Float64Array(accounts.length);
  // CPU time per account too: on a shared machine wall time also counts other processes' turns.
  const cpuTimings = new Float64Array(accounts.length);
  const coldTimings: number[] = [];
  const cacheBefore = indexes.names.cacheStatistics;
  let flaggedOrdinary = 0;
  let foundVariants = 0;
  let variantCount = 0;
  for (let index = 0; index < accounts.length; index++) {
    const account = accounts[index];
    const cpuStarted = process.cpuUsage();
    const missesBefore = indexes.names.cacheStatistics.misses;
    const started = performance.now();
    const hits = screen(indexes, account, threshold);
    timings[index] = performance.now() - started;
    if (indexes.names.cacheStatistics.misses > missesBefore) coldTimings.push(timings[index]);
    const cpuUsed = process.cpuUsage(cpuStarted);
    cpuTimings[index] = (cpuUsed.user + cpuUsed.system) / 1000;
    if (account.variantOf) {
      variantCount++;
      if (hits > 0) foundVariants++;
    } else if (hits > 0) flaggedOrdinary++;
  }
  const sorted = timings.slice().sort();
  const mean = timings.reduce((sum, time) => sum + time, 0) / timings.length;
  console.log(
    `\n(a) screening ${accounts.length} accounts (${variantCount} variants of listed names), one at a time, one core:`,
  );
  console.log(
    `    per account: p50 ${percentile(sorted, 0.5).toFixed(3)} ms, p90 ${percentile(sorted, 0.9).toFixed(3)} ms, p99 ${percentile(sorted, 0.99).toFixed(3)} ms, max ${sorted[sorted.length - 1].toFixed(2)} ms, mean ${mean.toFixed(3)} ms`,
  );
  const cpuSorted = cpuTimings.slice().sort();
  console.log(
    `    CPU per account (process CPU time, includes GC threads): p50 ${percentile(cpuSorted, 0.5).toFixed(3)} ms, p90 ${percentile(cpuSorted, 0.9).toFixed(3)} ms, p99 ${percentile(cpuSorted, 0.99).toFixed(3)} ms`,
  );
  const cacheAfter = indexes.names.cacheStatistics;
  const cacheHits = cacheAfter.hits - cacheBefore.hits;
  const coldSorted = Float64Array.from(coldTimings).sort();
  console.log(
    `    names whose scored candidates were cached (repeated names): ${cacheHits}/${cacheHits + cacheAfter.misses - cacheBefore.misses}; the ${coldSorted.length} first-seen names alone: p50 ${percentile(coldSorted, 0.5).toFixed(3)} ms, p90 ${percentile(coldSorted, 0.9).toFixed(3)} ms, p99 ${percentile(coldSorted, 0.99).toFixed(3)} ms`,
  );
  console.log(
    `    flagged at the threshold: ${foundVariants}/${variantCount} listed-name variants, ${flaggedOrdinary}/${accounts.length - variantCount} ordinary names (${((100 * flaggedOrdinary) / (accounts.length - variantCount)).toFixed(2)} %)`,
  );

  // Where the tail comes from: names whose tokens are common in the lists visit long postings.
  const slowest = [...timings.keys()].sort((a, b) => timings[b] - timings[a]).slice(0, 5);
  console.log(
    `    slowest: ${slowest.map((index) => `${accounts[index].name} ${timings[index].toFixed(1)} ms`).join('; ')}`,
  );

  // (b) full rescreen
  const rescreen = population(
    random(7),
    rescreenCount,
    indexes.entities,
    Math.round((variants * rescreenCount) / accountCount),
  );
  let started = performance.now();
  // CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
  const cpuBefore = process.cpuUsage();
  let flagged = 0;
  for (const account of rescreen) if (screen(indexes, account, threshold) > 0) flagged++;
  const singleMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  console.log(`\n(b) rescreen of ${rescreen.length} accounts:`);
  console.log(
    `    one core (main thread, indexes already built): ${(singleMs / 1000).toFixed(1)} s (${((singleMs * 1000) / rescreen.length).toFixed(0)} µs/account), CPU ${(cpuMs / 1000).toFixed(1)} s (${((cpuMs * 1000) / rescreen.length).toFixed(0)} µs/account), ${flagged} flagged`,
  );
  if (workerCount > 1) {
    started = performance.now();
    const parallel = await parallelRescreen(dataDir, threshold, rescreen, workerCount);
    const totalMs = performance.now() - started;
    console.log(
      `    ${workerCount} worker threads: screening ${(parallel.screenMs / 1000).toFixed(1)} s; each worker first parses and indexes the lists (${(parallel.perWorkerBuildMs / 1000).toFixed(1)} s, in parallel), so ${(totalMs / 1000).toFixed(1)} s end to end; ${parallel.hits} flagged`,
    );
    if (parallel.hits !== flagged)
      throw new Error(`parallel rescreen flagged ${parallel.hits}, single-threaded ${flagged}`);
  }
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.stack : error);
    process.exitCode = 1;
  });
} else {
  workerMain();
}
