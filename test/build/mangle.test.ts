// The property names the builds shorten (internalNames in build/internal-names.ts: what the source marks
// `@internal`, `private` or `protected`) must never be part of the public API (a property of any exported type,
// classes' private members aside), a key of the stored configuration (part of the exported IndexConfig type) or a
// property of a built-in: esbuild shortens a name everywhere, so such a name would break callers or the runtime.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { builtinNames, internalNames } from '../../build/internal-names.js';
import { REPO_ROOT } from '../helpers/shared.js';

const ENTRIES = ['src/index.ts', 'src/search.ts', 'src/pack.ts', 'src/pack-directory.ts', 'src/pack-node.ts', 'src/typos.ts', 'src/fields.ts', 'src/quran.ts', 'src/suggest.ts', 'src/derivations.ts', 'src/adapters/flexsearch.ts'].map((f) => `${REPO_ROOT}/${f}`);

/** Every property name reachable from the entries' exports through their types (private class members excepted). */
function publicNames(): Set<string> {
  const program = ts.createProgram(ENTRIES, {
    target: ts.ScriptTarget.ES2020,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: ['node'],
    strict: true,
    skipLibCheck: true,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  const names = new Set<string>();
  const seen = new Set<ts.Type>();
  const todo: ts.Type[] = [];
  const ours = (t: ts.Type) => {
    const decl = (t.aliasSymbol ?? t.getSymbol())?.declarations?.[0];
    return !decl || decl.getSourceFile().fileName.startsWith(`${REPO_ROOT}/src/`);
  };
  const visit = (t: ts.Type): void => {
    if (seen.has(t)) return;
    seen.add(t);
    if (t.isUnionOrIntersection()) todo.push(...t.types);
    if (t.flags & ts.TypeFlags.Object && (t as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) {
      todo.push(...checker.getTypeArguments(t as ts.TypeReference));
    }
    // a type marked @internal is an opaque handle (fahras/quran's rules): users pass it along, never read it
    const declaration = (t.aliasSymbol ?? t.getSymbol())?.declarations?.[0];
    if (declaration && ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'internal')) return;
    if (!ours(t)) {
      // built-in and library types (FlexSearch's): their own property names, without walking further
      for (const p of checker.getPropertiesOfType(t)) names.add(p.name);
      return;
    }
    for (const p of checker.getPropertiesOfType(t)) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      // private and protected members are internal (build/internal-names.ts): the public classes are not for subclassing
      if (decl && ts.getCombinedModifierFlags(decl) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) continue;
      names.add(p.name);
      if (decl) todo.push(checker.getTypeOfSymbolAtLocation(p, decl));
    }
    for (const sig of [...t.getCallSignatures(), ...t.getConstructSignatures()]) {
      // `@internal` constructors (SearchIndex, FahrasIndex take a snapshot) are not part of the API
      if (sig.declaration && ts.getJSDocTags(sig.declaration).some((tag) => tag.tagName.text === 'internal')) continue;
      todo.push(sig.getReturnType());
      for (const p of sig.parameters) if (p.valueDeclaration) todo.push(checker.getTypeOfSymbolAtLocation(p, p.valueDeclaration));
    }
    for (const info of checker.getIndexInfosOfType(t)) todo.push(info.type);
  };
  const drain = () => {
    while (todo.length) visit(todo.pop() as ts.Type);
  };
  for (const file of ENTRIES) {
    const source = program.getSourceFile(file);
    const mod = source && checker.getSymbolAtLocation(source);
    if (!mod) throw new Error(`cannot read ${file}`);
    for (const ex of checker.getExportsOfModule(mod)) {
      const sym = ex.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(ex) : ex;
      todo.push(checker.getDeclaredTypeOfSymbol(sym));
      if (sym.valueDeclaration) todo.push(checker.getTypeOfSymbolAtLocation(sym, sym.valueDeclaration));
      drain();
    }
  }
  return names;
}

const INTERNAL = internalNames(`${REPO_ROOT}/src`);

describe('internal property names (shortened by the builds)', () => {
  it('are read from the markers in the source', () => {
    // an interface marked @internal (the snapshot), a private member (the searcher's), a member marked @internal
    for (const n of ['docs', 'paragraphTable', 'stamp', 'scores', 'nTouched', 'kind']) expect(INTERNAL, n).toContain(n);
    // members of public types are not marked
    for (const n of ['limit', 'snippet', 'search', 'config']) expect(INTERNAL, n).not.toContain(n);
    // a RegExp match's own properties: `QueryItem` (a match, @internal) declares `index`, which the parser reads
    for (const n of ['index', 'input', 'groups']) expect(INTERNAL, n).not.toContain(n);
  });

  it('contain no public API name, stored-config key or built-in property', () => {
    const pub = publicNames();
    // the walk reaches the public surface: options, results, the stored config and the analyzer
    for (const n of ['limit', 'snippet', 'highlights', 'maxParagraphLength', 'stopwords', 'superscriptAlef', 'termStrings']) {
      expect(pub.has(n), n).toBe(true);
    }
    const builtins = builtinNames();
    expect(INTERNAL.filter((n) => pub.has(n))).toEqual([]);
    expect(INTERNAL.filter((n) => builtins.has(n))).toEqual([]);
  });
});
