// The `init` command: write a commented starter config in the current folder.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { UsageError } from '../core/errors.js'
import { configFileNames, packageKey } from '../config/load.js'
import { writeFileAtomic } from '../io/write.js'
import { writeErr } from './io.js'
import { parseLangOption, processLocaleLang } from './lang.js'
import { formatMessage, localText, type Lang } from '../i18n/catalogue.js'

/** The file `init` writes. */
export const starterConfigName = '.mask-auditrc.yaml'

/**
 * The starter config in each language: every key commented out, with an example value, so the
 * file changes nothing until the team edits it (an active example, such as an override that
 * made every `archive/` folder redacted, would silence findings nobody asked to silence).
 */
export const starterConfigs: Readonly<Record<Lang, string>> = {
  en: `# mask-audit config. The nearest config file above an audited file applies to it
# (.mask-auditrc.yaml/.json, mask-audit.config.js, or a "mask-audit" key in package.json).
# Paths and globs below are relative to this file. Every setting is commented out: as written,
# this file changes nothing; remove the # of a line to use it.

# draft: about to be published; every mask, count blank and paywall tag is an error.
# redacted: anonymized on purpose; masks are expected, leaks are errors.
#profile: draft

# The language of messages and reports: zh or en (--lang wins; else the locale).
#lang: en

# Only the rules of these categories run (count, placeholder, paywall, typo, leak); all when left out.
#categories: [count, placeholder, paywall, typo, leak]

# Severity per rule id: off, info, warning or error. \`mask-audit rules\` lists the ids.
#rules:
#  typo/repeated-word: warning

# A team's own rules, one YAML file each, in the format of the built-in rules/.
#ruleFiles:
#  - mask-audit-rules/*.yaml

# Matched text that is meant to be there: the exact text, or a pattern over it.
#allow:
#  - XX村
#  - { pattern: "^X{3}同志$", rules: [placeholder/mask] }

# Files never to audit, in .gitignore syntax (.gitignore itself is honoured already).
#ignore:
#  - drafts/old/

# Settings for some files only; later entries win.
#overrides:
#  - files: ["archive/**"]
#    profile: redacted

# Suppression comments that suppress nothing: off, info, warning or error.
#reportUnusedSuppressions: warning
`,
  zh: `# mask-audit 配置。被审查文件所在目录及其上级目录中最近的配置文件对它生效
# （.mask-auditrc.yaml/.json、mask-audit.config.js，或 package.json 中的 "mask-audit" 键）。
# 下面的路径和通配符都相对于本文件所在目录。以下设置都已注释掉，原样不改变任何行为；
# 删去行首的 # 即可启用。

# draft：即将发布的稿件，遮盖符号、未填的数字和付费标记都是错误。
# redacted：有意脱敏后发布的版本，遮盖符号是正常的，泄露的姓名和信息是错误。
#profile: draft

# 消息和报告的语言：zh 或 en（命令行的 --lang 优先；不写则按系统区域设置）。
#lang: zh

# 只运行这些类别的规则：count 未填数字、placeholder 遮盖符号和模板提示、paywall 网页残留、
# typo 错别字、leak 泄露；不写则全部运行。
#categories: [count, placeholder, paywall, typo, leak]

# 各规则的级别：off、info、warning 或 error。\`mask-audit rules\` 列出所有规则编号。
#rules:
#  typo/repeated-word: warning

# 团队自己的规则，每个 YAML 文件一条，格式同内置的 rules/ 目录。
#ruleFiles:
#  - mask-audit-rules/*.yaml

# 有意保留、不算问题的文字：写原文，或写匹配它的正则表达式。
#allow:
#  - XX村
#  - { pattern: "^X{3}同志$", rules: [placeholder/mask] }

# 不审查的文件，写法同 .gitignore（.gitignore 本身已经生效）。
#ignore:
#  - drafts/old/

# 只对部分文件生效的设置；后面的条目优先。
#overrides:
#  - files: ["archive/**"]
#    profile: redacted

# 没有压制任何问题的压制注释：off、info、warning 或 error。
#reportUnusedSuppressions: warning
`,
}

/**
 * Runs `init`: writes the starter config in the language of `--lang`, else the locale's;
 * refuses to replace a config in this folder unless `--force`.
 */
export function runInit(options: { force?: boolean; lang?: string }, cwd = process.cwd()): number {
  const lang = parseLangOption(options.lang) ?? processLocaleLang()
  const existing = configFileNames.find((name) => isConfigFile(join(cwd, name)))
  if (existing && (!options.force || existing !== starterConfigName)) {
    // --force replaces only the file init writes: another config here would still win over it.
    throw new UsageError(localText('init.exists', { file: existing }), { path: existing }, localText(existing === starterConfigName ? 'init.exists.hint-force' : 'init.exists.hint-remove'))
  }
  writeFileAtomic(join(cwd, starterConfigName), Buffer.from(starterConfigs[lang], 'utf8'))
  writeErr(formatMessage(lang, 'init.wrote', { file: starterConfigName }))
  return 0
}

function isConfigFile(path: string): boolean {
  if (!existsSync(path)) return false
  if (!path.endsWith('package.json')) return true
  try {
    return packageKey in (JSON.parse(readFileSync(path, 'utf8')) as object)
  } catch {
    return false
  }
}
