// The Arabic letters and marks the stemmers name in their rules: one definition each. (The normalizer's tables in
// rules.ts hold theirs as code units in strings, each named in a comment: gzip packs them smaller than numbers.)

export const HAMZA = 0x0621; // U+0621 ARABIC LETTER HAMZA ء
export const ALEF_MADDA = 0x0622; // U+0622 ARABIC LETTER ALEF WITH MADDA ABOVE آ
export const ALEF_HAMZA_ABOVE = 0x0623; // U+0623 ARABIC LETTER ALEF WITH HAMZA ABOVE أ
export const WAW_HAMZA = 0x0624; // U+0624 ARABIC LETTER WAW WITH HAMZA ABOVE ؤ
export const ALEF_HAMZA_BELOW = 0x0625; // U+0625 ARABIC LETTER ALEF WITH HAMZA BELOW إ
export const YEH_HAMZA = 0x0626; // U+0626 ARABIC LETTER YEH WITH HAMZA ABOVE ئ
export const ALEF = 0x0627; // U+0627 ARABIC LETTER ALEF ا
export const BEH = 0x0628; // U+0628 ARABIC LETTER BEH ب
export const TEH_MARBUTA = 0x0629; // U+0629 ARABIC LETTER TEH MARBUTA ة
export const TEH = 0x062a; // U+062A ARABIC LETTER TEH ت
export const SEEN = 0x0633; // U+0633 ARABIC LETTER SEEN س
export const TATWEEL = 0x0640; // U+0640 ARABIC TATWEEL ـ
export const FEH = 0x0641; // U+0641 ARABIC LETTER FEH ف
export const KAF = 0x0643; // U+0643 ARABIC LETTER KAF ك
export const LAM = 0x0644; // U+0644 ARABIC LETTER LAM ل
export const MEEM = 0x0645; // U+0645 ARABIC LETTER MEEM م
export const NOON = 0x0646; // U+0646 ARABIC LETTER NOON ن
export const HEH = 0x0647; // U+0647 ARABIC LETTER HEH ه
export const WAW = 0x0648; // U+0648 ARABIC LETTER WAW و
export const ALEF_MAKSURA = 0x0649; // U+0649 ARABIC LETTER ALEF MAKSURA (dotless yeh) ى
export const YEH = 0x064a; // U+064A ARABIC LETTER YEH ي
export const FATHATAN = 0x064b; // U+064B ARABIC FATHATAN ً (first of the harakat U+064B–U+0652)
export const SUKUN = 0x0652; // U+0652 ARABIC SUKUN ْ (last of them)
