import * as path from 'node:path';
import { SanctionsNameIndex, prepareName } from '@tns/domain/sanctions';
import { parseSanctionsList } from '@tns/sanctions-lists';
const D = '/work/shared/data/sanctions';
const entities = [
  ...parseSanctionsList('ofac-sdn-csv', ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((f) => path.join(D, 'ofac-2021-07', f))).entities,
  ...parseSanctionsList('un-xml', [path.join(D, 'un-2026-02/UN_consolidated.xml')]).entities,
];
const idx = new SanctionsNameIndex(entities);
console.log('readings', prepareName('Zhou Wei').length, prepareName('Zhou Wei').map(r => r.reading + ':' + r.tokens.map(t => t.forms.length).join(',')));
console.time('loop');
for (let r = 0; r < 300; r++) { idx.search('Zhou Wei'); idx.search('Kim Min-jun'); idx.search('周伟'); }
console.timeEnd('loop');
