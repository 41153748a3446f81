import { OutboxRepository, SanctionsListRepository } from '@tns/database';
import { QueueName, RESCREEN_SANCTIONS_JOB } from '@tns/queue';
import { LoadSanctionsListUseCase } from '@tns/sanctions-lists';
import type { DataSource, EntityManager } from 'typeorm';

export type { SanctionsLoadResult } from '@tns/sanctions-lists';

/**
 * The shared load use case (libs/sanctions-lists) on the application database; a rescreen
 * request also sends a rescreen job through the outbox, so a running detection worker starts at
 * once rather than at its next scheduled look.
 */
export function loadSanctionsListUseCase(dataSource: DataSource): LoadSanctionsListUseCase<EntityManager> {
  const outbox = new OutboxRepository(dataSource);
  return new LoadSanctionsListUseCase(new SanctionsListRepository(dataSource), {
    onRescreenRequested: (manager, requestId) =>
      outbox.add(manager, [{ queue: QueueName.Detection, jobName: RESCREEN_SANCTIONS_JOB, payload: { requestId } }]),
  });
}
