// The property names the library and browser builds shorten (esbuild `mangleProps`), read from the source: a name
// is internal when the code says so. The rule (DESIGN.md, "Internal names"):
//  - `@internal` in the TSDoc of an interface, a class or a type alias: every member it declares (nested type
//    literals and constructor parameter properties included);
//  - `@internal` in the TSDoc of one member: that member;
//  - a `private` or `protected` class member.
// Names of built-ins (Array.prototype.fill, Map.prototype.size, the iteration protocol, …) are never shortened,
// whatever marks them. A marked name must not be a name of the public API or a key of the stored configuration:
// esbuild shortens a name everywhere it occurs, so test/build/mangle.test.ts checks the set against the public
// types. Only syntax is read (no type checker), so the build pays a few milliseconds for it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/** Property names of the built-ins the code uses, and of the iteration, promise and JSON protocols. */
export function builtinNames(): Set<string> {
  const objects: object[] = [
    Object, Object.prototype, Array, Array.prototype, String, String.prototype, Number, Number.prototype, Math, JSON,
    Map.prototype, Set.prototype, WeakMap.prototype, Promise, Promise.prototype, Error.prototype, Function.prototype,
    RegExp.prototype, Symbol.prototype, ArrayBuffer.prototype, DataView.prototype, Uint8Array.prototype,
    Object.getPrototypeOf(Uint8Array.prototype), TextEncoder.prototype, TextDecoder.prototype, globalThis,
    // the web streams packs decompress through (a private `read` once shortened reader.read())
    ReadableStream.prototype, WritableStream.prototype, Object.getPrototypeOf(new ReadableStream().getReader()),
    Object.getPrototypeOf(new WritableStream().getWriter()), Response.prototype, Blob.prototype,
  ];
  const names = new Set(['next', 'done', 'value', 'return', 'throw', 'then', 'catch', 'finally', 'toJSON', 'default']);
  // a RegExp match's own properties (index, input, groups): the parser reads a match's `index`, and a
  // member `index` marked @internal once shortened it, so every built prefix search and fields search broke
  objects.push(/x/.exec('x') as object);
  for (const o of objects) for (const n of Object.getOwnPropertyNames(o)) names.add(n);
  return names;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
    });
}

const isInternal = (node: ts.Node): boolean => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'internal');

const MEMBER_KINDS = new Set([
  ts.SyntaxKind.PropertySignature, ts.SyntaxKind.MethodSignature, ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.MethodDeclaration, ts.SyntaxKind.GetAccessor, ts.SyntaxKind.SetAccessor,
]);

/** The name a member or parameter property declares, when it is a plain identifier. */
function memberName(node: ts.Node): string | undefined {
  const name = (node as ts.NamedDeclaration).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

/** Whether `node` declares a member: a property, method or accessor, or a constructor parameter property. */
function isMember(node: ts.Node): boolean {
  return MEMBER_KINDS.has(node.kind) || (ts.isParameter(node) && ts.isParameterPropertyDeclaration(node, node.parent));
}

/** The internal property names of the TypeScript files under `srcDir`, sorted. */
export function internalNames(srcDir: string): string[] {
  const builtins = builtinNames();
  const names = new Set<string>();
  const add = (node: ts.Node) => {
    const name = memberName(node);
    if (name !== undefined && !builtins.has(name)) names.add(name);
  };
  for (const file of sourceFiles(srcDir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2020, true);
    const visit = (node: ts.Node, inInternal: boolean): void => {
      const internalType = inInternal || ((ts.isInterfaceDeclaration(node) || ts.isClassDeclaration(node) || ts.isTypeAliasDeclaration(node)) && isInternal(node));
      if (isMember(node)) {
        const hidden = ts.getCombinedModifierFlags(node as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected);
        if (internalType || hidden || isInternal(node)) add(node);
      }
      ts.forEachChild(node, (child) => visit(child, internalType));
    };
    visit(source, false);
  }
  return [...names].sort();
}
