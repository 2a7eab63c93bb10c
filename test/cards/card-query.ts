/** Tiny helpers for asserting on Adaptive Card content rather than JSON bytes. */

export type Element = { type: string; id?: string; [key: string]: unknown };

const CHILD_KEYS = ['body', 'items', 'columns', 'inlines', 'actions', 'card'] as const;

function childrenOf(node: Element): Element[] {
  const out: Element[] = [];
  for (const key of CHILD_KEYS) {
    const value = node[key];
    if (Array.isArray(value)) out.push(...(value as Element[]));
    else if (value && typeof value === 'object') out.push(value as Element);
  }
  return out;
}

/** Every element, input and action in the card, depth first, in document order (not fallbacks). */
export function allElements(card: object): Element[] {
  const out: Element[] = [];
  const visit = (node: Element): void => {
    out.push(node);
    for (const child of childrenOf(node)) visit(child);
  };
  visit(card as Element);
  return out.slice(1);
}

export function findById(card: object, id: string): Element | undefined {
  return allElements(card).find((e) => e.id === id);
}

export function getById(card: object, id: string): Element {
  const found = findById(card, id);
  if (!found) throw new Error(`No element with id ${id}`);
  return found;
}

export function inputs(card: object): Element[] {
  return allElements(card).filter((e) => e.type.startsWith('Input.'));
}

/** The texts a person reads: TextBlocks, TextRuns and FactSet facts ("title: value"). */
export function texts(card: object): string[] {
  const out: string[] = [];
  for (const e of allElements(card)) {
    if ((e.type === 'TextBlock' || e.type === 'TextRun') && typeof e.text === 'string') out.push(e.text);
    if (e.type === 'FactSet') for (const f of e.facts as { title: string; value: string }[]) out.push(`${f.title}: ${f.value}`);
  }
  return out;
}

export function allText(card: object): string {
  return texts(card).join('\n');
}

export function textBlocks(card: object): Element[] {
  return allElements(card).filter((e) => e.type === 'TextBlock');
}

/** Actions anywhere: the card's own and those in ActionSets. */
export function actions(card: object): Element[] {
  return allElements(card).filter((e) => e.type.startsWith('Action.'));
}

/** The element that follows the one with `id` in the same list of siblings. */
export function nextSibling(card: object, id: string): Element | undefined {
  for (const e of [card as Element, ...allElements(card)]) {
    for (const key of CHILD_KEYS) {
      const list = e[key];
      if (!Array.isArray(list)) continue;
      const index = (list as Element[]).findIndex((c) => c.id === id);
      if (index >= 0) return (list as Element[])[index + 1];
    }
  }
  return undefined;
}
