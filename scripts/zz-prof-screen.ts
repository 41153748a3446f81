import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SanctionsNameIndex } from '@tns/domain/sanctions';
import { parseSanctionsList } from '@tns/sanctions-lists';
const D = '/work/shared/data/sanctions';
const entities = [
  ...parseSanctionsList('ofac-sdn-csv', ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((f) => path.join(D, 'ofac-2021-07', f))).entities,
  ...parseSanctionsList('ofac-sdn-csv', [path.join(D, 'ofac-2025-dprk-extract/sdn_dprk_it_extract.csv')]).entities,
  ...parseSanctionsList('un-xml', [path.join(D, 'un-2026-02/UN_consolidated.xml')]).entities,
];
let t = performance.now();
const idx = new SanctionsNameIndex(entities);
console.log('index ms', (performance.now() - t).toFixed(0), idx.nameCount);
const names = ['Zhou Wei', 'Kim Min-jun', 'Ahmed Hassan', 'Maria Martinez', 'Li Na', 'Wang Fang', 'Mohammed Ali', 'John Smith', 'Park Ji-hoon', 'Sergei Ivanov', '김민준', '周伟', 'Ali Reza', 'Chen Jie', 'Kim Sang Man', 'Abdul Rahman Al-Hashimi', 'Rajesh Kumar'];
for (let r = 0; r < 3; r++) for (const n of names) idx.search(n);
for (const n of names) {
  const reps = 20;
  t = performance.now();
  let hits = 0;
  for (let r = 0; r < reps; r++) hits = idx.search(n).length;
  const ms = (performance.now() - t) / reps;
  console.log(n.padEnd(28), ms.toFixed(2), 'ms', JSON.stringify(idx.lastSearch), 'hits', hits);
}
