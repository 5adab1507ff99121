/** Small Markdown helpers shared by the README sections. */

export function cell(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/\|/g, '\\|').trim();
}

/** A fenced shell block. */
export function sh(...commands: string[]): string[] {
  return ['```sh', ...commands, '```', ''];
}

/** A fenced block of what a command prints (not to be run). */
export function output(...lines: string[]): string[] {
  return ['```text', ...lines, '```', ''];
}

/** Is the addon enabled in this render? */
export function hasAddon(
  input: { addons: { addon: { id: string } }[] },
  id: string,
): boolean {
  return input.addons.some(a => a.addon.id === id);
}
