// Stored sanctions hits → the SANCTIONS_MATCH reason of an assessment, naming the entity, its list
// and programmes. One reason however many hits (the scorer keeps one per code); its evidence
// lists them all. Pure.

import type { StoredSanctionsHit } from '@tns/database';
import { type Reason, type RiskPolicy, weighReason } from '@tns/domain/detection';

const LIST_LABELS: Readonly<Record<string, string>> = {
  'ofac-sdn': 'OFAC SDN',
  un: 'UN consolidated',
  eu: 'EU consolidated',
};

export const listLabel = (list: string): string => LIST_LABELS[list] ?? list;

const CHANNEL_LABELS: Readonly<Record<string, string>> = {
  name: 'name',
  wallet: 'wallet address',
  email: 'e-mail address',
  website: 'website',
  phone: 'phone number',
  document: 'document number',
};

/** Exact identifier hits first (they are not a matter of spelling), then by score. */
export function rankHits(hits: readonly StoredSanctionsHit[]): StoredSanctionsHit[] {
  return [...hits].sort(
    (a, b) =>
      Number(b.channel !== 'name') - Number(a.channel !== 'name') ||
      b.score - a.score ||
      (`${a.list}:${a.sourceId}:${a.channel}` < `${b.list}:${b.sourceId}:${b.channel}` ? -1 : 1),
  );
}

export function describeHit(hit: StoredSanctionsHit): string {
  const programs = hit.programs.length > 0 ? `programme ${hit.programs.join(', ')}` : 'no programme given';
  const how =
    hit.channel === 'name'
      ? `name "${hit.accountValue}" matches "${hit.matchedName}" (score ${hit.score.toFixed(2)})`
      : `${CHANNEL_LABELS[hit.channel] ?? hit.channel} ${hit.accountValue} is listed for it`;
  return `${hit.entityName} (${listLabel(hit.list)} ${hit.sourceId}, ${programs}): ${how}`;
}

export function sanctionsReasons(hits: readonly StoredSanctionsHit[], policy: RiskPolicy): Reason[] {
  if (hits.length === 0) return [];
  const ranked = rankHits(hits);
  const more = ranked.length > 1 ? `; and ${ranked.length - 1} more hit${ranked.length > 2 ? 's' : ''}` : '';
  return weighReason(policy, 'SANCTIONS_MATCH', 1, `sanctions list match: ${describeHit(ranked[0])}${more}`, {
    entities: [...new Set(ranked.map((hit) => `${hit.list}:${hit.sourceId}`))],
    entityNames: [...new Set(ranked.map((hit) => hit.entityName))],
    lists: [...new Set(ranked.map((hit) => hit.list))].sort(),
    programs: [...new Set(ranked.flatMap((hit) => hit.programs))].sort(),
    channels: [...new Set(ranked.map((hit) => hit.channel))].sort(),
    matchedValues: ranked.map((hit) => hit.matchedName),
    topScore: Math.round(ranked[0].score * 1000) / 1000,
    exactIdentifierHit: ranked.some((hit) => hit.channel !== 'name'),
  });
}

/** What a sanctions case shows a moderator, per hit. */
export function caseEvidenceOf(hits: readonly StoredSanctionsHit[]): Record<string, unknown>[] {
  return rankHits(hits).map((hit) => ({
    entity: `${hit.list}:${hit.sourceId}`,
    entityName: hit.entityName,
    entityKind: hit.entityKind,
    list: hit.list,
    listLabel: listLabel(hit.list),
    snapshotId: hit.snapshotId,
    programs: hit.programs,
    channel: hit.channel,
    accountValue: hit.accountValue,
    matchedName: hit.matchedName,
    score: hit.score,
    firstSeenAt: hit.firstSeenAt,
    lastSeenAt: hit.lastSeenAt,
    details: hit.evidence,
  }));
}
