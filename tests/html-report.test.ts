// The html report in a real headless browser (Debian's chromium): totals match the JSON, the
// category filter works, the page loads nothing from the network, a screenshot is taken.
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const chromiumPath = '/usr/bin/chromium'
const hasChromium = existsSync(chromiumPath)
if (!hasChromium && process.env.CI) throw new Error(`${chromiumPath} is missing in CI; .ci/run installs it (apt-get install chromium)`)
if (!hasChromium) console.warn(`skipped: the html report browser test needs ${chromiumPath} (apt-get install chromium)`)

const launchArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']

describe.skipIf(!hasChromium)('html report in chromium', () => {
  let browser: BrowserContext
  let dir: string
  let reportUrl: string
  let summary: { files: number; findings: number; errors: number; warnings: number; unreadable: number; byCategory: Record<string, number> }

  beforeAll(async () => {
    dir = makeTempDir('html-')
    writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]))
    const args = ['fixtures/', join(dir, 'image.png')]
    const html = runCli([...args, '--format', 'html'])
    expect(html.code).toBe(2)
    writeFileSync(join(dir, 'report.html'), html.stdout)
    reportUrl = pathToFileURL(join(dir, 'report.html')).href
    summary = JSON.parse(runCli([...args, '--format', 'json']).stdout).summary
    // A fresh profile each run: playwright takes the user data dir here, not as an argument.
    browser = await chromium.launchPersistentContext(makeTempDir('chromium-'), { executablePath: chromiumPath, args: launchArgs, viewport: { width: 1200, height: 1400 } })
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
  })

  it('shows the totals of the JSON report, filters by category, and loads nothing else', async () => {
    const page = await browser.newPage()
    const requests: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(reportUrl)
    const number = async (selector: string) => Number(await page.locator(selector).first().textContent())
    expect(await number('#total-files')).toBe(summary.files)
    expect(await number('#total-findings')).toBe(summary.findings)
    expect(await number('#total-errors')).toBe(summary.errors)
    expect(await number('#total-warnings')).toBe(summary.warnings)
    expect(await number('#total-unreadable')).toBe(summary.unreadable)
    for (const [category, n] of Object.entries(summary.byCategory)) {
      expect(await number(`[data-total-category="${category}"]`)).toBe(n)
      expect(await page.locator(`svg.chart g.bar[data-category="${category}"]`).count()).toBe(1)
    }
    expect(await page.locator('li.finding').count()).toBe(summary.findings)
    expect(await number('#shown-count')).toBe(summary.findings)
    expect(await page.locator('mark').first().textContent()).not.toBe('')
    expect(await page.locator('.unreadable').textContent()).toMatch(/binary file/)

    // The overview is written last but shown first.
    const overviewTop = (await page.locator('#overview').boundingBox())!.y
    const findingsTop = (await page.locator('#findings').boundingBox())!.y
    expect(overviewTop).toBeLessThan(findingsTop)

    await page.locator('.category-filter[value="count"]').uncheck()
    const shown = summary.findings - summary.byCategory.count!
    expect(await number('#shown-count')).toBe(shown)
    expect(await page.locator('li.finding:visible').count()).toBe(shown)
    expect(await page.locator('li.finding[data-category="count"]:visible').count()).toBe(0)

    const shot = join(dir, 'report.png')
    await page.screenshot({ path: shot, fullPage: false })
    expect(existsSync(shot)).toBe(true)
    console.info(`html report screenshot: ${shot}`)
    expect(errors).toEqual([])
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([])
    await page.close()
  }, 60_000)
})
