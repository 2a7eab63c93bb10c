import { isWebLink } from '../../domain/web-link.js';
import type { EvidenceDraft } from './plan-draft.js';

/** Evidence links separated by `;`, each a URL or `Title | URL` (web links only). */
export function parseEvidenceList(text: string, problem: (message: string) => undefined): EvidenceDraft[] | undefined {
  const items = text.split(';').map((s) => s.trim()).filter(Boolean);
  const evidence: EvidenceDraft[] = [];
  for (const item of items) {
    const bar = item.lastIndexOf('|');
    const title = bar >= 0 ? item.slice(0, bar).trim() : '';
    const url = (bar >= 0 ? item.slice(bar + 1) : item).trim();
    if (!isWebLink(url)) return problem(`"${url}" is not a web link; each item must be a URL starting https:// (or "Title | URL").`);
    evidence.push({ title: title || url, url });
  }
  return evidence;
}

