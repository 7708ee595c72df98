/**
 * Accessible tabs (WAI-ARIA tabs pattern): one tab stop for the tab list, arrow keys / Home / End
 * move between tabs and show them, each panel is focusable and labelled by its tab.
 */
import { el } from './dom';
import type { I18nKey } from './i18n';

export interface TabSpec<Id extends string> {
  id: Id;
  label: I18nKey;
  panel: HTMLElement;
  /** Called each time the tab is shown. */
  onShow?: () => void;
}

export interface Tabs<Id extends string> {
  root: HTMLElement;
  select(id: Id, focus?: boolean): void;
  selected(): Id;
  tab(id: Id): HTMLButtonElement;
}

export function createTabs<Id extends string>(prefix: string, labelKey: I18nKey, specs: readonly TabSpec<Id>[]): Tabs<Id> {
  const list = el('div', { class: 'tablist', attrs: { role: 'tablist' }, i18nAttrs: { 'aria-label': labelKey } });
  const tabs = new Map<Id, HTMLButtonElement>();
  let current: Id = (specs[0] as TabSpec<Id>).id;

  for (const spec of specs) {
    const tabId = `${prefix}-tab-${spec.id}`;
    const panelId = `${prefix}-panel-${spec.id}`;
    const tab = el('button', {
      class: 'tab',
      attrs: { type: 'button', role: 'tab', id: tabId, 'aria-controls': panelId, 'aria-selected': 'false', tabindex: -1 },
      data: { tab: spec.id },
      testid: `tab-${spec.id}`,
      i18n: spec.label,
    });
    spec.panel.id = panelId;
    spec.panel.setAttribute('role', 'tabpanel');
    spec.panel.setAttribute('aria-labelledby', tabId);
    spec.panel.setAttribute('tabindex', '0');
    spec.panel.classList.add('tabpanel');
    spec.panel.hidden = true;
    tab.addEventListener('click', () => select(spec.id, true));
    tab.addEventListener('keydown', (event) => {
      const index = specs.findIndex((s) => s.id === spec.id);
      let next = -1;
      if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (index + 1) % specs.length;
      else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (index - 1 + specs.length) % specs.length;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = specs.length - 1;
      if (next >= 0) {
        event.preventDefault();
        select((specs[next] as TabSpec<Id>).id, true);
      }
    });
    tabs.set(spec.id, tab);
    list.appendChild(tab);
  }

  function select(id: Id, focus = false): void {
    current = id;
    for (const spec of specs) {
      const tab = tabs.get(spec.id) as HTMLButtonElement;
      const on = spec.id === id;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      spec.panel.hidden = !on;
    }
    const spec = specs.find((s) => s.id === id);
    if (focus) tabs.get(id)?.focus();
    spec?.onShow?.();
  }

  const root = el('div', { class: 'tabs' }, [list, ...specs.map((s) => s.panel)]);
  select(current);
  return {
    root,
    select,
    selected: () => current,
    tab: (id) => tabs.get(id) as HTMLButtonElement,
  };
}
