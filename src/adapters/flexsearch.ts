/**
 * `fahras/flexsearch` — fahras' Arabic analysis as a FlexSearch 0.8 encoder.
 *
 * FlexSearch's default encoder lower-cases, strips Latin accents (NFKD) and splits on anything that is not a letter
 * or digit. Arabic needs more: a vocalized word (الْمَكْتَبَةُ) is split apart at its diacritics, and spelling
 * variants (أ/إ/آ/ا, ة/ه, ى/ي) never meet. This adapter hands FlexSearch the terms of a fahras analyzer instead:
 * the text is normalized, tokenized, stopwords dropped and words stemmed (the `default` preset unless you choose
 * another), then FlexSearch splits the result on spaces and indexes it as usual. Queries go through the same
 * encoder, so `مكتبه` finds `والمكتبات` and `المَكْتَبَةُ`.
 *
 * @example
 * import { Index } from 'flexsearch';
 * import { createFlexSearchEncoder } from 'fahras/flexsearch';
 * const index = new Index({ encoder: createFlexSearchEncoder() });
 * index.add(1, 'افتتحت المَكْتَبَةُ الوطنية أبوابها');
 * index.search('المكتبه'); // [1]
 * @packageDocumentation
 */
import { Encoder, type EncoderOptions } from 'flexsearch';
import { type AnalyzerConfig, type AnalyzerOptions, type AnalyzerPreset, createAnalyzer } from '../index.js';

/** Options of {@link flexsearchEncoderOptions} / {@link createFlexSearchEncoder}. */
export interface FlexSearchEncoderOptions {
  /** The fahras analyzer: a preset name (`'default'`, `'lucene'`, `'exact'`) or analyzer options (default `'default'`). */
  analyzer?: AnalyzerPreset | AnalyzerOptions | AnalyzerConfig;
  /** FlexSearch's encoder cache (default `true`, FlexSearch's own default). */
  cache?: boolean | number;
}

/**
 * FlexSearch `EncoderOptions` that run fahras' analysis: pass them to `new Encoder(...)` or as an index's
 * `encoder` option. Nothing else in FlexSearch's chain changes the fahras terms: its NFKD/lower-case normalization,
 * letter deduplication and numeric splitting are switched off, and the split is on the spaces this encoder puts
 * between terms.
 */
export function flexsearchEncoderOptions(options: FlexSearchEncoderOptions = {}): EncoderOptions {
  const analyzer = createAnalyzer(options.analyzer ?? 'default');
  const terms: string[] = [];
  const push = (term: string): void => {
    terms.push(term);
  };
  return {
    // The whole fahras chain runs here; FlexSearch then only splits on the single spaces between terms.
    normalize: (text: string): string => {
      terms.length = 0;
      analyzer.scan(typeof text === 'string' ? text : String(text ?? ''), push);
      return terms.join(' ');
    },
    split: ' ',
    numeric: false,
    dedupe: false,
    cache: options.cache ?? true,
  };
}

/**
 * A FlexSearch `Encoder` running fahras' Arabic normalization, stopwords and stemming (see
 * {@link flexsearchEncoderOptions}). Use it as `new Index({ encoder: createFlexSearchEncoder() })` or in a
 * `Document` index's field options.
 */
export function createFlexSearchEncoder(options: FlexSearchEncoderOptions = {}): Encoder {
  return new Encoder(flexsearchEncoderOptions(options));
}
