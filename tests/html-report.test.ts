// The html report in a real headless browser (Debian's chromium), at a desktop and a phone
// width: totals match the JSON, every filter hides what it should, nothing is wider than the
// screen, Chinese is drawn with a real font (not boxes), .docx findings are named by paragraph
// or table cell, and the page loads nothing from the network. Screenshots are kept in
// tests/artifacts/ (ignored by git) for a person to look at.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { repoRoot, runCli } from './helpers.js'
import { makeDocx, paragraph, table } from './support/docx.js'
import { makeTempDir } from './support/temp-dirs.js'

const chromiumPath = '/usr/bin/chromium'

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
const artifacts = join(repoRoot, 'tests', 'artifacts')

/** True when fontconfig knows a font that covers Chinese. */
function hasCjkFont(): boolean {
  try {
    return execFileSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' }).trim() !== ''
  } catch {
    return false
  }
}

interface Totals {
  files: number
  findings: number
  errors: number
  warnings: number
  infos: number
  unreadable: number
  byCategory: Record<string, number>
}

describe('html report in chromium', () => {
  let browser: BrowserContext
  let dir: string
  let summary: Totals
  let ruleCounts: Map<string, number>
  let fileCounts: Map<string, number>
  const reportUrl: Record<string, string> = {}

  beforeAll(async () => {
    // The page is judged as a person sees it: without a browser or a Chinese font that is not possible.
    if (!existsSync(chromiumPath)) throw new Error(`this test needs ${chromiumPath}: apt-get install chromium (.ci/run installs it)`)
    if (!hasCjkFont()) throw new Error('this test needs a Chinese font: apt-get install fonts-wqy-microhei (.ci/run installs it)')
    dir = makeTempDir('html-')
    mkdirSync(artifacts, { recursive: true })
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))
    writeFileSync(join(dir, 'report.docx'), makeDocx(paragraph('全年集中学习**次。') + table('负责人', '×××市统计局')))
    const args = ['fixtures/draft/', join(dir, 'report.docx'), join(dir, 'image.png')]
    for (const lang of ['en', 'zh']) {
      const html = runCli([...args, '--format', 'html'], { env: { LANG: lang === 'zh' ? 'zh_CN.UTF-8' : 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } })
      expect(html.code).toBe(2)
      writeFileSync(join(dir, `report-${lang}.html`), html.stdout)
      reportUrl[lang] = pathToFileURL(join(dir, `report-${lang}.html`)).href
    }
    const json = JSON.parse(runCli([...args, '--format', 'json']).stdout) as { summary: Totals; files: { path: string; findings: { ruleId: string }[] }[] }
    summary = json.summary
    ruleCounts = new Map()
    fileCounts = new Map()
    for (const file of json.files) {
      if (file.findings.length) fileCounts.set(file.path, file.findings.length)
      for (const f of file.findings) ruleCounts.set(f.ruleId, (ruleCounts.get(f.ruleId) ?? 0) + 1)
    }
    // A fresh profile each run: playwright takes the user data dir here, not as an argument.
    browser = await chromium.launchPersistentContext(makeTempDir('chromium-'), { executablePath: chromiumPath, args: launchArgs, viewport: { width: 1400, height: 1000 } })
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
  })

  async function open(lang: string, width: number): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage()
    await page.setViewportSize({ width, height: width < 500 ? 800 : 1000 })
    const requests: string[] = []
    const errors: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(reportUrl[lang]!)
    return { page, errors, requests }
  }

  const number = async (page: Page, selector: string) => Number(await page.locator(selector).first().textContent())
  const shown = (page: Page) => number(page, '#shown-count')

  for (const width of [1400, 390]) {
    it(`at ${width} px: totals of the JSON, no horizontal scroll, links to files`, async () => {
      const { page, errors, requests } = await open('en', width)
      expect(await number(page, '#total-files')).toBe(summary.files)
      expect(await number(page, '#total-findings')).toBe(summary.findings)
      expect(await number(page, '#total-errors')).toBe(summary.errors)
      expect(await number(page, '#total-warnings')).toBe(summary.warnings)
      expect(await number(page, '#total-unreadable')).toBe(summary.unreadable)
      for (const [category, n] of Object.entries(summary.byCategory)) {
        expect(await number(page, `[data-total-category="${category}"]`)).toBe(n)
        expect(await page.locator(`svg.chart g.bar[data-category="${category}"]`).count()).toBe(1)
      }
      for (const [rule, n] of ruleCounts) expect(await number(page, `[data-total-rule="${rule}"]`)).toBe(n)
      expect(await page.locator('li.finding').count()).toBe(summary.findings)
      expect(await shown(page)).toBe(summary.findings)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow).toBeLessThanOrEqual(0)
      const chart = (await page.locator('svg.chart').boundingBox())!
      expect(chart.width).toBeLessThanOrEqual(width)
      // The overview is written last but shown first.
      expect((await page.locator('#overview').boundingBox())!.y).toBeLessThan((await page.locator('#findings').boundingBox())!.y)
      // The worst file links to its section.
      const top = page.locator('.top-files a').first()
      const target = (await top.getAttribute('href'))!
      expect(await page.locator(`section${target}`).getAttribute('data-file')).toBe(await top.textContent())
      await page.screenshot({ path: join(artifacts, `html-report-${width}.png`), fullPage: false })
      expect(errors).toEqual([])
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([])
      await page.close()
    }, 60_000)
  }

  it('filters by severity, category, rule and file', async () => {
    const { page } = await open('en', 1400)
    await page.locator('.category-filter[value="count"]').uncheck()
    expect(await shown(page)).toBe(summary.findings - summary.byCategory.count!)
    expect(await page.locator('li.finding[data-category="count"]:visible').count()).toBe(0)
    await page.locator('.category-filter[value="count"]').check()

    await page.locator('.severity-filter[value="warning"]').uncheck()
    expect(await shown(page)).toBe(summary.findings - summary.warnings)
    expect(await page.locator('li.finding[data-severity="warning"]:visible').count()).toBe(0)
    await page.locator('.severity-filter[value="warning"]').check()

    const [rule, ruleCount] = [...ruleCounts].sort((a, b) => a[1] - b[1])[0]!
    await page.locator('#rule-filter').selectOption(rule)
    expect(await shown(page)).toBe(ruleCount)
    expect(await page.locator('li.finding:visible').count()).toBe(ruleCount)
    await page.locator('#rule-filter').selectOption('')

    const [file, fileCount] = [...fileCounts][0]!
    await page.locator('#file-filter').selectOption(file)
    expect(await shown(page)).toBe(fileCount)
    expect(await page.locator('section.file:visible').count()).toBe(1)
    await page.close()
  }, 60_000)

  it('names .docx places by paragraph and table cell, in Chinese with a real CJK font', async () => {
    const { page } = await open('zh', 390)
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN')
    const docx = page.locator('section.file', { hasText: 'report.docx' })
    expect(await docx.locator('.pos').allTextContents()).toEqual(['第1段第7字', '表1 第1行第2列'])
    expect(await page.locator('#overview h2').first().textContent()).toBe('概览')
    // Two different characters drawn with the page's font: boxes (tofu) would look the same.
    const differ = await page.evaluate(() => {
      const draw = (ch: string) => {
        const canvas = document.createElement('canvas')
        canvas.width = 40
        canvas.height = 40
        const ctx = canvas.getContext('2d')!
        ctx.font = `32px ${getComputedStyle(document.body).fontFamily}`
        ctx.fillText(ch, 2, 32)
        return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',')
      }
      return draw('统') !== draw('计') && draw('统') !== draw('\uFFFF')
    })
    expect(differ).toBe(true)
    await page.screenshot({ path: join(artifacts, 'html-report-zh-390.png'), fullPage: false })
    await page.close()
  }, 60_000)
})
