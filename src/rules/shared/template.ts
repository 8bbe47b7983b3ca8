// Fills `{name}` placeholders of rule messages.

/** Replaces each `{name}` in `template` with `vars[name]`; unknown names are left as written. */
export function formatMessage(template: string, vars: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name]
    return value === undefined ? whole : String(value)
  })
}
