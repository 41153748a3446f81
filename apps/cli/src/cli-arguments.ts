/** Positional arguments and `--flag value` options, as the contract's CLI writes them. */
export interface ParsedArguments {
  positionals: string[];
  options: Map<string, string>;
}

export class UsageError extends Error {}

export function parseArguments(argv: readonly string[]): ParsedArguments {
  const positionals: string[] = [];
  const options = new Map<string, string>();
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument.startsWith('--')) {
      const [name, inline] = argument.slice(2).split('=', 2) as [string, string | undefined];
      const value = inline ?? argv[++index];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      options.set(name, value);
    } else {
      positionals.push(argument);
    }
  }
  return { positionals, options };
}

export function requireOption(parsed: ParsedArguments, name: string): string {
  const value = parsed.options.get(name);
  if (!value) throw new UsageError(`--${name} is required`);
  return value;
}
