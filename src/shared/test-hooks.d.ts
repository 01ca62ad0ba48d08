/** Replaced at build time by esbuild `define`: true only in the test build (npm run build -- --test-hooks). */
declare const __TEST_HOOKS__: boolean;
