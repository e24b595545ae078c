// The word table of an analyzer that only reads (the search-only entry): dense ids for words through a Map from
// their strings. Queries and snippet paragraphs are short, so a string per word costs nothing there; the
// indexer's table (interner.ts) avoids that string and is larger code.
import type { WordTable } from './analyzer.js';
import { codesToString } from './tokenize.js';

/** Dense ids for strings, keyed by the string. */
export class StringTable implements WordTable {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();

  get size(): number {
    return this.strings.length;
  }

  intern(buf: Uint16Array, n: number): number {
    return this.internString(codesToString(buf, n));
  }

  internString(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.push(s) - 1;
      this.ids.set(s, id);
    }
    return id;
  }
}
