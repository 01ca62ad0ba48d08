/** A stylesheet imported as text (scripts/build.ts minifies it; Vite reads it in unit tests). */
declare module '*.css?inline' {
  const css: string;
  export default css;
}
