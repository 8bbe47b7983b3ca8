// The schema of a config file (`.mask-auditrc.*`, `mask-audit.config.js`, package.json "mask-audit").
import type { z } from 'zod'
import { severitiesOrOff } from '../core/finding.js'
import { tokenizerNames } from '../nlp/tokenizer.js'
import { langs, textIn } from '../i18n/catalogue.js'
import { langOfSetting } from '../i18n/lang.js'
import { isValidRegExp, lazy, text, zod } from '../rules/shared/options.js'
import { profiles } from '../rules/types.js'
import { whyNotLinear } from '../core/user-regexp.js'

/** A config file's contents, as validated (built on first use: runs without a config never load zod). Paths and globs are relative to the config file's folder. */
export const configSchema = lazy(() => {
  const z = zod()
  // `warn` is ESLint's spelling; it means `warning` here.
  const severity = z.preprocess((v) => (v === 'warn' ? 'warning' : v), z.enum(severitiesOrOff))
  const profile = z.enum(profiles)
  /** Rule id → severity; ids are checked against the loaded rules after parsing. */
  const ruleSeverities = z.record(z.string(), severity)
  const globs = z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(text()).min(1, 'must list at least one glob'))

  /** `"XX村"` is short for `{ text: "XX村" }`. */
  const allowEntry = z.preprocess(
    (v) => (typeof v === 'string' ? { text: v } : v),
    z
      .strictObject({
        text: text().optional(),
        pattern: text().optional(),
        flags: z.string().regex(/^[imsu]*$/, 'may only hold the flags i, m, s, u').optional(),
        rules: z.array(text()).optional(),
      })
      .superRefine((entry, ctx) => {
        if ((entry.text === undefined) === (entry.pattern === undefined)) ctx.addIssue({ code: 'custom', path: [], message: 'give either text or pattern' })
        if (entry.pattern !== undefined && !isValidRegExp(entry.pattern, entry.flags ?? '')) ctx.addIssue({ code: 'custom', path: ['pattern'], message: 'is not a valid regular expression' })
        else if (entry.pattern !== undefined) {
          const why = whyNotLinear(entry.pattern, entry.flags ?? '')
          if (why !== undefined) ctx.addIssue({ code: 'custom', path: ['pattern'], message: textIn('en', why) })
        }
      }),
  )

  const override = z.strictObject({
    files: globs,
    profile: profile.optional(),
    rules: ruleSeverities.optional(),
    allow: z.array(allowEntry).optional(),
  })

  return z.strictObject({
    $schema: z.string().optional(),
    profile: profile.optional(),
    rules: ruleSeverities.optional(),
    /** Only rules of these categories run (`--category` wins); names are checked against the loaded rules. */
    categories: z.array(text()).min(1, 'must list at least one category').optional(),
    ruleFiles: z.array(text()).optional(),
    allow: z.array(allowEntry).optional(),
    ignore: z.array(text()).optional(),
    overrides: z.array(override).optional(),
    reportUnusedSuppressions: severity.optional(),
    /** The word segmenter of the leak rules. */
    tokenizer: z.enum(tokenizerNames).optional(),
    /** Names that must never appear (rule leak/sensitive-term). */
    sensitiveTerms: z.array(text()).optional(),
    /** The language of messages and reports (`--lang` wins; else the locale); a tag or name as `--lang` takes (`zh-CN`, `cn`). */
    lang: z.preprocess((v) => (typeof v === 'string' ? (langOfSetting(v) ?? v) : v), z.enum(langs)).optional(),
  })
})

/** A validated config. */
export type Config = z.infer<ReturnType<typeof configSchema>>
/** One allow-list entry: exact matched text or a pattern over it, optionally for some rules only. */
export type AllowEntry = NonNullable<Config['allow']>[number]
/** A per-glob override. */
export type ConfigOverride = NonNullable<Config['overrides']>[number]
