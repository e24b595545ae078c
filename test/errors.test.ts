// Option checks (src/errors.ts): a mistyped key names the known keys, or, once the main entry has registered the
// closest-name hint (`useClosestNames`, which fahras/search and fahras/pack leave out of their bundles), the closest
// one. This file imports errors.ts alone, so it sees both states; every other test file loads the main entry.
import { describe, expect, it } from 'vitest';
import { checkOptions, FahrasError, useClosestNames } from '../src/errors.js';

const mistake = () => checkOptions({ limt: 5 } as Record<string, unknown>, 'limit offset groupBy', 'search options');

describe('checkOptions', () => {
  it('names the known keys of a mistyped one (the browser entries)', () => {
    expect(mistake).toThrow(FahrasError);
    expect(mistake).toThrow("search options: unknown option 'limt' (known: limit offset groupBy)");
  });

  it('names the closest known key once the main entry registered the hint', () => {
    useClosestNames();
    expect(mistake).toThrow("search options: unknown option 'limt' (did you mean 'limit'?)");
  });

  it('takes undefined as no options and refuses what is not an object', () => {
    expect(checkOptions(undefined, 'limit', 'search options')).toEqual({});
    for (const bad of [null, [], 'fast', 5]) expect(() => checkOptions(bad as never, 'limit', 'search options')).toThrow('search options must be an object');
  });
});
