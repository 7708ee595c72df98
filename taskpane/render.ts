/**
 * A check result on screen — the same in the Excel pane and on the standalone page: the verdict,
 * the four criteria, the reasons (by severity) and the data issues (by sheet, then severity).
 * Every piece of workbook text goes in as text. Stable data-testid hooks let browser tests compare
 * the screen with `bontot check --json`:
 *   verdict            data-eligible="true|false"
 *   criterion          data-id, data-pass, data-percent (unrounded, "" when not scored)
 *   reason             data-code, data-severity, data-sheet, data-cell (absent when null)
 *   issue              data-code, data-severity, data-sheet, data-cell (absent when null)
 *   message            the reason's / issue's message, inside each of them
 */
import { formatDate } from '../src/core/dates';
import { formatNumber } from '../src/core/text';
import type { Issue, Reason } from '../src/core/types';
import type { CheckResult } from '../src/workbook/types';
import { el, percentText, type Child } from './dom';
import { hasCatalogue, messageIn, registerCatalogue, type Lang, type MessageRef } from '../src/core/messages';
import { language, onLanguageChange, ref, t, type I18nKey } from './i18n';

// ------------------------------------------------------------------ messages in the current language

/** The finding behind each message element on screen, to render it again when the language changes. */
const shownMessages = new WeakMap<Element, { message: string; text?: MessageRef }>();

let englishLoading: Promise<void> | null = null;

/**
 * Makes the catalogue of a language available: English is a separate chunk ("messages-en"), loaded
 * only when English is chosen, so the pane's first load carries Vietnamese alone.
 */
export function loadMessages(lang: Lang): Promise<void> {
  if (lang === 'vi' || hasCatalogue('en')) return Promise.resolve();
  englishLoading ??= import(/* webpackChunkName: "messages-en" */ '../src/core/messages/en').then(({ EN }) => registerCatalogue('en', EN));
  return englishLoading;
}

/** Renders every message on screen again in the current language (after its catalogue is loaded). */
function rerenderMessages(): void {
  if (typeof document === 'undefined') return;
  const lang = language();
  for (const element of Array.from(document.querySelectorAll('.message'))) {
    const finding = shownMessages.get(element);
    if (finding !== undefined) element.textContent = messageIn(finding, lang);
  }
}

onLanguageChange((lang) => {
  void loadMessages(lang).then(rerenderMessages, () => undefined);
});
if (language() === 'en') void loadMessages('en').then(rerenderMessages, () => undefined);

/**
 * THE call site of a finding's message (reason or issue): the one place the pane and the page put
 * a message on screen, in the current language, kept current across language switches.
 */
export function messageNode(finding: { message: string; text?: MessageRef }): HTMLElement {
  const node = el('p', { class: 'message', testid: 'message', text: messageIn(finding, language()) });
  shownMessages.set(node, finding);
  return node;
}

export interface RenderOptions {
  /** Excel mode: a place with a cell becomes a button that selects it. */
  onSelect?: (sheet: string, cell: string) => void;
  /** Items shown per list before a "show more" button (default 100). */
  pageSize?: number;
  /** Heading level of the result's section headings (default 3). */
  headingLevel?: 2 | 3 | 4;
}

export interface IssueCounts {
  errors: number;
  warnings: number;
  blocking: number;
  notes: number;
}

export function counts(result: CheckResult): IssueCounts {
  const errors = result.issues.filter((issue) => issue.severity === 'error').length;
  const blocking = result.reasons.filter((reason) => reason.severity === 'block').length;
  return { errors, warnings: result.issues.length - errors, blocking, notes: result.reasons.length - blocking };
}

export function verdictKey(result: CheckResult): I18nKey {
  return result.eligible ? 'verdict.eligible' : 'verdict.notEligible';
}

export function modelKey(result: CheckResult): I18nKey {
  return result.organization.kind === 'dang-bo' ? 'model.dangBo' : 'model.chiBo';
}

/** "Đủ điều kiện đề nghị công nhận “Chi bộ bốn tốt”" in the current language. */
export function verdictText(result: CheckResult): string {
  return `${t(verdictKey(result))} ${t(modelKey(result))}`;
}

/** The one-line announcement of a finished check: reasons (Không đạt) and notes (Lưu ý) counted apart. */
export function announcement(result: CheckResult): { key: I18nKey; params: Record<string, string | number> } {
  const c = counts(result);
  return {
    key: 'check.done',
    params: {
      verdict: ref(verdictKey(result)),
      model: ref(modelKey(result)),
      reasons: c.blocking,
      notes: c.notes,
      errors: c.errors,
      warnings: c.warnings,
    },
  };
}

/**
 * The place of a cell as people read it: "trang Điểm danh, ô J4" (en "sheet Điểm danh, cell J4"),
 * or the sheet alone ("trang Điểm danh"), or null. Never `Sheet!A1`. A translated reference
 * (i18n.ref), so it follows the language switch.
 */
export function placeRef(sheet: string | null, cell: string | null): string | null {
  if (sheet && cell) return ref('place.cell', { sheet, cell });
  if (sheet) return ref('place.sheet', { sheet });
  return null;
}

/** The place in the current language (see placeRef). */
export function placeText(sheet: string | null, cell: string | null): string | null {
  const place = placeRef(sheet, cell);
  return place === null ? null : t('place.text', { place });
}

/** The kind of organisation in the current language ("Chi bộ cơ sở" / "Grassroots party cell"). */
export function kindKey(kind: CheckResult['organization']['kind'], level: CheckResult['organization']['level']): I18nKey | null {
  if (kind === 'dang-bo') return 'kind.dang-bo.co-so';
  if (kind !== 'chi-bo') return null;
  if (level === 'co-so') return 'kind.chi-bo.co-so';
  if (level === 'truc-thuoc') return 'kind.chi-bo.truc-thuoc';
  return 'kind.chi-bo';
}

function heading(level: number, props: Parameters<typeof el>[1], children: Child[] = []): HTMLElement {
  const tag = `h${Math.min(6, Math.max(2, level))}` as 'h2' | 'h3' | 'h4' | 'h5' | 'h6';
  return el(tag, props, children);
}

function placeNode(sheet: string | null, cell: string | null, options: RenderOptions, wholeWorkbook = false): HTMLElement {
  const place = placeRef(sheet, cell);
  // No place: a yearly figure (the whole year), or the data as a whole (DATA_INVALID).
  if (place === null) return el('span', { class: 'place muted', i18n: wholeWorkbook ? 'place.workbook' : 'place.none' });
  if (sheet && cell && options.onSelect) {
    const select = options.onSelect;
    return el('button', {
      class: 'place link',
      attrs: { type: 'button' },
      i18n: 'place.text',
      params: { place },
      i18nAttrs: { 'aria-label': ['place.goto', { place }] },
      testid: 'goto',
      on: { click: () => select(sheet, cell) },
    });
  }
  if (!cell) return el('span', { class: 'place', i18n: 'place.wholeSheetOf', params: { place } });
  return el('span', { class: 'place', i18n: 'place.text', params: { place } });
}

function reasonItem(reason: Reason, options: RenderOptions): HTMLElement {
  return el(
    'li',
    {
      class: ['finding', `sev-${reason.severity}`],
      testid: 'reason',
      data: { code: reason.code, severity: reason.severity, sheet: reason.sheet, cell: reason.cell },
    },
    [
      el('span', { class: ['badge', `badge-${reason.severity}`], i18n: reason.severity === 'block' ? 'severity.block' : 'severity.warn' }),
      ' ',
      placeNode(reason.sheet, reason.cell, options, reason.code === 'DATA_INVALID'),
      // The code stays in data-code (tests, `bontot check --json`), never on screen.
      messageNode(reason),
    ],
  );
}

function issueItem(issue: Issue, options: RenderOptions): HTMLElement {
  return el(
    'li',
    {
      class: ['finding', `sev-${issue.severity}`],
      testid: 'issue',
      data: { code: issue.code, severity: issue.severity, sheet: issue.sheet, cell: issue.cell },
    },
    [
      el('span', { class: ['badge', `badge-${issue.severity}`], i18n: issue.severity === 'error' ? 'issue.error' : 'issue.warning' }),
      ' ',
      placeNode(issue.sheet, issue.cell, options),
      messageNode(issue),
    ],
  );
}

/** A list that shows `pageSize` items and a "show more" button for the rest. */
export function pagedList<T>(
  items: readonly T[],
  render: (item: T) => HTMLElement,
  pageSize: number,
  props: Parameters<typeof el>[1] = {},
): HTMLElement {
  const list = el('ul', { class: 'findings', ...props });
  const wrapper = el('div', { class: 'paged' }, [list]);
  let shown = 0;
  const more = el('button', { class: 'more', attrs: { type: 'button' } });
  const showNext = (focus: boolean): void => {
    const next = items.slice(shown, shown + pageSize);
    next.forEach((item, i) => {
      const node = render(item);
      list.appendChild(node);
      if (focus && i === 0) {
        node.setAttribute('tabindex', '-1');
        node.focus();
      }
    });
    shown += next.length;
    const left = items.length - shown;
    if (left > 0) {
      more.setAttribute('data-i18n', 'list.more');
      more.setAttribute('data-i18n-params', JSON.stringify({ count: left }));
      more.textContent = t('list.more', { count: left });
      if (!more.parentNode) wrapper.appendChild(more);
    } else if (more.parentNode) {
      more.remove();
    }
  };
  more.addEventListener('click', () => showNext(true));
  showNext(false);
  return wrapper;
}

function criteriaTable(result: CheckResult, level: number): HTMLElement {
  const rows = result.criteria.map((criterion) => {
    // An invalid point cell: neither met nor missed, and the cell to fix is named (SPEC §3).
    const invalidAt = criterion.invalidAt;
    const percentCell = invalidAt
      ? [el('span', { i18n: 'criteria.uncomputed', params: { sheet: invalidAt.sheet, cell: invalidAt.cell } })]
      : criterion.percent === null
        ? [el('span', { i18n: 'criteria.unscored' })]
        : [percentText(criterion.percent)];
    const badge = invalidAt
      ? el('span', { class: ['badge', 'badge-warn'], i18n: 'criteria.uncomputedResult' })
      : el('span', { class: ['badge', criterion.pass ? 'badge-ok' : 'badge-block'], i18n: criterion.pass ? 'criteria.pass' : 'criteria.fail' });
    return el(
      'tr',
      {
        class: criterion.pass === null ? 'uncomputed' : criterion.pass ? 'pass' : 'fail',
        testid: 'criterion',
        data: { id: criterion.id, pass: String(criterion.pass), percent: criterion.percent === null ? '' : String(criterion.percent) },
      },
      [
        el('th', { attrs: { scope: 'row' }, text: criterion.id }),
        el('td', { i18n: `criterion.${criterion.id}` as I18nKey }),
        el('td', { class: 'num' }, percentCell),
        el('td', {}, [badge]),
      ],
    );
  });
  return el('section', { class: 'criteria' }, [
    heading(level, { i18n: 'criteria.title', params: { min: formatNumber(result.policy.criterionMinPercent) } }),
    el('table', { class: 'grid' }, [
      el('thead', {}, [
        el('tr', {}, [
          el('th', { attrs: { scope: 'col' }, i18n: 'criteria.col.id' }),
          el('th', { attrs: { scope: 'col' }, i18n: 'criteria.col.label' }),
          el('th', { attrs: { scope: 'col' }, i18n: 'criteria.col.percent' }),
          el('th', { attrs: { scope: 'col' }, i18n: 'criteria.col.result' }),
        ]),
      ]),
      el('tbody', {}, rows),
    ]),
  ]);
}

function reasonsSection(result: CheckResult, options: RenderOptions, level: number): HTMLElement {
  const ordered = [...result.reasons.filter((r) => r.severity === 'block'), ...result.reasons.filter((r) => r.severity === 'warn')];
  return el('section', { class: 'reasons', testid: 'reasons' }, [
    // "Lý do (N)" counts the reasons that block (Không đạt); notes (Lưu ý) are counted apart.
    heading(level, {
      i18n: counts(result).notes > 0 ? 'reasons.titleWithNotes' : 'reasons.title',
      params: { count: counts(result).blocking, notes: counts(result).notes },
    }),
    ordered.length === 0
      ? el('p', { class: 'muted', i18n: 'reasons.none' })
      : pagedList(ordered, (reason) => reasonItem(reason, options), options.pageSize ?? 100),
  ]);
}

function issuesSection(result: CheckResult, options: RenderOptions, level: number): HTMLElement {
  const bySheet = new Map<string, Issue[]>();
  for (const issue of result.issues) {
    const list = bySheet.get(issue.sheet) ?? [];
    list.push(issue);
    bySheet.set(issue.sheet, list);
  }
  const groups: HTMLElement[] = [];
  for (const [sheet, issues] of bySheet) {
    const parts: HTMLElement[] = [heading(level + 1, { i18n: 'issues.sheet', params: { sheet, count: issues.length } })];
    for (const severity of ['error', 'warning'] as const) {
      const some = issues.filter((issue) => issue.severity === severity);
      if (some.length === 0) continue;
      parts.push(
        el('div', { class: 'severity-group', testid: 'issue-severity-group', data: { severity } }, [
          heading(level + 2, { class: 'severity-title', i18n: severity === 'error' ? 'issue.error' : 'issue.warning' }),
          pagedList(some, (issue) => issueItem(issue, options), options.pageSize ?? 100),
        ]),
      );
    }
    groups.push(el('section', { class: 'sheet-group', testid: 'issue-group', data: { sheet } }, parts));
  }
  return el('section', { class: 'issues', testid: 'issues' }, [
    heading(level, { i18n: 'issues.title', params: { count: result.issues.length } }),
    groups.length === 0 ? el('p', { class: 'muted', i18n: 'issues.none' }) : el('div', {}, groups),
  ]);
}

/** The whole result of one workbook. */
export function renderResult(result: CheckResult, options: RenderOptions = {}): HTMLElement {
  const level = options.headingLevel ?? 3;
  const { organization } = result;
  const kind = kindKey(organization.kind, organization.level);
  // The name is workbook text: a parameter of a translated template, rendered with textContent.
  const org = el('p', {
    class: 'org',
    testid: 'organization',
    i18n: 'result.org',
    params: {
      name: organization.name ?? ref('result.noName'),
      kind: ref(kind ?? 'result.unknownKind'),
      year: organization.year === null ? ref('result.unknownYear') : String(organization.year),
    },
  });

  const policyKey: I18nKey =
    result.policySource === 'workbook' ? 'result.policy.workbook' : result.policySource === 'given' ? 'result.policy.given' : 'result.policy.default';
  return el('div', { class: 'result', testid: 'result' }, [
    el(
      'div',
      { class: ['verdict', result.eligible ? 'verdict-ok' : 'verdict-bad'], testid: 'verdict', data: { eligible: String(result.eligible) } },
      [
        el('span', { class: 'verdict-icon', attrs: { 'aria-hidden': 'true' }, text: result.eligible ? '✓' : '✗' }),
        el('span', { class: 'verdict-text' }, [el('strong', { i18n: verdictKey(result) }), ' ', el('span', { i18n: modelKey(result) })]),
      ],
    ),
    org,
    el('p', { class: 'meta muted' }, [
      el('span', { i18n: 'result.asOf', params: { date: formatDate(result.asOf) } }),
      ' ',
      el('span', { i18n: policyKey }),
    ]),
    criteriaTable(result, level),
    reasonsSection(result, options, level),
    issuesSection(result, options, level),
  ]);
}
