/** One thing wrong with one seed file, located for the person who has to fix it. */
export interface SeedProblem {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export function formatProblem(problem: SeedProblem): string {
  return `${problem.file}:${problem.line}: ${problem.message}`;
}

/** Thrown by the compiler with every problem found, so one build run reports them all. */
export class ArchiveBuildError extends Error {
  override name = 'ArchiveBuildError';
  constructor(readonly problems: readonly SeedProblem[]) {
    super(
      `the archive has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
  }
}
