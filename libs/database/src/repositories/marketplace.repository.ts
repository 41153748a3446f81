import type { DataSource } from 'typeorm';
import { MarketplaceEntity } from '../entities';

export class MarketplaceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(slug: string, name: string): Promise<MarketplaceEntity> {
    const repository = this.dataSource.getRepository(MarketplaceEntity);
    return repository.save(repository.create({ slug, name }));
  }

  findBySlug(slug: string): Promise<MarketplaceEntity | null> {
    return this.dataSource.getRepository(MarketplaceEntity).findOneBy({ slug });
  }

  findById(id: string): Promise<MarketplaceEntity | null> {
    return this.dataSource.getRepository(MarketplaceEntity).findOneBy({ id });
  }
}
