import 'reflect-metadata';
import { loadPlatformConfig } from '@tns/config';
import { DomainError } from '@tns/domain/errors';
import { parseArguments, UsageError } from './cli-arguments';
import { runCommand } from './commands';

/**
 * The administration CLI (contract §2): exit 0 on success; otherwise a one-line reason on
 * stderr and a non-zero exit (2 for a usage error, 1 for a refusal or failure).
 */
async function main(): Promise<number> {
  try {
    const config = loadPlatformConfig();
    const output = await runCommand(parseArguments(process.argv.slice(2)), config);
    if (output.length > 0) process.stdout.write(`${output.join('\n')}\n`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`${message.split('\n')[0]}\n`);
    return error instanceof UsageError ? 2 : error instanceof DomainError ? 1 : 1;
  }
}

void main().then((code) => process.exit(code));
