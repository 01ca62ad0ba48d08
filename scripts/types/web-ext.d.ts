/** The parts of web-ext's programmatic API (it ships no types) that the scripts use. */
declare module 'web-ext' {
  interface RunOptions {
    shouldExitProgram: boolean;
  }
  const webExt: {
    cmd: {
      build(params: Record<string, unknown>, options: RunOptions): Promise<unknown>;
      lint(params: Record<string, unknown>, options: RunOptions): Promise<unknown>;
    };
  };
  export default webExt;
}
