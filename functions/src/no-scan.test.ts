import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

describe('request paths', () => {
  it('never Scan a table: every read is a GetItem or a Query', () => {
    const offenders = sourceFiles(__dirname).filter((file) => /\bScan(Command|Input)?\b|\.scan\(/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
