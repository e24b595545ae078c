import { gunzip } from '../src/segment/pack-format.js';
import { readFile } from 'node:fs/promises';
const names = (await import('node:fs')).readdirSync('/tmp/pk/pack102').filter((n) => n.startsWith('dict-')).slice(0, 200);
let bad = 0;
await Promise.all(names.map(async (n) => {
  const b = await readFile('/tmp/pk/pack102/' + n);
  const u = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  if (u[0] !== 1) return;
  try { await gunzip(u.subarray(1)); } catch (e) { bad++; if (bad < 3) console.log(n, (e as Error).message, b.byteOffset, b.buffer.byteLength); }
}));
console.log('bad', bad, 'of', names.length);
