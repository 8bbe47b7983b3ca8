// Fills `{name}` placeholders of rule messages.

/** A message template compiled once: call it with the values of its `{name}` placeholders. */
export type MessageTemplate = (vars: Readonly<Record<string, string | number>>) => string

/** Compiles `template`; unknown names are left as written. */
export function compileMessage(template: string): MessageTemplate {
  const parts = template.split(/\{(\w+)\}/)
  if (parts.length === 1) return () => template
  return (vars) => {
    let out = parts[0]!
    for (let i = 1; i < parts.length; i += 2) {
      const value = vars[parts[i]!]
      out += (value === undefined ? `{${parts[i]}}` : String(value)) + parts[i + 1]!
    }
    return out
  }
}

/** Replaces each `{name}` in `template` with `vars[name]`; for one-off messages. */
export function formatMessage(template: string, vars: Readonly<Record<string, string | number>>): string {
  return compileMessage(template)(vars)
}
