import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import JSZip from 'jszip';
import { buildBoardPack } from '../../../services/board-pack/build-board-pack.js';
import { renderBoardPackMarkdown } from '../../../services/board-pack/render-markdown.js';
import { importPlan } from '../../../services/import/import-plan.js';
import { projectRoot } from '../../../services/project-root.js';
import { testStore, type TestStore } from '../../support/test-database.js';

const PRIORITIES = [
  'Priority 1: Strategy discussions',
  'Priority 2: Written plans',
  'Priority 3: Sufficiency of local placements',
  'Priority 4: Supervision and management oversight',
  'Priority 5: Care leavers',
  'Priority 6: Auditing of casework',
];
const REFS = ['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '2.1', '2.2', '2.3', '2.4', '3.1', '3.2', '3.3', '4.1', '4.2', '4.3', '5.1', '5.2', '5.3', '6.1', '6.2'];

let store: TestStore;
let built: Extract<Awaited<ReturnType<typeof buildBoardPack>>, { ok: true }>;
let zip: JSZip;
let texts: string[];
beforeAll(async () => {
  store = await testStore('render-docx');
  expect((await importPlan(store.db, join(projectRoot(), 'demo/plan'), { source: 'DEMO' })).ok).toBe(true);
  const result = await buildBoardPack(store.db, {}, '2019-05-31');
  if (!result.ok) throw new Error(result.message);
  built = result;
  zip = await JSZip.loadAsync(result.docx);
  texts = textsOf(await zip.file('word/document.xml')!.async('string'));
});
afterAll(() => store.drop());

/** The document's text runs, entities decoded. */
function textsOf(xml: string): string[] {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) =>
    m[1]!.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'),
  );
}

describe('the demo board pack as a Word document (as of 31 May 2019)', () => {
  it('is named after the plan and the day', () => {
    expect(built.fileName).toBe("Children's Services Improvement Plan (demo) board pack 2019-05-31.docx");
  });

  it('has the summary, the six priority headings and all 22 milestone refs in its tables', async () => {
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(texts).toContain('Summary of progress against milestones');
    expect(texts.find((t) => t.startsWith('There are 22 milestones across 6 priorities'))).toContain('15 of them are on track or complete (68.2%)');
    for (const heading of PRIORITIES) expect(texts).toContain(heading);
    for (const ref of REFS) expect(texts, ref).toContain(ref);
    expect(texts.filter((t) => t === 'Progress milestones')).toHaveLength(6);
    // Each priority starts on a new page, with its heading styled as a heading.
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)!.length).toBeGreaterThanOrEqual(7);
    expect(xml).toContain('w:orient="landscape"');
  });

  it('shades statuses in BRAG colours and KPI figures in RAG colours', async () => {
    const xml = await zip.file('word/document.xml')!.async('string');
    const cellsShaded = (fill: string) => (xml.match(new RegExp(`w:fill="${fill}"`, 'g')) ?? []).length;
    expect(cellsShaded('92D050')).toBeGreaterThanOrEqual(15 + 1); // 15 ON TRACK rows and the summary's ON TRACK
    expect(cellsShaded('FFC000')).toBeGreaterThanOrEqual(6 + 1);
    expect(cellsShaded('BFBFBF')).toBeGreaterThanOrEqual(1 + 1);
    expect(cellsShaded('FFC7CE')).toBeGreaterThan(12); // red figures: every re-referral month, among others
    // Repeated header rows, so a table that runs onto a second page keeps its headings.
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('has the KPI tables, with months, targets and the direction of travel', () => {
    for (const name of ['Re-referrals within 12 months', 'Children on multiple CP plans', 'Long-term placement stability (2.5+ years)', 'Care leavers in suitable accommodation', 'Strategy discussions leading to s47']) {
      expect(texts).toContain(name);
    }
    expect(texts.filter((t) => t === 'KPIs, Apr 2018 to Mar 2019')).toHaveLength(4);
    expect(texts).toContain('Apr 2018');
    expect(texts).toContain('Mar 2019');
    expect(texts).toContain('32.4%');
    expect(texts).toContain('Monitor only');
    expect(texts).toContain('▼ improving'); // re-referrals fell: better, as lower is better
    expect(texts).toContain('129/228');
  });

  it("groups the owners' latest answers under the three questions", () => {
    expect(texts.filter((t) => t === "What's working well?")).toHaveLength(6);
    expect(texts.filter((t) => t === 'What are we worried about?')).toHaveLength(6);
    expect(texts.filter((t) => t === 'What needs to happen?')).toHaveLength(6);
    expect(texts).toContain('Permanent MASH team manager appointed; s47 duty team manager based in the MASH each week.');
  });

  it('embeds one KPI trend chart per priority with KPIs (PNG images), none for priorities 4 and 6', async () => {
    const images = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
    expect(images).toHaveLength(4);
    for (const image of images) {
      const png = await zip.file(image)!.async('nodebuffer');
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1350, 510]);
    }
    expect(texts.filter((t) => t === 'Trend, Apr 2018 to Mar 2019')).toHaveLength(4);
  });

  it('names what is slipping, with why', () => {
    expect(texts).toContain('What is slipping');
    expect(built.view.slipping.map((m) => m.ref)).toContain('4.1');
    expect(texts.some((t) => /reported ON TRACK, but overdue/.test(t))).toBe(true);
  });
});

describe('the same pack as Markdown', () => {
  it('has the same sections, tables and answers', () => {
    const md = renderBoardPackMarkdown(built.view);
    expect(md).toMatch(/^# Children's Services Improvement Plan \(demo\): progress report\n/);
    for (const heading of PRIORITIES) expect(md).toContain(`\n## ${heading}\n`);
    for (const ref of REFS) expect(md).toMatch(new RegExp(`\\n\\| ${ref.replace('.', '\\.')} \\| `));
    expect(md).toContain('| **All priorities** | 22 | 15 | 0 | 6 | 0 | 1 | 68.2% |');
    expect(md).toContain('| KPI | Apr 2018 | May 2018 |');
    expect(md).toContain('| Re-referrals within 12 months | 29.7% |');
    expect(md).toContain('| 25% | Red | ▼ improving |');
    expect(md).toContain('- **1.2:** Permanent MASH team manager appointed');
    expect(md).toContain('| 1.5 | Raise with team managers');
    expect(md).toContain('SLIGHT SLIPPAGE (Amber)');
    expect(md).not.toMatch(/\n{3}/);
  });
});
