import { IsNull, type DataSource } from 'typeorm';
import { ApiKeyEntity } from '../entities';

export class ApiKeyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(
    marketplaceId: string,
    key: { prefix: string; secretHash: string; scopes: string[] },
  ): Promise<ApiKeyEntity> {
    const repository = this.dataSource.getRepository(ApiKeyEntity);
    return repository.save(repository.create({ marketplaceId, ...key, revokedAt: null }));
  }

  /** The prefix is the key's public half: it finds the row, the hash then proves the secret. */
  findActiveByPrefix(prefix: string): Promise<ApiKeyEntity | null> {
    return this.dataSource.getRepository(ApiKeyEntity).findOneBy({ prefix, revokedAt: IsNull() });
  }
}
