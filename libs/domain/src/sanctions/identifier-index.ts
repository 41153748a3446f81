// Exact-hit lookup of identifiers published in the lists. Any hit is an alert of the highest
// severity: an identifier is not a name, two people do not share one by coincidence.
import { normaliseIdentifier, type IdentifierChannel } from './identifier-normalisation';
import type { SanctionedEntity } from './sanctioned-entity';

export interface IdentifierQuery {
  wallets?: string[];
  emails?: string[];
  websites?: string[];
  phones?: string[];
  /** passport, national-ID, tax numbers… */
  documents?: string[];
}

export interface IdentifierHit {
  channel: IdentifierChannel;
  value: string;
  normalised: string;
  entity: SanctionedEntity;
  severity: 'critical';
  reason: string;
}

// Phone numbers shorter than this are extensions or fragments; matching them would be noise.
const MIN_PHONE_DIGITS = 7;
const MIN_DOCUMENT_LENGTH = 5;

export class SanctionsIdentifierIndex {
  private readonly entries = new Map<string, Array<{ entity: SanctionedEntity; published: string }>>();

  constructor(entities: Iterable<SanctionedEntity>) {
    for (const entity of entities) {
      for (const wallet of entity.wallets) this.add('wallet', wallet.address, entity);
      for (const email of entity.emails) this.add('email', email, entity);
      for (const website of entity.websites) this.add('website', website, entity);
      for (const phone of entity.phones) this.add('phone', phone, entity);
      for (const identifier of entity.identifiers) this.add('document', identifier.value, entity);
    }
  }

  get size(): number {
    return this.entries.size;
  }

  private key(channel: IdentifierChannel, value: string): string | undefined {
    const normalised = normaliseIdentifier(channel, value);
    if (channel === 'phone' && normalised.length < MIN_PHONE_DIGITS) return undefined;
    if (channel === 'document' && normalised.length < MIN_DOCUMENT_LENGTH) return undefined;
    return normalised ? `${channel}:${normalised}` : undefined;
  }

  private add(channel: IdentifierChannel, value: string, entity: SanctionedEntity): void {
    const key = this.key(channel, value);
    if (!key) return;
    const list = this.entries.get(key) ?? [];
    if (!list.some((entry) => entry.entity === entity)) list.push({ entity, published: value });
    this.entries.set(key, list);
  }

  lookup(query: IdentifierQuery): IdentifierHit[] {
    const hits: IdentifierHit[] = [];
    const channels: Array<[IdentifierChannel, string[] | undefined]> = [
      ['wallet', query.wallets],
      ['email', query.emails],
      ['website', query.websites],
      ['phone', query.phones],
      ['document', query.documents],
    ];
    for (const [channel, values] of channels) {
      for (const value of values ?? []) {
        const key = this.key(channel, value);
        if (!key) continue;
        for (const entry of this.entries.get(key) ?? []) {
          hits.push({
            channel,
            value,
            normalised: key.slice(channel.length + 1),
            entity: entry.entity,
            severity: 'critical',
            reason: `${channel} ${value} is published for ${entry.entity.list}:${entry.entity.sourceId} (${entry.entity.primaryName})`,
          });
        }
      }
    }
    return hits;
  }
}
