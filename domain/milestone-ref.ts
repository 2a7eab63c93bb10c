/**
 * Milestone refs are numbered like `1.4` or `2.10`; some reports print the priority in
 * Roman numerals (`I.1`). Normalised refs use digits.
 */
const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4, V: 5, VI: 6, VII: 7, VIII: 8, IX: 9, X: 10 };

export function normaliseRef(text: string): string | undefined {
  const value = text.trim().replace(/\s+/g, '');
  const m = /^([IVX]+|\d+)((?:\.\d+)*)([a-z]?)$/i.exec(value);
  if (!m) return undefined;
  const head = /^\d+$/.test(m[1]!) ? String(Number(m[1])) : ROMAN[m[1]!.toUpperCase()];
  if (head === undefined) return undefined;
  return `${head}${m[2]}${m[3]!.toLowerCase()}`;
}

/** The priority number a ref belongs to (`2.3` → 2). */
export function priorityOfRef(ref: string): number {
  return Number(ref.split('.')[0]);
}

/** Sorts refs by number, so 1.2 comes before 1.10. */
export function refSortKey(ref: string): string {
  return ref
    .split('.')
    .map((part) => {
      const m = /^(\d+)([a-z]?)$/.exec(part);
      return m ? `${m[1]!.padStart(6, '0')}${m[2]}` : part;
    })
    .join('.');
}
