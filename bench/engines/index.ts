// The engines the benchmark runs, in table order, and a loader that skips the unavailable ones with a reason.
import { fahras } from './fahras.js';
import { flexsearchDefault, flexsearchFahras } from './flexsearch.js';
import { lunrEngine } from './lunr.js';
import { minisearch, minisearchDefault } from './minisearch.js';
import { orama } from './orama.js';
import { REPO_ROOT } from '../lib/data.js';
import type { Engine, EngineFactory } from './types.js';

/** First line of an error's message, with this checkout's absolute path removed (reasons end up in RESULTS.md). */
export function reasonOf(err: unknown): string {
  const msg = (err instanceof Error ? err.message : String(err)).split('\n')[0];
  return msg.split(`${REPO_ROOT}/`).join('').split(REPO_ROOT).join('.');
}

export const FACTORIES: readonly EngineFactory[] = [
  fahras,
  flexsearchDefault,
  flexsearchFahras,
  minisearch,
  lunrEngine,
  orama,
];

/**
 * Reference engines: setups kept only to check the harness against ../shared/eval/README.md (quality runs them by
 * default, in a separate table; speed and charts leave them out).
 */
export const REFERENCE_FACTORIES: readonly EngineFactory[] = [minisearchDefault];

export const ENGINE_NAMES = FACTORIES.map((f) => f.name);
export const REFERENCE_NAMES = REFERENCE_FACTORIES.map((f) => f.name);

export function factoryByName(name: string): EngineFactory {
  const f = [...FACTORIES, ...REFERENCE_FACTORIES].find((x) => x.name === name);
  if (!f) throw new Error(`unknown engine "${name}" (known: ${[...ENGINE_NAMES, ...REFERENCE_NAMES].join(', ')})`);
  return f;
}

export interface Unavailable {
  name: string;
  reason: string;
}

/**
 * Creates the named engines (default: all). An engine whose factory fails is reported through `log` as
 * "NAME: not available (reason)" and left out; the others are returned.
 */
export async function createEngines(
  names: readonly string[] = ENGINE_NAMES,
  log: (line: string) => void = (l) => console.log(l),
): Promise<{ engines: Engine[]; unavailable: Unavailable[] }> {
  const engines: Engine[] = [];
  const unavailable: Unavailable[] = [];
  for (const name of names) {
    try {
      engines.push(await factoryByName(name).create());
    } catch (err) {
      const reason = reasonOf(err);
      unavailable.push({ name, reason });
      log(`${name}: not available (${reason})`);
    }
  }
  return { engines, unavailable };
}
