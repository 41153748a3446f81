import { emptySanctionedEntity, nameBlockingKeys, type SanctionedEntity } from '@tns/domain/sanctions';
import { parseSanctionsList } from './list-snapshot';
import { canonicalEntity, isSanctionsListFormat, planSnapshotLoad } from './snapshot-load-plan';
import { ofacSet } from './test-data';

/** What a jsonb round trip does to an entity: keys come back in another order, undefined is gone. */
function throughJsonb(entity: SanctionedEntity): SanctionedEntity {
  const json = JSON.parse(JSON.stringify(entity)) as Record<string, unknown>;
  const reversed = Object.fromEntries(Object.entries(json).reverse());
  return reversed as unknown as SanctionedEntity;
}

describe('planSnapshotLoad', () => {
  const mini = parseSanctionsList('ofac-sdn-csv', ofacSet('ofac-mini-fixture')).entities;

  it('sees no change between a parse and the same entities read back from storage', () => {
    const stored = mini.map(throughJsonb);
    expect(JSON.stringify(stored[0])).not.toBe(JSON.stringify(mini[0])); // the trap is real
    const plan = planSnapshotLoad(stored, mini);
    expect(plan.diff).toEqual({ added: [], removed: [], changed: [] });
    expect(plan.affectedNameKeys).toEqual([]);
    expect(plan.affectedIdentifiers).toEqual([]);
  });

  it('keeps key order out of the comparison but not content', () => {
    const entity = { ...emptySanctionedEntity('ofac-sdn', '1', 'KIM Il', 'person'), gender: undefined };
    expect(JSON.stringify(canonicalEntity(entity))).toBe(
      JSON.stringify(canonicalEntity(throughJsonb(entity))),
    );
    expect(canonicalEntity({ ...entity, primaryName: 'KIM Il Sung' })).not.toEqual(canonicalEntity(entity));
  });

  it('counts a first load as all added and asks to rescreen their names and identifiers', () => {
    const plan = planSnapshotLoad([], mini);
    expect(plan.diff.added).toHaveLength(mini.length);
    const logan = mini.find((entity) => entity.sourceId === '10278')!;
    for (const key of nameBlockingKeys(logan.primaryName)) expect(plan.affectedNameKeys).toContain(key);
    expect(plan.affectedIdentifiers).toContain('document:P0017003');
  });

  it('names only the keys of what changed', () => {
    const next = mini
      .filter((entity) => entity.sourceId !== '15102')
      .map((entity) =>
        entity.sourceId === '10278'
          ? { ...entity, wallets: [{ chain: 'ETH', address: '0x098B716B8Aaf21512996dC57EB0615e2383E2f96' }] }
          : entity,
      );
    const plan = planSnapshotLoad(mini, next);
    expect(plan.diff.removed.map((entity) => entity.sourceId)).toEqual(['15102']);
    expect(plan.diff.changed.map((change) => change.after.sourceId)).toEqual(['10278']);
    expect(plan.diff.added).toEqual([]);
    expect(plan.affectedNameKeys).toEqual(
      expect.arrayContaining([
        ...nameBlockingKeys('MORENO, Daniel'),
        ...nameBlockingKeys('LOGAN MOREY, Elvis Angus'),
      ]),
    );
    const untouched = mini.find((entity) => entity.sourceId === '11195')!;
    expect(plan.affectedNameKeys).not.toContain(`t:${untouched.primaryName.split(' ')[0].toLowerCase()}`);
    expect(plan.affectedIdentifiers.some((key) => key.startsWith('wallet:'))).toBe(true);
  });

  it('knows the three list sources and nothing else', () => {
    expect(['ofac-sdn-csv', 'un-xml', 'eu-csv'].every(isSanctionsListFormat)).toBe(true);
    expect(isSanctionsListFormat('ofac')).toBe(false);
  });
});
