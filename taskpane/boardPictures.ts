/**
 * The appraisal board's two pictures (part of the lazy board chunk): inline SVG built with DOM calls
 * (no chart library, no markup strings); every bar carries its numbers as text beside it and in
 * data-* attributes, so colour is never the only carrier and tests can read what is drawn.
 */
import { shareOf } from '../src/core/percent';
import { formatNumber } from '../src/core/text';
import type { KindKey } from '../src/workbook/consolidate';
import { el, percentText } from './dom';
import { t, type I18nKey } from './i18n';
import type { VerdictBar, CriterionBar, BoardChart } from './boardModel';

// ------------------------------------------------------------------------------------- pictures

/** "12/20 (60%)"-style shares of the table and the pictures: — when there is nothing to divide. */
export function percentOf(part: number, whole: number): string {
  const share = shareOf(part, whole);
  return share === null ? '—' : percentText(share * 100);
}

const SVG = 'http://www.w3.org/2000/svg';
let svgIds = 0;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
  children: (Node | string)[] = [],
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

const WIDTH = 400;
const BAR = 16;
/** Label line above each bar, the bar, its numbers below: one band per bar. */
const BAND = 50;
const TOP = 22;

interface Segment {
  count: number;
  className: string;
  label: string;
}

/** One horizontal bar (100 % = its organisations) split into segments, with its label and numbers as text. */
function barGroup(y: number, label: string, segments: Segment[], summary: string, data: Record<string, string | number>): SVGGElement {
  const total = segments.reduce((sum, s) => sum + s.count, 0);
  const group = svg('g', {
    class: 'chart-bar',
    'data-testid': 'chart-bar',
    ...Object.fromEntries(Object.entries(data).map(([k, v]) => [`data-${k}`, v])),
  });
  group.appendChild(svg('text', { x: 0, y: y + 12, class: 'chart-label' }, [label]));
  let x = 0;
  for (const segment of segments) {
    if (segment.count === 0 || total === 0) continue;
    const width = (segment.count / total) * WIDTH;
    group.appendChild(
      svg('rect', { x, y: y + 17, width, height: BAR, class: segment.className }, [svg('title', {}, [`${segment.label}: ${segment.count}`])]),
    );
    x += width;
  }
  if (total === 0) group.appendChild(svg('rect', { x: 0, y: y + 17, width: WIDTH, height: BAR, class: 'seg-empty' }));
  group.appendChild(svg('text', { x: 0, y: y + 46, class: 'chart-value' }, [summary]));
  return group;
}

function figure(testid: string, titleText: string, descText: string, height: number, content: SVGElement[], legend: HTMLElement): HTMLElement {
  svgIds += 1;
  const titleId = `chart-title-${svgIds}`;
  const descId = `chart-desc-${svgIds}`;
  const picture = svg(
    'svg',
    {
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'aria-labelledby': `${titleId} ${descId}`,
      class: 'chart',
      preserveAspectRatio: 'xMinYMin meet',
    },
    [svg('title', { id: titleId }, [titleText]), svg('desc', { id: descId }, [descText]), ...content],
  );
  return el('figure', { class: 'board-chart', testid }, [picture, el('figcaption', {}, [el('strong', { text: titleText }), legend])]);
}

function legendOf(items: { className: string; key: I18nKey; params?: Record<string, string | number> }[]): HTMLElement {
  return el(
    'ul',
    { class: 'chart-legend' },
    items.map((item) =>
      el('li', {}, [
        el('span', { class: ['swatch', item.className], attrs: { 'aria-hidden': 'true' } }),
        el('span', { i18n: item.key, params: item.params ?? {} }),
      ]),
    ),
  );
}

/** The group of organisations a board counts apart, in the reader's language. */
/** The i18n key of a group's label (shared with the table). */
export function groupKey(key: KindKey): I18nKey {
  return `board.group.${key}` as I18nKey;
}

/** A verdict bar's label in the current language (the chart's data keeps the Vietnamese one for the sheet). */
function verdictBarLabel(bar: VerdictBar): string {
  return bar.key === 'target' ? t('board.chart.targetBar') : t(groupKey(bar.key));
}

/** Organisations by verdict, per group, against the target line. */
export function verdictChart(chart: BoardChart): HTMLElement {
  const height = TOP + BAND * chart.verdicts.length + 4;
  const content: SVGElement[] = chart.verdicts.map((bar, index) =>
    barGroup(
      TOP + index * BAND,
      verdictBarLabel(bar),
      [
        { count: bar.eligible, className: 'seg-eligible', label: t('board.chart.eligible') },
        { count: bar.organizations - bar.eligible, className: 'seg-not', label: t('board.chart.notEligible') },
      ],
      t('board.chart.verdictValue', { eligible: bar.eligible, organizations: bar.organizations, share: percentOf(bar.eligible, bar.organizations) }),
      { key: bar.key, eligible: bar.eligible, organizations: bar.organizations },
    ),
  );
  const x = chart.target * WIDTH;
  const targetText = t('board.chart.target', { target: formatNumber(chart.target * 100) });
  content.push(
    svg('g', { class: 'chart-target', 'data-testid': 'chart-target', 'data-target': chart.target }, [
      svg('line', { x1: x, x2: x, y1: 14, y2: height, class: 'target-line' }),
      svg('text', { x, y: 10, class: 'chart-value', 'text-anchor': x > WIDTH * 0.75 ? 'end' : 'middle' }, [targetText]),
    ]),
  );
  const desc = chart.verdicts
    .map(
      (bar) =>
        `${verdictBarLabel(bar)}: ${t('board.chart.verdictValue', { eligible: bar.eligible, organizations: bar.organizations, share: percentOf(bar.eligible, bar.organizations) })}`,
    )
    .join('; ');
  return figure(
    'chart-verdicts',
    t('board.chart.verdictTitle'),
    `${targetText}. ${desc}.`,
    height,
    content,
    legendOf([
      { className: 'seg-eligible', key: 'board.chart.eligible' },
      { className: 'seg-not', key: 'board.chart.notEligible' },
      { className: 'target-swatch', key: 'board.chart.target', params: { target: formatNumber(chart.target * 100) } },
    ]),
  );
}

/** The four criteria across organisations: how many reach the threshold, fall below it, or cannot be computed. */
export function criteriaChart(chart: BoardChart): HTMLElement {
  const height = TOP + BAND * chart.criteria.length + 4 - 14;
  const value = (bar: CriterionBar): string =>
    t('board.chart.criterionValue', { pass: bar.pass, below: bar.below, unknown: bar.unknown, threshold: formatNumber(chart.threshold) });
  const content: SVGElement[] = chart.criteria.map((bar, index) =>
    barGroup(
      TOP - 14 + index * BAND,
      `${bar.id} ${t(`criterion.${bar.id}` as I18nKey)}`,
      [
        { count: bar.pass, className: 'seg-eligible', label: t('board.chart.pass', { threshold: formatNumber(chart.threshold) }) },
        { count: bar.below, className: 'seg-not', label: t('board.chart.below', { threshold: formatNumber(chart.threshold) }) },
        { count: bar.unknown, className: 'seg-unknown', label: t('board.chart.unknown') },
      ],
      value(bar),
      { id: bar.id, pass: bar.pass, below: bar.below, unknown: bar.unknown },
    ),
  );
  const desc = chart.criteria.map((bar) => `${bar.id}: ${value(bar)}`).join('; ');
  return figure(
    'chart-criteria',
    t('board.chart.criteriaTitle'),
    `${desc}.`,
    height,
    content,
    legendOf([
      { className: 'seg-eligible', key: 'board.chart.pass', params: { threshold: formatNumber(chart.threshold) } },
      { className: 'seg-not', key: 'board.chart.below', params: { threshold: formatNumber(chart.threshold) } },
      { className: 'seg-unknown', key: 'board.chart.unknown' },
    ]),
  );
}

/**
 * The overview into `container`: totals, the two pictures (when something was read), the table.
 * Rebuilt as a whole (it is small next to the cards); the language switch relabels it in place,
 * except the pictures' text, which is drawn in the language of the moment it was built.
 */
