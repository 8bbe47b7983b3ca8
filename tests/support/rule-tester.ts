// Runs a rule on one of its examples, as ESLint's RuleTester does: a rule that throws fails the
// example, whatever the example expects, and a match must be one finding of that rule whose
// message has every placeholder filled in.
import { checkDocument, ruleErrorId } from '../../src/core/engine.js'
import type { EngineRule } from '../../src/core/rule.js'
import type { Document } from '../../src/core/document.js'
import { documentFromBytes, documentFromText } from '../../src/io/read-document.js'
import { docxOfExample } from './docx.js'

/** A `{name}` left in a message: the template named a value the kind did not give. */
const placeholderRe = /\{[a-zA-Z]+\}/

/**
 * Why `rule` fails `example` (expected to give one finding, or none), or undefined when it
 * passes. The rule runs alone, so no other rule's claim can hide its findings.
 */
export async function exampleProblem(rule: EngineRule, example: string, expected: 'match' | 'noMatch'): Promise<string | undefined> {
  const doc = await exampleDocument(example)
  const findings = checkDocument(doc, [rule])
  const failure = findings.find((f) => f.ruleId === ruleErrorId)
  if (failure) return failure.message
  const own = findings.filter((f) => f.ruleId === rule.def.id)
  const listed = own.map((f) => `${f.column}:${JSON.stringify(f.text)}`).join(', ')
  if (expected === 'noMatch') return own.length === 0 ? undefined : `expected no finding, got ${listed}`
  if (own.length !== 1) return `expected one finding, got ${own.length}${own.length ? `: ${listed}` : ''}`
  const [finding] = own
  if (finding!.length === 0 || finding!.offset + finding!.length > example.length) return `the span ${finding!.offset}+${finding!.length} is not inside the example`
  if (placeholderRe.test(finding!.message)) return `the message has a placeholder left: ${finding!.message}`
  return undefined
}

/** The Document of a rule example: plain text, or a .docx when the example is Word XML (see {@link docxOfExample}). */
export async function exampleDocument(example: string): Promise<Document> {
  const docx = docxOfExample(example)
  return docx ? documentFromBytes(docx, 'inline.docx') : documentFromText(example, 'inline.txt')
}
