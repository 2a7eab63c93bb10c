/**
 * Small building blocks shared by the bot's Adaptive Cards (schema 1.5, Universal Actions).
 * Cards are plain data: nothing here does I/O or reads the clock.
 */
import type { MilestoneStatus } from '../domain/milestone-status.js';

export const ADAPTIVE_CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

/** Any Adaptive Card element, input or action, as plain JSON. */
export type CardElement = { type: string; [key: string]: unknown };

export interface AdaptiveCardJson {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_CARD_SCHEMA;
  version: '1.5';
  body: CardElement[];
  actions?: CardElement[];
  msteams?: { width: 'Full' };
  [key: string]: unknown;
}

export function adaptiveCard(body: CardElement[], options: { actions?: CardElement[]; fullWidth?: boolean } = {}): AdaptiveCardJson {
  const card: AdaptiveCardJson = { type: 'AdaptiveCard', $schema: ADAPTIVE_CARD_SCHEMA, version: '1.5', body };
  if (options.actions && options.actions.length > 0) card.actions = options.actions;
  if (options.fullWidth) card.msteams = { width: 'Full' };
  return card;
}

type TextOptions = {
  size?: 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  weight?: 'Lighter' | 'Default' | 'Bolder';
  color?: 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
  separator?: boolean;
  style?: 'default' | 'heading';
  id?: string;
};

export function textBlock(text: string, options: TextOptions = {}): CardElement {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string, size: TextOptions['size'] = 'Large'): CardElement {
  return textBlock(text, { size, weight: 'Bolder', style: 'heading' });
}

/** A message in the attention colour, e.g. an error under an input. */
export function attentionText(text: string, options: TextOptions = {}): CardElement {
  return textBlock(text, { color: 'Attention', spacing: 'Small', ...options });
}

/** Status text colour following the BRAG colours (Grey stays default). */
export function statusColour(status: MilestoneStatus): NonNullable<TextOptions['color']> {
  switch (status) {
    case 'ON_TRACK':
      return 'Good';
    case 'SLIGHT_SLIPPAGE':
      return 'Warning';
    case 'SIGNIFICANT_SLIPPAGE':
      return 'Attention';
    case 'COMPLETE':
      return 'Accent';
    case 'NOT_YET_DUE':
      return 'Default';
  }
}

/**
 * A button that posts back to the bot: `Action.Execute` for Universal Actions clients, with an
 * `Action.Submit` fallback carrying the same data for clients without them.
 */
export function executeAction(title: string, verb: string, data: Record<string, unknown>, options: { style?: 'positive' | 'default' } = {}): CardElement {
  const action: CardElement = { type: 'Action.Execute', title, verb, data: { ...data } };
  if (options.style) action.style = options.style;
  action.fallback = { type: 'Action.Submit', title, data: { ...data } };
  return action;
}

/** Shortens text to at most `max` characters, at a word break where there is one, ending in "…". */
export function shorten(text: string, max: number): string {
  const clean = text.trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  const base = space > max * 0.6 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s.,;:–—-]+$/, '')}…`;
}

/**
 * A markdown link that shows `title` and opens `url`, with the characters that would break
 * the link syntax neutralised.
 */
export function markdownLink(title: string, url: string): string {
  const text = title.replace(/\s+/g, ' ').replace(/\[/g, '(').replace(/\]/g, ')').trim() || url;
  let href = url.trim();
  try {
    href = new URL(href).href;
  } catch {
    // Not a parseable URL: keep it as typed; the link just will not open.
  }
  href = href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
  return `[${text}](${href})`;
}
