// Temporary folders of the suites, all inside one folder per test run that the global setup
// makes and removes, so two runs at once (an editor's and a terminal's) never delete each
// other's files.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The variable through which the global setup hands its run folder to the test workers. */
export const runDirVariable = 'MASK_AUDIT_TEST_RUN_DIR'

/** A new empty folder for one suite or test, named `prefix` plus random characters. */
export function makeTempDir(prefix: string): string {
  return mkdtempSync(join(process.env[runDirVariable] ?? tmpdir(), prefix))
}
