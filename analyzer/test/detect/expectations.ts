import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import type { FlagAnnotation, FlagCheck, KeyDeclaration } from '../../src/model';
import { loadConfig } from '../../src/config';
import { scanProject } from '../../src/detect';

/**
 * The expected checks of a fixture, written by hand. Only the fields given are compared, but the list must
 * match the found checks one to one, in file order.
 */
export interface ExpectedCheck {
  file: string;
  line: number;
  column: number;
  key: string | null;
  kind: FlagCheck['kind'];
  sdk?: string;
  polarity?: FlagCheck['polarity'];
  evaluates?: FlagCheck['evaluates'];
  keyOrigin?: FlagCheck['keyOrigin'];
  keyForm?: FlagCheck['keyForm'];
  defaultValue?: unknown;
  /** No defaultValue at all. */
  noDefault?: true;
  dynamicReason?: string;
  keyLine?: number;
  keyColumn?: number;
  endLine?: number;
  endColumn?: number;
  expires?: string;
  owner?: string;
  valueKind?: FlagCheck['valueKind'];
  /** Where the value kind came from (valueKindBasis.from). */
  valueKindFrom?: NonNullable<FlagCheck['valueKindBasis']>['from'];
}

export interface ExpectedDeclaration {
  file: string;
  name: string;
  key: string;
  line: number;
  column?: number;
  expires?: string;
  owner?: string;
}

const FIXTURES = path.resolve(__dirname, '../../../test-fixtures');

export function fixtureDir(name: string): string {
  return path.join(FIXTURES, name);
}

function rel(root: string, file: string): string {
  return path.relative(root, file).split(path.sep).join('/');
}

function project(root: string, c: FlagCheck): Record<string, unknown> {
  return {
    at: `${rel(root, c.file)}:${c.range.line}:${c.range.column}`,
    key: c.key,
    kind: c.kind,
    sdk: c.sdk,
    polarity: c.polarity,
    evaluates: c.evaluates,
    keyOrigin: c.keyOrigin,
    keyForm: c.keyForm,
    defaultValue: c.defaultValue,
    hasDefault: 'defaultValue' in c,
    dynamicReason: c.dynamic?.reason,
    keyAt: `${c.keyRange.line}:${c.keyRange.column}`,
    endAt: `${c.range.endLine}:${c.range.endColumn}`,
    expires: c.annotation?.expires,
    owner: c.annotation?.owner,
    valueKind: c.valueKind,
    valueKindFrom: c.valueKindBasis?.from,
  };
}

function expectedProjection(e: ExpectedCheck, actual: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { at: `${e.file}:${e.line}:${e.column}`, key: e.key, kind: e.kind };
  const copy = <K extends keyof ExpectedCheck>(k: K, as: string = k) => {
    if (e[k] !== undefined) out[as] = e[k];
  };
  copy('sdk');
  copy('polarity');
  copy('evaluates');
  copy('keyOrigin');
  copy('keyForm');
  copy('dynamicReason');
  copy('expires');
  copy('owner');
  copy('valueKind');
  copy('valueKindFrom');
  if ('defaultValue' in e) out.defaultValue = e.defaultValue;
  if (e.noDefault) out.hasDefault = false;
  if (e.keyLine !== undefined) out.keyAt = `${e.keyLine}:${e.keyColumn}`;
  if (e.endLine !== undefined) out.endAt = `${e.endLine}:${e.endColumn}`;
  // Compare only what the expectation names.
  for (const k of Object.keys(actual)) if (!(k in out)) delete actual[k];
  return out;
}

export function assertChecks(root: string, actual: FlagCheck[], expected: ExpectedCheck[]): void {
  const got = actual.map((c) => project(root, c));
  const want = expected.map((e, i) => expectedProjection(e, got[i] ?? {}));
  const shownGot = got.map((g, i) => (i < want.length ? g : { at: g.at, key: g.key, kind: g.kind }));
  assert.deepStrictEqual(shownGot, want);
}

export function assertDeclarations(root: string, actual: KeyDeclaration[], expected: ExpectedDeclaration[]): void {
  const got = actual.map((d, i) => {
    const e = expected[i];
    const g: Record<string, unknown> = { file: rel(root, d.file), name: d.name, key: d.key, line: d.range.line };
    if (e?.column !== undefined) g.column = d.range.column;
    if (e?.expires !== undefined) g.expires = d.annotation?.expires;
    if (e?.owner !== undefined) g.owner = d.annotation?.owner;
    return g;
  });
  assert.deepStrictEqual(got, expected.map((e) => ({ ...e })));
}

export function annotationSummary(root: string, a: FlagAnnotation): Record<string, unknown> {
  return {
    at: `${rel(root, a.file)}:${a.range.line}:${a.range.column}`,
    key: a.key,
    expires: a.expires,
    owner: a.owner,
    flagType: a.flagType,
    description: a.description,
    problems: a.problems.map((p) => `${p.range.line}:${p.range.column}-${p.range.endColumn} ${p.tag} ${p.message}`),
  };
}

/** One fixture project and what scanning it must find. */
export interface Scenario {
  fixture: string;
  title: string;
  checks: ExpectedCheck[];
  declarations?: ExpectedDeclaration[];
}

/** One test per scenario: scan the fixture with its own config and compare checks (and declarations). */
export function describeScenarios(title: string, scenarios: Scenario[]): void {
  describe(title, () => {
    for (const s of scenarios) {
      it(`${s.fixture}: ${s.title}`, async () => {
        const root = fixtureDir(s.fixture);
        const result = await scanProject(loadConfig(root));
        assertChecks(root, result.checks, s.checks);
        if (s.declarations) assertDeclarations(root, result.declarations, s.declarations);
      });
    }
  });
}
