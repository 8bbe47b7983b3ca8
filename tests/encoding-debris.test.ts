// Encoding and markup debris (paywall/mojibake, paywall/entity): spans, message variants,
// readings and fixes, and the genuine text that must stay silent.
import { describe, expect, it } from 'vitest'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { visibleSuggestion } from '../src/core/invisible-text.js'
import { checkText, runCli } from './helpers.js'
import { makeTempDir } from './support/temp-dirs.js'

const debris = ['paywall/mojibake', 'paywall/entity']

/** `text` as a tool that read its UTF-8 bytes as GBK shows it. */
function readAsGbk(text: string): string {
  return new TextDecoder('gbk').decode(new TextEncoder().encode(text))
}

function summary(findings: Awaited<ReturnType<typeof checkText>>) {
  return findings.map((f) => [f.column, f.messageId, f.text, f.suggestion, f.fix?.replacement])
}

describe('paywall/mojibake', () => {
  it('reads UTF-8 read as GBK back, as one finding with the reading and its fix', async () => {
    for (const sentence of ['党建引领基层治理，推进社区网格化管理', '贯彻党的治藏方略', '2023年统计工作总结', '扎西·多吉同志']) {
      const garbled = readAsGbk(sentence)
      const findings = await checkText(`四、加强基层治理。${garbled}\n`, { only: debris })
      // ASCII reads alike in both: the run starts after it.
      const ascii = /^[\x00-\x7f]*/.exec(sentence)![0].length
      expect(summary(findings)).toEqual([[10 + ascii, 'paywall.mojibake', garbled.slice(ascii), sentence.slice(ascii), sentence.slice(ascii)]])
    }
  })

  it('marks a character whose bytes were lost, and offers no fix then', async () => {
    const text = '鈥滃叧娉ㄥ叕浼楀彿鈥濇煡鐪嬫洿澶氬唴瀹�\n'
    expect(summary(await checkText(text, { only: debris }))).toEqual([[1, 'paywall.mojibake', text.trimEnd(), '“关注公众号”查看更多内\ufffd', undefined]])
  })

  it('names lost characters, memory fill and a byte order mark for what they are', async () => {
    const findings = await checkText('网格员1836名。锟斤拷锟斤拷\n需要完善。烫烫烫烫屯屯\n新台阶。ï»¿\n', { only: debris })
    expect(findings.map((f) => [f.line, f.messageId, f.text, f.fix?.replacement])).toEqual([
      [1, 'paywall.mojibake.lost', '锟斤拷锟斤拷', undefined],
      [2, 'paywall.mojibake.fill', '烫烫烫烫屯屯', undefined],
      [3, 'paywall.mojibake.bom', 'ï»¿', ''],
    ])
    expect(findings[1]!.message).toContain('0xCC')
    expect(findings.every((f) => f.severity === 'error')).toBe(true)
  })

  it('wins over a doubled word read in the garbled run, which stays a typo elsewhere', async () => {
    const findings = await checkText('配备网格员1836名。锟斤拷锟斤拷锟斤拷，持续推进推进改革', { only: ['paywall/mojibake', 'typo/repeated-word'] })
    expect(findings.map((f) => [f.ruleId, f.text])).toEqual([
      ['paywall/mojibake', '锟斤拷锟斤拷锟斤拷'],
      ['typo/repeated-word', '推进推进'],
    ])
  })

  it('needs three characters of Chinese text from the bytes: two may be chance', async () => {
    expect(await checkText(`会议由${readAsGbk('党建')}主持`, { only: debris })).toEqual([])
    // Rare characters of names, among them those mojibake is made of, in genuine text
    const genuine = ['欧阳鍏、亓官懿、禤祯、乜晗蕤、濮阳茜出席会议', '锛山村、鏍镇、氬村的代表参加', '烫伤事故两起，屯垦戍边工作扎实推进，热烫烫的炉火', 'Café René, naïve façade, Zoë, Ångström']
    for (const text of genuine) expect(await checkText(text, { only: debris }), text).toEqual([])
  })

  it('counts no name dot toward the proof: 路 is its C2 B7 in GBK, and text writes 路 often', async () => {
    for (const text of ['我们一路上路过路口，看到了路路通', '路·路·路·路', 'ÂÂÂ·Â·']) expect(await checkText(text, { only: debris }), text).toEqual([])
    // A dot inside a proved run is still read back.
    const garbled = readAsGbk('表彰了阿卜杜·热合曼同志')
    expect(summary(await checkText(`会议${garbled}。`, { only: debris }))[0]?.slice(0, 3)).toEqual([3, 'paywall.mojibake', garbled])
  })

  it('reads ISO-8859-1 back: C1 controls are the bytes Windows-1252 gives letters, and it names the codec', async () => {
    const sentence = '全面推进乡村振兴，加快建设农业强国。'
    const latin1 = Buffer.from(sentence).toString('latin1')
    const findings = await checkText(`一、${latin1}\n`, { only: debris })
    expect(summary(findings)).toEqual([[3, 'paywall.mojibake', latin1, sentence, sentence]])
    expect(findings[0]!.message).toContain('ISO-8859-1')
    // The same bytes as a browser reads them (Windows-1252, C1 only for its five unassigned bytes)
    // (Node's TextDecoder of that name reads ISO-8859-1: Windows-1252's letters of 0x80–0x9F here.)
    const letters = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ'
    const cp1252 = [...Buffer.from(sentence)].map((b) => (b >= 0x80 && b <= 0x9f ? letters[b - 0x80]! : String.fromCharCode(b))).join('')
    const browser = await checkText(`一、${cp1252}\n`, { only: debris })
    expect(summary(browser)).toEqual([[3, 'paywall.mojibake', cp1252, sentence, sentence]])
    expect(browser[0]!.message).toContain('Windows-1252')
  })

  it('reads on past a U+FFFD a lossy decoder left inside a run: one finding, the loss marked, no fix', async () => {
    // Python's GBK codec lacks A2 86 (of 领): it leaves U+FFFD for A2 and reads 86 E5 as 嗗.
    const python = '鍏氬缓寮曢\ufffd嗗熀灞傛不鐞\ufffd'
    expect(summary(await checkText(`一、${python}\n`, { only: debris }))).toEqual([[3, 'paywall.mojibake', python, '党建引\ufffd基层治\ufffd', undefined]])
    // A browser reads GBK's user-defined pairs as private-use characters (U+E04E, U+E62C), which
    // read back; a lead byte before a digit it takes for a four-byte start and loses (the 98 of 员),
    // and the last byte of 。 before the line end.
    const sentence = '划分网格612个，配备专职网格员1836名，实现“多网合一”。'
    const browser = readAsGbk(sentence)
    expect(browser).toMatch(/[\ue000-\uf8ff]/)
    expect(summary(await checkText(`${browser}\n`, { only: debris }))).toEqual([[1, 'paywall.mojibake', browser, '划分网格612个，配备专职网格\ufffd1836名，实现“多网合一”\ufffd', undefined]])
  })

  it('reports a run of U+FFFD as text whose characters were lost, and one alone not', async () => {
    const gbk = '��ǿ���罨��'
    const findings = await checkText(`一、${gbk}。二、\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd。\n`, { only: debris })
    expect(summary(findings)).toEqual([
      [3, 'paywall.mojibake.replaced', gbk, undefined, undefined],
      [15, 'paywall.mojibake.replaced', '\ufffd'.repeat(6), undefined, undefined],
    ])
    expect(findings[0]!.message).toContain('×7')
    for (const text of ['页面中显示为“\ufffd”的字符无法识别', '张\ufffd同志、李\ufffd同志参加会议', '\ufffd，\ufffd'])
      expect(await checkText(text, { only: debris }), text).toEqual([])
  })

  it('wins over a breadcrumb read in Windows-1252 mojibake (› and » of å›½), which stays residue elsewhere', async () => {
    const garbled = 'åŠ\u00a0å¿«å»ºè®¾å†œä¸šå¼ºå›½'
    const findings = await checkText(`一、${garbled}\n雪域驻村人论坛 » 论坛 › 驻村工作 › 经验交流\n`, { only: ['paywall/mojibake', 'paywall/residue'] })
    expect(findings.map((f) => [f.line, f.ruleId, f.text, f.suggestion])).toEqual([
      [1, 'paywall/mojibake', garbled, '加快建设农业强国'],
      [2, 'paywall/residue', '雪域驻村人论坛 » 论坛 › 驻村工作 › 经验交流', undefined],
    ])
  })

  it('finds memory fill in a text with no other mojibake, in either codec', async () => {
    const findings = await checkText('数据异常：烫烫烫烫\n日志：ÌÌÌÌ\n', { only: debris })
    expect(findings.map((f) => [f.line, f.messageId, f.text])).toEqual([
      [1, 'paywall.mojibake.fill', '烫烫烫烫'],
      [2, 'paywall.mojibake.fill', 'ÌÌÌÌ'],
    ])
  })
})

describe('paywall/entity', () => {
  it('reports a run of references as one, with the characters as the fix', async () => {
    const findings = await checkText('&nbsp;&nbsp;二、以&amp;ldquo;民族团结进步月&rdquo;为契机&#12288;增长9.6%。&lt;br&gt;', { only: debris })
    expect(summary(findings)).toEqual([
      [1, 'paywall.entity', '&nbsp;&nbsp;', '\u00a0\u00a0', '\u00a0\u00a0'],
      [16, 'paywall.entity', '&amp;ldquo;', '“', '“'],
      [34, 'paywall.entity', '&rdquo;', '”', '”'],
      [44, 'paywall.entity', '&#12288;', '\u3000', '\u3000'],
      [59, 'paywall.entity.tag', '&lt;br&gt;', '', ''],
    ])
    expect(findings[0]!.message).toContain('U+00A0×2')
    expect(findings.every((f) => f.severity === 'info')).toBe(true)
  })

  it('names an invisible suggestion by code point where a report prints it', () => {
    const dir = makeTempDir('entity-')
    writeFileSync(join(dir, 'a.txt'), '完成任务。&nbsp;现将情况报告如下。\n以&ldquo;引号')
    const r = runCli(['check', '--no-color', '--lang', 'en', 'a.txt'], { cwd: dir })
    // The message names U+00A0 already: no arrow pointing at nothing; a visible character keeps its arrow or its quote.
    expect(r.stdout).toContain('&nbsp; (stands for U+00A0)  paywall/entity')
    expect(r.stdout).not.toMatch(/→\s*\u00a0/)
    expect(visibleSuggestion('\u00a0')).toBe('U+00A0')
    expect(visibleSuggestion('\u3000\u3000')).toBe('U+3000×2')
    expect(visibleSuggestion('a b')).toBe('a b')
    expect(visibleSuggestion('')).toBe('')
  })

  it('leaves & in prose alone', async () => {
    expect(await checkText('加大R&D投入，与AT&T合作，Q&A环节，城乡&区域，&foo;，&nbsp 无分号', { only: debris })).toEqual([])
  })

  it('in Markdown reports only what shows as a reference: one escaped twice, or an escaped tag', async () => {
    const md = '&emsp;&emsp;正文以&amp;ldquo;开头&lt;br&gt;\n\n`&nbsp;` 在代码里\n\n```\n&amp;ldquo;\n```\n'
    const findings = await checkText(md, { path: 'inline.md', only: debris })
    expect(findings.map((f) => f.text)).toEqual(['&amp;ldquo;', '&lt;br&gt;'])
  })

  it('reports a reference a page escaped twice, which its HTML shows as a reference', async () => {
    const findings = await checkText('<p>&amp;nbsp;正文&nbsp;</p>', { path: 'inline.html', only: debris })
    expect(findings.map((f) => [f.column, f.text])).toEqual([[4, '&nbsp;']])
  })
})
