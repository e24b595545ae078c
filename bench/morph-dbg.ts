import { createIndex, loadIndex } from '../src/index.js';
import { loadIndex as loadSearch } from '../src/search.js';
import { derivations } from '../src/derivations.js';
const docs = [{ id: 1, text: 'المدارس الحكومية في المدينة' }, ...Array.from({ length: 8 }, (_, i) => ({ id: 2 + i, text: `مدرسة رقم ${i}` }))];
const ix = createIndex({ derivations });
ix.addAll(docs);
console.log(ix.search('المدرسة').map((r) => [r.id, +r.score.toFixed(3), r.snippet.highlights]));
console.log(ix.search('المدرسة', { ranking: { derivations: 0 } }).map((r) => r.id));
const bytes = ix.serialize();
try { loadSearch(bytes); } catch (e) { console.log(String(e)); }
try { loadIndex(bytes); } catch (e) { console.log(String(e)); }
console.log(loadIndex(bytes, { derivations }).search('المدرسة').map((r) => r.id), ix.stats());
