/** @jest-environment jsdom */
/**
 * The English labels are a lazy chunk (taskpane/i18n/en.ts): a remembered English still starts the
 * page in English, a switch completes when the chunk has loaded, and a quick switch back is not
 * overtaken by the late chunk. Each test loads the pane's modules afresh, so the chunk is not
 * loaded yet when it starts.
 */
import type * as AppModule from '../../taskpane/app';
import type * as I18nModule from '../../taskpane/i18n';
import { EN } from '../../taskpane/i18n/en';
import { flush, one } from './helpers';

async function freshPane(): Promise<{ app: typeof AppModule; i18n: typeof I18nModule }> {
  let modules: { app: typeof AppModule; i18n: typeof I18nModule } | undefined;
  await jest.isolateModulesAsync(async () => {
    modules = { app: await import('../../taskpane/app'), i18n: await import('../../taskpane/i18n') };
  });
  return modules as { app: typeof AppModule; i18n: typeof I18nModule };
}

function mount(app: typeof AppModule): HTMLElement {
  document.body.innerHTML = '<div id="app"></div><section id="print-view" class="print-view"></section>';
  const root = document.getElementById('app') as HTMLElement;
  app.startApp(root, { host: 'standalone', standalone: { download: () => undefined, print: () => undefined, search: '' } });
  return root;
}

const subtitle = (root: HTMLElement): string => root.querySelector('.subtitle')?.textContent ?? '';

beforeEach(() => localStorage.clear());

test('a remembered English starts the page in English once its labels have loaded', async () => {
  localStorage.setItem('bontot.lang', 'en');
  const { app, i18n } = await freshPane();
  expect(i18n.languageLoaded('en')).toBe(false);
  const root = mount(app);
  expect(document.documentElement.lang).toBe('en');
  await flush();
  expect(i18n.languageLoaded('en')).toBe(true);
  expect(subtitle(root)).toBe(EN['app.subtitle.standalone']);
  expect(one(root, 'language').textContent).toBe(EN['lang.switch']);
  expect(one(root, 'status').textContent).toBe('');
});

test('the first switch to English completes when its promise settles', async () => {
  const { app, i18n } = await freshPane();
  const root = mount(app);
  expect(subtitle(root)).toBe(i18n.t('app.subtitle.standalone'));
  const switched = i18n.setLanguage('en');
  expect(i18n.language()).toBe('en');
  await switched;
  expect(subtitle(root)).toBe(EN['app.subtitle.standalone']);
  expect(i18n.t('check.run')).toBe(EN['check.run']);
  expect(localStorage.getItem('bontot.lang')).toBe('en');
});

test('switching back before the English labels arrive stays Vietnamese', async () => {
  const { app, i18n } = await freshPane();
  const root = mount(app);
  const vietnamese = subtitle(root);
  one(root, 'language').click();
  one(root, 'language').click();
  await i18n.loadLanguage('en');
  await flush();
  expect(i18n.language()).toBe('vi');
  expect(subtitle(root)).toBe(vietnamese);
  expect(one(root, 'language').textContent).toBe('English');
});
