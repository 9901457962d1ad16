import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { declaredFunctions } from '../../scripts/serverless/declared-functions';

/*
 * The shape of functions/src, checked on every run: each domain folder imports only the layers below it,
 * nothing imports in a circle (type-only imports count: they couple files just the same), and every function
 * in serverless.yml has its own handler file at functions/src/<domain>/handlers/<function-name>.ts.
 */

/** Lowest first. A domain may import its own folder and the layers below it, never its own layer or above. */
const LAYERS: readonly (readonly string[])[] = [
  // HTTP adapter, configuration, clients, encryption, logs: knows no domain.
  ['platform'],
  // Who is calling (accounts, sessions, tokens); the published catalog; reports upward to the provincial
  // platform (the report rows' outbox, their delivery and dead-letter list: records built by the domains above).
  ['auth', 'catalog', 'reports'],
  // Staff of organisations (bound accounts); messages, outbox and timers addressed to accounts.
  ['staff', 'notifications'],
  // Electronic licences: issued, signed, verified, changed by staff (who notify the holder), the wallet.
  // List maintenance: drafts of the catalog's next versions, their review and publication.
  ['licences', 'lists'],
  // The case: store, lifecycle, clocks, documents, audit, and the applicant's and the staff's services.
  ['cases'],
  // What builds on cases: 好差评, consultations and complaints; the working-day calendar; the API document;
  // the assessment figures (网上考核), aggregated from cases, evaluations and the catalog; guide files (blank
  // forms, samples), checked as applicants' uploads are; cases imported from the national tourism system.
  ['feedback', 'admin', 'docs', 'assessment', 'guidefiles', 'imports'],
  // The signed open API for other government systems (the provincial portal): the catalog in the national
  // layout, case status, licence verification and the portal's evaluations, over the domains below. The
  // signature itself (auth/signed-route.ts) sits in auth, so any domain's signed route can use it.
  ['open'],
];
const MAX_LINES = 400;

const ROOT = __dirname;
const REPO = path.resolve(ROOT, '..', '..');
const layerOf = new Map(LAYERS.flatMap((domains, layer) => domains.map((domain) => [domain, layer] as const)));
const relative = (file: string) => path.relative(ROOT, file).split(path.sep).join('/');
const domainOf = (file: string) => relative(file).split('/')[0]!;
const isHandlerFile = (file: string) => relative(file).split('/')[1] === 'handlers';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}

function resolve(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts'), base].find((candidate) => candidate.endsWith('.ts') && existsSync(candidate));
}

const GENERATED_DATA = [path.resolve(ROOT, '..', '..', 'docs', 'openapi.json')];
const files = sourceFiles(ROOT).sort();
/** Relative imports that lead to no file under functions/src. */
const unresolved: string[] = [];
/** Every relative import (static, type-only, re-export or dynamic) of every file, resolved to a file. */
const imports = new Map(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .flatMap((i) => {
        // Generated data the repository publishes (docs/openapi.json) may be bundled as it is; it imports nothing.
        if (GENERATED_DATA.includes(path.resolve(path.dirname(file), i.fileName))) return [];
        const target = resolve(file, i.fileName);
        if (target?.startsWith(ROOT + path.sep)) return [target];
        unresolved.push(`${relative(file)} → ${i.fileName}`);
        return [];
      });
    return [file, [...new Set(targets)]];
  }),
);

/** Strongly connected components with more than one member (or a self-import): the circles of a graph. */
function circles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let next = 0;
  const visit = (node: string) => {
    index.set(node, next);
    low.set(node, next++);
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) {
        low.set(node, Math.min(low.get(node)!, index.get(target)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)!.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

/** The names a module exports; a re-export or `export =` shows as `*`. */
function exportedNames(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
  return source.statements.flatMap((statement): string[] => {
    if (ts.isExportDeclaration(statement) || ts.isExportAssignment(statement)) return ['*'];
    if (!exported(statement)) return [];
    if (ts.isVariableStatement(statement)) return statement.declarationList.declarations.map((d) => d.name.getText(source));
    const named = statement as ts.Node & { name?: ts.Identifier };
    return [named.name?.text ?? '*'];
  });
}

describe('functions/src layering', () => {
  it('puts every file in a domain folder that has a layer', () => {
    const unplaced = [...new Set(files.map(domainOf))].filter((domain) => !layerOf.has(domain));
    expect(unplaced).toEqual([]);
  });

  it('resolves every relative import to a file under functions/src', () => {
    expect(unresolved).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(circles(imports).map((circle) => circle.map(relative))).toEqual([]);
  });

  it('has no import cycle between domain folders', () => {
    const domains = new Map<string, Set<string>>();
    for (const [file, targets] of imports) {
      const from = domainOf(file);
      if (!domains.has(from)) domains.set(from, new Set());
      for (const target of targets) if (domainOf(target) !== from) domains.get(from)!.add(domainOf(target));
    }
    expect(circles(new Map([...domains].map(([domain, targets]) => [domain, [...targets]])))).toEqual([]);
  });

  it('keeps platform free of any domain', () => {
    const reaching = [...imports.entries()]
      .filter(([file]) => domainOf(file) === 'platform')
      .flatMap(([file, targets]) => targets.filter((t) => domainOf(t) !== 'platform').map((t) => `${relative(file)} → ${relative(t)}`));
    expect(reaching).toEqual([]);
  });

  it('imports only from lower layers across domains (no import back up, none within a layer)', () => {
    const upward = [...imports.entries()].flatMap(([file, targets]) =>
      targets
        .filter((target) => domainOf(target) !== domainOf(file))
        .filter((target) => (layerOf.get(domainOf(target)) ?? Infinity) >= (layerOf.get(domainOf(file)) ?? -Infinity))
        .map((target) => `${relative(file)} → ${relative(target)}`),
    );
    expect(upward).toEqual([]);
  });

  it(`keeps every source file under ${MAX_LINES} lines`, () => {
    const long = files.map((file) => ({ file: relative(file), lines: readFileSync(file, 'utf8').split('\n').length })).filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});

describe('handler files', () => {
  // Functions of every stage and those of one stage alone (stages/<stage>.yml), e.g. the local developer sign-in.
  const functions = declaredFunctions(REPO).map((fn) => [fn.name, fn] as const);
  const handlerFiles = files.filter(isHandlerFile);

  it('name each function: functions/src/<domain>/handlers/<function name in kebab case>.handler', () => {
    const off = functions
      .filter(([name, fn]) => {
        const match = /^functions\/src\/([a-z]+)\/handlers\/([a-z0-9-]+)\.handler$/.exec(fn.handler);
        return !match || !layerOf.has(match[1]!) || match[2] !== kebab(name) || !existsSync(path.join(REPO, fn.handler.replace(/\.handler$/, '.ts')));
      })
      .map(([name, fn]) => `${name}: ${fn.handler}`);
    expect(off).toEqual([]);
  });

  it('are one per function: no handler file without its function, none shared', () => {
    const named = functions.map(([, fn]) => path.join(REPO, fn.handler.replace(/\.handler$/, '.ts')));
    expect(new Set(named).size).toBe(named.length);
    expect(handlerFiles.filter((file) => !named.includes(file)).map(relative)).toEqual([]);
  });

  it('export `handler` and nothing else', () => {
    const extra = handlerFiles.map((file) => ({ file: relative(file), exports: exportedNames(file) })).filter((f) => f.exports.join() !== 'handler');
    expect(extra).toEqual([]);
  });

  it('are imported by nothing: shared composition lives in the domain, e.g. its wiring.ts', () => {
    const importers = [...imports.entries()].flatMap(([file, targets]) => targets.filter(isHandlerFile).map((t) => `${relative(file)} → ${relative(t)}`));
    expect(importers).toEqual([]);
  });
});
