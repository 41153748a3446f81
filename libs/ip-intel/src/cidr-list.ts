import { Cidr, parseCidr } from './cidr';

/**
 * cidr-list format: one address or CIDR a line; "#" starts a comment (whole line or trailing);
 * blank lines ignored; CRLF accepted.
 *
 * Bad lines are skipped and counted (with the first few quoted as file:line), because public
 * lists occasionally carry a stray line and one must not void the whole list. A file with bad
 * lines and no valid entry at all is rejected: that is an HTML error page or the wrong file.
 */
export interface CidrListParseResult {
  readonly networks: Cidr[];
  readonly invalidLineCount: number;
  /** "file:line: reason" for the first MAX_REPORTED_INVALID_LINES bad lines. */
  readonly invalidLineSamples: string[];
}

export const MAX_REPORTED_INVALID_LINES = 5;

export class CidrListFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CidrListFormatError';
  }
}

export function parseCidrListText(text: string, fileName: string): CidrListParseResult {
  const networks: Cidr[] = [];
  const invalidLineSamples: string[] = [];
  let invalidLineCount = 0;
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const content = stripComment(lines[index]);
    if (content === '') continue;
    const parsed = parseCidr(content);
    if (parsed.ok) {
      networks.push(parsed.cidr);
      continue;
    }
    invalidLineCount++;
    if (invalidLineSamples.length < MAX_REPORTED_INVALID_LINES) {
      invalidLineSamples.push(`${fileName}:${index + 1}: ${parsed.reason}`);
    }
  }
  if (networks.length === 0 && invalidLineCount > 0) {
    throw new CidrListFormatError(
      `${fileName}: no valid address or CIDR in ${invalidLineCount} non-comment line(s); first: ${invalidLineSamples[0]}`,
    );
  }
  return { networks, invalidLineCount, invalidLineSamples };
}

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash < 0 ? line : line.slice(0, hash)).trim();
}
