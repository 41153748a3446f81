import type { PlatformConfig } from '@tns/config';
import { CreateApiKeyUseCase, CreateMarketplaceUseCase, ModeratorAccessUseCase } from '@tns/auth';
import {
  ApiKeyRepository,
  createDataSource,
  MarketplaceRepository,
  ModeratorRepository,
  resolveDatabaseUrls,
  runMigrations,
  startEmbeddedPostgres,
} from '@tns/database';
import type { DataSource } from 'typeorm';
import { requireOption, UsageError, type ParsedArguments } from '../cli-arguments';
import { sanctionsLoadCommand } from './sanctions-load.command';
import { sanctionsScorePairsCommand } from './sanctions-score-pairs.command';

const USAGE = `usage: cli <command>
  migrate
  marketplace create <slug> [--name "Name"]
  api-key create --marketplace <slug> --scopes <csv>
  moderator create <email> --role <moderator|senior|admin> [--marketplace <slug>]
  sanctions load <ofac-sdn-csv|un-xml|eu-csv> <file...>
  sanctions score-pairs <in.csv> <out.csv>`;

/** Runs one command; returns the lines to print on stdout. */
export async function runCommand(parsed: ParsedArguments, config: PlatformConfig): Promise<string[]> {
  const [group, action, ...rest] = parsed.positionals;
  if (!group) throw new UsageError(USAGE.replace(/\n/g, ' | '));
  // Scoring name pairs is file work: no DATABASE_URL needed, no embedded database started.
  if (group === 'sanctions' && action === 'score-pairs') return sanctionsScorePairsCommand(rest);
  return withDatabase(config, async (dataSource) => {
    const marketplaces = new MarketplaceRepository(dataSource);
    switch (`${group} ${action ?? ''}`.trim()) {
      case 'migrate': {
        const applied = await runMigrations(dataSource);
        return [applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date'];
      }
      case 'marketplace create': {
        const slug = rest[0];
        if (!slug) throw new UsageError('usage: marketplace create <slug> [--name "Name"]');
        const { id } = await new CreateMarketplaceUseCase(marketplaces).execute(slug, parsed.options.get('name'));
        return [id];
      }
      case 'api-key create': {
        const useCase = new CreateApiKeyUseCase(marketplaces, new ApiKeyRepository(dataSource));
        const { key } = await useCase.execute(requireOption(parsed, 'marketplace'), requireOption(parsed, 'scopes'));
        return ['API key (shown once; only its hash is stored):', key];
      }
      case 'moderator create': {
        const email = rest[0];
        if (!email) throw new UsageError('usage: moderator create <email> --role <role> [--marketplace <slug>]');
        const access = new ModeratorAccessUseCase(new ModeratorRepository(dataSource), marketplaces);
        const { loginToken } = await access.create(
          email,
          requireOption(parsed, 'role'),
          parsed.options.get('marketplace'),
        );
        return ['One-time login token (valid 24 h; exchange it with the review API login mutation):', loginToken];
      }
      case 'sanctions load':
        return sanctionsLoadCommand(rest, dataSource);
      default:
        throw new UsageError(`unknown command "${parsed.positionals.join(' ')}"; ${USAGE.replace(/\n/g, ' | ')}`);
    }
  });
}

async function withDatabase<T>(config: PlatformConfig, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const urls = await resolveDatabaseUrls(config);
  const dataSource = await createDataSource({ url: urls.applicationUrl, poolSize: 2, applicationName: 'tns-cli' })
    .initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
    if (urls.backend === 'embedded') await (await startEmbeddedPostgres(config.DATA_DIR)).stop();
  }
}
