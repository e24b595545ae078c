import { defineConfig } from 'tsup';

// The core (src/index.ts) must bundle for browsers: it imports no Node built-in.
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2020',
  platform: 'neutral',
  treeshake: true,
});
