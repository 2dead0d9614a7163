/**
 * How a build ends when the book has problems: the checks have printed each one (file:line:col, rule
 * id), then one summary line, "Build failed: …", is the last line of the output, and the exit code is 1.
 *
 * A check signals this by throwing `BuildProblems`; the integration's hooks run inside
 * `endBuildOnProblems`, which prints the line and exits. Not by letting the error reach Astro: Astro
 * prints any error thrown by a hook as "An unhandled error occurred while running the astro:build:start
 * hook" with a stack trace of our integration, which reads like a crash of the platform rather than
 * mistakes in the book. Any other error (a real crash) still goes to Astro, with its stack.
 */
import type { AstroIntegrationLogger } from 'astro';

/** The book's problems, already printed; the message is the summary (`2 content error(s), listed above …`). */
export class BuildProblems extends Error {
  constructor(summary: string) {
    super(summary);
    this.name = 'BuildProblems';
  }
}

/** Run a build hook's work; on `BuildProblems`, print the summary line and exit with code 1. */
export async function endBuildOnProblems(logger: AstroIntegrationLogger, work: () => Promise<void> | void): Promise<void> {
  try {
    await work();
  } catch (error) {
    if (!(error instanceof BuildProblems)) throw error;
    logger.error(`Build failed: ${error.message}`);
    // Nothing is left to clean up: the output folder of a failed build is not meant to be served.
    process.exit(1);
  }
}
