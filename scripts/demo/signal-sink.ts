// Collects signals in contract §3 shape. Ids come from the seeded PRNG (so a seed reproduces the
// marketplace byte for byte); anything after the end of the period is dropped rather than
// emitted in the future, which the API would reject.

import { Signal, SignalDataByType, SignalType } from '@tns/domain/signals';
import { Random } from './prng';

export class SignalSink {
  readonly signals: Signal[] = [];
  private serial = 0;

  constructor(
    private readonly rng: Random,
    private readonly startAt: number,
    private readonly endAt: number,
  ) {}

  emit<T extends SignalType>(type: T, accountId: string, at: number, data: SignalDataByType[T]): void {
    if (at < this.startAt || at > this.endAt) return;
    this.serial++;
    const id = `evt_${this.serial.toString(36)}${this.rng.hex(12)}`;
    this.signals.push({
      id,
      type,
      accountId,
      occurredAt: new Date(Math.floor(at)).toISOString(),
      data,
    } as Signal);
  }

  /** Chronological, ties broken by id: the order a marketplace's event log would have. */
  sorted(): Signal[] {
    return [...this.signals].sort((a, b) =>
      a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : 1,
    );
  }
}
