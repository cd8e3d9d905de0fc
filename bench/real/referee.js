'use strict';
// The referee: new TypeScript diagnostics a cleanup adds, independent of flagsweep's own verification.
// Real repos come without node_modules, so their baseline has many errors: we compare multisets of
// (file, code, message) before and after, never demand zero.
//
// Speed: one baseline Program per tsconfig, built once from the clean tree. Each cleanup makes one Program
// whose unchanged SourceFiles are the baseline's own objects (parsed and bound once), with the baseline as
// oldProgram, and asks for diagnostics of the changed files and their direct importers only: the checker is
// lazy, so that checks those files, not the project. The roots stay the tsconfig's files (plus any changed
// file it does not include) so ambient .d.ts files (`declare module '*.svg'`, globals) are in both programs.
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const CHECKED = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

class Referee {
  /** @param {string} repoDir absolute; @param {(abs: string) => string | undefined} readOriginal text at HEAD */
  constructor(repoDir, readOriginal) {
    this.repoDir = repoDir;
    this.readOriginal = readOriginal;
    this.projects = new Map();
    this.tsconfigByDir = new Map();
  }

  /**
   * @param {string[]} changed absolute paths of files the cleanup touched (the disk holds the new text)
   * @returns {{ checkedFiles: number, before: number, after: number, added: object[], ms: number, errors: string[] }}
   */
  check(changed) {
    const started = Date.now();
    this.dirty = changed;
    const groups = new Map();
    const errors = [];
    for (const file of changed.filter((f) => CHECKED.test(f))) {
      const cfg = this.tsconfigFor(file);
      if (!cfg) {
        errors.push(`${this.rel(file)}: no tsconfig.json above it`);
        continue;
      }
      if (!groups.has(cfg)) groups.set(cfg, []);
      groups.get(cfg).push(file);
    }
    const out = { checkedFiles: 0, before: 0, after: 0, added: [], ms: 0, errors };
    for (const [cfg, files] of groups) {
      try {
        const r = this.checkProject(this.project(cfg), files);
        out.checkedFiles += r.checkedFiles;
        out.before += r.before;
        out.after += r.after;
        out.added.push(...r.added);
      } catch (e) {
        errors.push(`${this.rel(cfg)}: ${e && e.stack ? e.stack.split('\n').slice(0, 3).join(' | ') : e}`);
      }
    }
    out.ms = Date.now() - started;
    return out;
  }

  checkProject(project, files) {
    const extra = files.filter((f) => !project.rootSet.has(f));
    const roots = extra.length ? [...project.roots, ...extra] : project.roots;
    const originals = new Map(files.map((f) => [f, this.readOriginal(f) ?? null]));
    const before = extra.length ? this.program(project, roots, originals, project.program) : project.program;
    const current = new Map(files.map((f) => [f, fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : null]));
    const after = this.program(project, roots, current, before);
    const targets = new Set(files);
    for (const f of files) for (const i of project.importers.get(f) ?? []) targets.add(i);
    const b = this.diagnostics(before, targets);
    const a = this.diagnostics(after, targets);
    return { checkedFiles: targets.size, before: b.length, after: a.length, added: addedDiagnostics(b, a) };
  }

  diagnostics(program, targets) {
    const out = [];
    for (const file of targets) {
      const sf = program.getSourceFile(file);
      if (!sf) continue;
      const all = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
      for (const d of all) {
        const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
        const where = d.file ? this.rel(d.file.fileName) : this.rel(file);
        const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
        out.push({ id: `${where}|${d.code}|${message}`, file: where, line, code: d.code, message });
      }
    }
    return out;
  }

  project(cfg) {
    let p = this.projects.get(cfg);
    if (p) return p;
    const parsed = ts.getParsedCommandLineOfConfigFile(cfg, { noEmit: true }, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => {},
    });
    if (!parsed) throw new Error('tsconfig does not parse');
    const options = { ...parsed.options, noEmit: true, skipLibCheck: true, incremental: false, composite: false };
    delete options.tsBuildInfoFile;
    p = { cfg, options, roots: parsed.fileNames.map((f) => path.resolve(f)), cache: new Map() };
    p.rootSet = new Set(p.roots);
    // The disk may already hold a cleanup's output: the baseline reads files that differ from HEAD from git.
    p.program = this.program(p, p.roots, this.dirtyOriginals(p), undefined);
    p.importers = importersOf(p.program);
    this.projects.set(cfg, p);
    return p;
  }

  /** Files the caller marked dirty (touched by the running cleanup) read at HEAD, for a baseline built mid-run. */
  dirtyOriginals() {
    const m = new Map();
    for (const f of this.dirty ?? []) m.set(f, this.readOriginal(f) ?? null);
    return m;
  }

  program(project, roots, overlay, oldProgram) {
    const base = ts.createCompilerHost(project.options, true);
    const cache = project.cache;
    const host = {
      ...base,
      getSourceFile(fileName, langOrOptions, onError) {
        const abs = path.resolve(fileName);
        if (overlay.has(abs)) {
          const text = overlay.get(abs);
          return text === null ? undefined : ts.createSourceFile(fileName, text, langOrOptions, true);
        }
        let sf = cache.get(abs);
        if (sf === undefined) {
          sf = base.getSourceFile(fileName, langOrOptions, onError) ?? null;
          cache.set(abs, sf);
        }
        return sf ?? undefined;
      },
      fileExists(f) {
        const abs = path.resolve(f);
        return overlay.has(abs) ? overlay.get(abs) !== null : base.fileExists(f);
      },
      readFile(f) {
        const abs = path.resolve(f);
        return overlay.has(abs) ? (overlay.get(abs) ?? undefined) : base.readFile(f);
      },
    };
    return ts.createProgram({ rootNames: roots, options: project.options, host, oldProgram });
  }

  /** The tsconfig.json nearest above the file that includes it; else the nearest one. */
  tsconfigFor(file) {
    let nearest;
    for (let dir = path.dirname(file); dir.startsWith(this.repoDir); dir = path.dirname(dir)) {
      const cfg = path.join(dir, 'tsconfig.json');
      if (fs.existsSync(cfg)) {
        nearest ??= cfg;
        if (this.includes(cfg, file)) return cfg;
      }
      if (dir === this.repoDir) break;
    }
    return nearest;
  }

  includes(cfg, file) {
    let names = this.tsconfigByDir.get(cfg);
    if (!names) {
      const parsed = ts.getParsedCommandLineOfConfigFile(cfg, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
      names = new Set((parsed?.fileNames ?? []).map((f) => path.resolve(f)));
      this.tsconfigByDir.set(cfg, names);
    }
    return names.has(file);
  }

  rel(f) {
    return path.relative(this.repoDir, f).replace(/\\/g, '/');
  }
}

/**
 * Codes that are one error with or without a spelling suggestion ("Did you mean …?"): whether TypeScript finds a
 * suggestion depends on what else the Program holds, so the same missing name can come back under the other code.
 */
const SAME_ERROR = { 2552: 2304, 2551: 2339, 2724: 2305, 2561: 2353 };

/**
 * The diagnostics of `after` that `before` lacks. Counted per (file, code): the same error can print its types
 * in another order in another Program (union members follow type ids, which follow checking order), so a
 * message that only changed wording is not new. Within a group that grew, the messages not seen before are named.
 */
function addedDiagnostics(before, after) {
  const group = (d) => `${d.file}|${SAME_ERROR[d.code] ?? d.code}`;
  const count = new Map();
  for (const d of before) count.set(group(d), (count.get(group(d)) ?? 0) + 1);
  const seen = new Map();
  for (const d of before) seen.set(d.id, (seen.get(d.id) ?? 0) + 1);
  const byGroup = new Map();
  for (const d of after) {
    if (!byGroup.has(group(d))) byGroup.set(group(d), []);
    byGroup.get(group(d)).push(d);
  }
  const added = [];
  for (const [g, list] of byGroup) {
    const excess = list.length - (count.get(g) ?? 0);
    if (excess <= 0) continue;
    const unseen = [];
    const rest = [];
    for (const d of list) {
      const n = seen.get(d.id) ?? 0;
      if (n > 0) {
        seen.set(d.id, n - 1);
        rest.push(d);
      } else unseen.push(d);
    }
    for (const d of [...unseen, ...rest].slice(0, excess)) added.push({ file: d.file, line: d.line, code: d.code, message: d.message });
  }
  return added;
}

/** file → the project files that import it (import/export from, import(), require()). */
function importersOf(program) {
  const importers = new Map();
  for (const sf of program.getSourceFiles()) {
    if (sf.isDeclarationFile || sf.fileName.includes('/node_modules/')) continue;
    for (const spec of sf.imports ?? []) {
      const r = program.getResolvedModuleFromModuleSpecifier(spec, sf);
      const target = r?.resolvedModule?.resolvedFileName;
      if (!target || target.includes('/node_modules/')) continue;
      const abs = path.resolve(target);
      if (!importers.has(abs)) importers.set(abs, new Set());
      importers.get(abs).add(path.resolve(sf.fileName));
    }
  }
  return importers;
}

module.exports = { Referee, addedDiagnostics };
