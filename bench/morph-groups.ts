import { createIndex } from '../src/index.js';
import { readCorpusSlice } from './lib/data.js';
const slice = await readCorpusSlice(20);
const ix = createIndex(); ix.addAll(slice.docs);
const snap = (ix as any).builder.snapshot();
const t = snap.textIndex;
const V = new Set([0x627, 0x648, 0x64a]);
const sk = (s: string) => { let o = s[0]; for (let i = 1; i < s.length; i++) if (!V.has(s.charCodeAt(i))) o += s[i]; return o; };
const g = new Map<string, number>();
let live = 0;
for (let id = 0; id < t.termsById.length; id++) { if (!(t.df[id] > 0)) continue; live++; const k = sk(t.termsById[id]); if (k.length >= 3) g.set(k, (g.get(k) ?? 0) + 1); }
let members = 0, groups = 0, capped5 = 0, capped3 = 0;
for (const c of g.values()) if (c > 1) { groups++; members += c; capped5 += Math.min(c, 6); capped3 += Math.min(c, 4); }
console.log({ terms: t.termsById.length, live, groups, members, capped5, capped3, bytes: ix.serialize().length });
