// The package version, read once from package.json.
import { readFileSync } from 'node:fs'

/** The version of the installed package. */
export const toolVersion: string = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version
