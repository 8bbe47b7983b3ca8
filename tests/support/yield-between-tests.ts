// Most suites run the CLI with spawnSync, which blocks the test worker's event loop for as long
// as the child runs. Vitest's worker talks to the main process over messages that time out
// after 60 s; a file whose synchronous tests add up to more than that (the batch suite on a
// slow CI machine) failed the run with "Timeout calling onTaskUpdate" although every test
// passed. Giving the event loop one turn after each test lets those messages through.
import { afterEach } from 'vitest'

afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)))
