// The property names the builds shorten (INTERNAL_PROPS in tsup.config.ts) must never be part of the public API
// (a property of any exported type, classes' private members aside), a key of the stored configuration (part of
// the exported IndexConfig type) or a property of a built-in: such a name would break callers or the runtime.
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { INTERNAL_PROPS } from '../../tsup.config.js';
import { REPO_ROOT } from '../helpers/shared.js';

const ENTRIES = ['src/index.ts', 'src/search.ts', 'src/typos.ts', 'src/fields.ts', 'src/adapters/flexsearch.ts'].map((f) => `${REPO_ROOT}/${f}`);

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
    if (!ours(t)) {
      // built-in and library types (FlexSearch's): their own property names, without walking further
      for (const p of checker.getPropertiesOfType(t)) names.add(p.name);
      return;
    }
    for (const p of checker.getPropertiesOfType(t)) {
      const decl = p.valueDeclaration ?? p.declarations?.[0];
      if (decl && ts.getCombinedModifierFlags(decl) & ts.ModifierFlags.Private) continue;
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

/** Property names of the built-ins the code uses, and of the iteration and promise protocols. */
function builtinNames(): Set<string> {
  const objects: object[] = [
    Object, Object.prototype, Array, Array.prototype, String, String.prototype, Number, Number.prototype, Math, JSON,
    Map.prototype, Set.prototype, WeakMap.prototype, Promise, Promise.prototype, Error.prototype, Function.prototype,
    RegExp.prototype, Symbol.prototype, ArrayBuffer.prototype, DataView.prototype, Uint8Array.prototype,
    Object.getPrototypeOf(Uint8Array.prototype), TextEncoder.prototype, TextDecoder.prototype, globalThis,
  ];
  const names = new Set(['next', 'done', 'value', 'return', 'throw', 'then', 'catch', 'finally', 'toJSON', 'default']);
  for (const o of objects) for (const n of Object.getOwnPropertyNames(o)) names.add(n);
  return names;
}

describe('INTERNAL_PROPS (mangled property names)', () => {
  it('contains no public API name, stored-config key or built-in property', () => {
    const pub = publicNames();
    // the walk reaches the public surface: options, results, the stored config and the analyzer
    for (const n of ['limit', 'snippet', 'highlights', 'maxParagraphLength', 'stopwords', 'superscriptAlef', 'termStrings']) {
      expect(pub.has(n), n).toBe(true);
    }
    const builtins = builtinNames();
    expect(INTERNAL_PROPS.filter((n) => pub.has(n))).toEqual([]);
    expect(INTERNAL_PROPS.filter((n) => builtins.has(n))).toEqual([]);
    expect(new Set(INTERNAL_PROPS).size).toBe(INTERNAL_PROPS.length);
  });
});
