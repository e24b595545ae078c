// Benchmark inputs: the evaluation folders under ../shared/eval (or any folder of the same format) and slices of the
// SaudiNewsNet corpus (../shared/corpus/saudinewsnet.jsonl.gz).
//
// Eval folder format: corpus.jsonl ({"id","text"} per line), queries.tsv (qid TAB text), qrels.tsv (qid TAB 0 TAB docid
// TAB rel), optional query_split.tsv (qid TAB train|test).
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';

// A type alias (not an interface) so that Doc[] is assignable to document types with an index signature.
export type Doc = {
  id: string;
  text: string;
};

export interface Query {
  qid: string;
  text: string;
}

export interface EvalSet {
  name: string;
  dir: string;
  docs: Doc[];
  queries: Query[];
  /** qid → (docid → relevance) */
  qrels: Map<string, Map<string, number>>;
  /** qid → split label ("train" / "test"), when query_split.tsv exists. */
  split?: Map<string, string>;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = process.env.FAHRAS_SHARED ?? resolve(REPO_ROOT, '..', 'shared');
export const EVAL_ROOT = join(SHARED, 'eval');
export const CORPUS_PATH = join(SHARED, 'corpus', 'saudinewsnet.jsonl.gz');

/** The eval sets in the order the eval README lists them; other folders found under the root come after. */
export const KNOWN_SETS = ['tydiqa-goldp-dev-ar', 'xquad-ar', 'arcd', 'seeds-tiny'];

const REQUIRED = ['corpus.jsonl', 'queries.tsv', 'qrels.tsv'];

export function isEvalDir(dir: string): boolean {
  return REQUIRED.every((f) => existsSync(join(dir, f)));
}

/** Eval folders under `root` (default ../shared/eval): the known ones first, in README order. */
export function listEvalSets(root = EVAL_ROOT): string[] {
  if (!existsSync(root)) return [];
  const found = readdirSync(root)
    .map((name) => join(root, name))
    .filter((p) => statSync(p).isDirectory() && isEvalDir(p));
  const rank = (p: string): number => {
    const i = KNOWN_SETS.indexOf(basename(p));
    return i < 0 ? KNOWN_SETS.length : i;
  };
  return found.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

export function parseCorpusJsonl(text: string, source = 'corpus.jsonl'): Doc[] {
  const docs: Doc[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const rec = JSON.parse(line) as { id?: unknown; text?: unknown };
    if (rec.id === undefined || typeof rec.text !== 'string') {
      throw new Error(`${source}:${i + 1}: expected {"id","text"}`);
    }
    docs.push({ id: String(rec.id), text: rec.text });
  });
  return docs;
}

export function parseQueriesTsv(text: string): Query[] {
  return text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const tab = line.indexOf('\t');
      if (tab < 0) throw new Error(`queries.tsv: no TAB in line ${JSON.stringify(line.slice(0, 60))}`);
      return { qid: line.slice(0, tab), text: line.slice(tab + 1) };
    });
}

export function parseQrelsTsv(text: string): Map<string, Map<string, number>> {
  const qrels = new Map<string, Map<string, number>>();
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const parts = line.trim().split(/\s+/);
    if (parts.length < 4) throw new Error(`qrels.tsv: expected 4 columns in ${JSON.stringify(line)}`);
    const [qid, , docid, rel] = parts;
    const r = Number(rel);
    if (!Number.isFinite(r)) throw new Error(`qrels.tsv: bad relevance in ${JSON.stringify(line)}`);
    let m = qrels.get(qid);
    if (!m) qrels.set(qid, (m = new Map()));
    m.set(docid, r);
  }
  return qrels;
}

/** Loads one eval folder. Throws with the missing file's name when the folder is not of the format. */
export function loadEvalSet(dir: string): EvalSet {
  const abs = resolve(dir);
  for (const f of REQUIRED) {
    if (!existsSync(join(abs, f))) throw new Error(`${abs}: missing ${f}`);
  }
  const set: EvalSet = {
    name: basename(abs),
    dir: abs,
    docs: parseCorpusJsonl(readFileSync(join(abs, 'corpus.jsonl'), 'utf8'), join(abs, 'corpus.jsonl')),
    queries: parseQueriesTsv(readFileSync(join(abs, 'queries.tsv'), 'utf8')),
    qrels: parseQrelsTsv(readFileSync(join(abs, 'qrels.tsv'), 'utf8')),
  };
  const splitPath = join(abs, 'query_split.tsv');
  if (existsSync(splitPath)) {
    set.split = new Map(
      lines(splitPath).map((l) => {
        const [qid, label] = l.split('\t');
        return [qid, (label ?? '').trim()] as [string, string];
      }),
    );
  }
  return set;
}

/** 1 MB = 1,000,000 bytes of UTF-8 record text (the JSON around it is not counted). */
export const MB = 1_000_000;

export interface CorpusSlice {
  docs: Doc[];
  /** UTF-8 bytes of the records' text. */
  bytes: number;
  /** true when the whole file was read before reaching the requested size. */
  exhausted: boolean;
}

/**
 * Streams records {"id","text"} of the gzipped JSONL corpus, in file order, until their text adds up to `mb` MB
 * (the record that crosses the limit is included). A request larger than the corpus returns the whole corpus
 * (SaudiNewsNet: 168,121 records, 96.0 MB of text; "102" is its uncompressed file size with the JSON).
 */
export async function readCorpusSlice(mb: number, path = CORPUS_PATH): Promise<CorpusSlice> {
  const limit = mb * MB;
  const docs: Doc[] = [];
  let bytes = 0;
  let exhausted = true;
  const input = createReadStream(path).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (line.trim() === '') continue;
      const rec = JSON.parse(line) as { id: unknown; text: string };
      docs.push({ id: String(rec.id), text: rec.text });
      bytes += Buffer.byteLength(rec.text, 'utf8');
      if (bytes >= limit) {
        exhausted = false;
        break;
      }
    }
  } finally {
    rl.close();
    input.destroy();
  }
  return { docs, bytes, exhausted };
}
