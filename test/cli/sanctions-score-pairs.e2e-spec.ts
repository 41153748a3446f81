import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readCsvRecords } from '@tns/sanctions-lists';
import { runCli } from './cli-process';

describe('cli sanctions score-pairs', () => {
  let scratch: string;
  let env: Record<string, string>;

  beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'tns-score-pairs-'));
    // No DATABASE_URL, and a DATA_DIR that must stay absent: the embedded database is not started.
    env = { DATA_DIR: path.join(scratch, 'embedded-data') };
  });

  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  const write = (name: string, text: string) => {
    const file = path.join(scratch, name);
    writeFileSync(file, text);
    return file;
  };

  it('repeats every row with its columns and adds score and match, without a database', () => {
    const input = write(
      'pairs.csv',
      'id,category,query,candidate,note\r\n' +
        '1,ko,Kim Jong Un,KIM Jong-un,"quoted, with comma"\r\n' +
        '2,none,John Smith,KIM Jong Un,\r\n' +
        '3,typo,Pak Il-Hyon,Park Il Hyeon,"multi\nline"\r\n',
    );
    const output = path.join(scratch, 'scored.csv');
    const run = runCli(['sanctions', 'score-pairs', input, output], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/scored 3 pairs/);
    expect(existsSync(env.DATA_DIR)).toBe(false);

    const { header, records } = readCsvRecords(readFileSync(output, 'utf8'));
    expect(header).toEqual(['id', 'category', 'query', 'candidate', 'note', 'score', 'match']);
    expect(records.map((record) => [record.id, record.note])).toEqual([
      ['1', 'quoted, with comma'],
      ['2', ''],
      ['3', 'multi\nline'],
    ]);
    for (const record of records) {
      expect(Number(record.score)).toBeGreaterThanOrEqual(0);
      expect(Number(record.score)).toBeLessThanOrEqual(1);
    }
    expect(records[0]).toMatchObject({ match: 'true' });
    expect(Number(records[0].score)).toBeGreaterThan(0.95);
    expect(records[1]).toMatchObject({ match: 'false' });
  });

  it('takes the threshold from SANCTIONS_REVIEW_THRESHOLD', () => {
    const input = write('one.csv', 'query,candidate\nJohn Smith,Jon Smyth\n');
    const lenient = path.join(scratch, 'lenient.csv');
    const strict = path.join(scratch, 'strict.csv');
    expect(
      runCli(['sanctions', 'score-pairs', input, lenient], { ...env, SANCTIONS_REVIEW_THRESHOLD: '0.01' })
        .code,
    ).toBe(0);
    expect(
      runCli(['sanctions', 'score-pairs', input, strict], { ...env, SANCTIONS_REVIEW_THRESHOLD: '1' }).code,
    ).toBe(0);
    const [lenientRow] = readCsvRecords(readFileSync(lenient, 'utf8')).records;
    const [strictRow] = readCsvRecords(readFileSync(strict, 'utf8')).records;
    expect(lenientRow.score).toBe(strictRow.score);
    expect(Number(lenientRow.score)).toBeGreaterThan(0.01);
    expect(Number(strictRow.score)).toBeLessThan(1);
    expect([lenientRow.match, strictRow.match]).toEqual(['true', 'false']);

    const bad = runCli(['sanctions', 'score-pairs', input, strict], {
      ...env,
      SANCTIONS_REVIEW_THRESHOLD: 'high',
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/SANCTIONS_REVIEW_THRESHOLD/);
  });

  it('refuses an input without a candidate column, naming it, and writes nothing', () => {
    const input = write('no-candidate.csv', 'id,query,name\n1,Kim Jong Un,x\n');
    const output = path.join(scratch, 'never.csv');
    const run = runCli(['sanctions', 'score-pairs', input, output], env);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/missing column candidate/);
    expect(existsSync(output)).toBe(false);
  });

  it('says which input cannot be read', () => {
    const run = runCli(
      ['sanctions', 'score-pairs', path.join(scratch, 'absent.csv'), path.join(scratch, 'x.csv')],
      env,
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/cannot read .*absent\.csv/);
  });
});
