import { createIndex } from '../src/index.js';
import { EXP } from '../src/query/search.js';
EXP.k = 3;
const ix = createIndex();
ix.addAll([{ id: 1, text: 'المدارس الحكومية في المدينة' }, { id: 2, text: 'مدرسة خاصة' }, { id: 3, text: 'مدرس اللغة' }, { id: 4, text: 'مدرسة أخرى كبيرة' }]);
console.log(ix.search('المدرسة').map((r) => [r.id, r.score]));
console.log(ix.search('المدرسة', { ranking: { derivations: 0 } }).map((r) => [r.id, r.score]));
console.log(ix.search('المدارس').map((r) => [r.id, r.score, r.snippet.highlights]));
