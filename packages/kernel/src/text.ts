/** Input clean-up shared by the identifier checks. */

/**
 * Full-width ASCII (`０-９`, `Ａ-Ｚ`, `－`, …) to half-width, and the ideographic space to a plain
 * space: Chinese input methods often produce them, and they look identical on screen.
 */
export function toHalfWidth(input: string): string {
  return input.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x3000 ? ' ' : String.fromCharCode(code - 0xfee0);
  });
}

/** Half-width, all whitespace removed (identifiers never contain spaces; people type groups). */
export function compactIdentifier(input: string): string {
  return toHalfWidth(input).replace(/\s+/g, '');
}

/** Number of characters (code points), so a stray emoji or CJK character counts as one. */
export function charLength(input: string): number {
  return [...input].length;
}
