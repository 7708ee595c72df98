/** @jest-environment jsdom */
/**
 * A message of the core's catalogue inside a pane label (i18n.ts `messageParam`), e.g. the status
 * line "Không điền được: …": said in the language of the moment, again after a switch; the core's
 * English catalogue (its own lazy chunk) is loaded when such a label is first shown in English.
 */
import { EN } from '../../src/core/messages/en';
import { flush } from './helpers';

test('Vietnamese, then English once the English catalogue has loaded, and back; a message without a reference as it is', async () => {
  await jest.isolateModulesAsync(async () => {
    // A fresh registry: neither the pane's English labels nor the core's English catalogue are loaded.
    const i18n = await import('../../taskpane/i18n');
    const messages = await import('../../src/core/messages');
    await import('../../src/core/messages/viWorkbook');
    expect(messages.hasCatalogue('en')).toBe(false);
    const why = messages.msg('fill.error.noSheet', { sheet: 'Chi bộ trực thuộc' });
    document.body.innerHTML = '';
    const line = document.createElement('p');
    const plain = document.createElement('p');
    document.body.append(line, plain);
    i18n.tr(line, 'fill.failed', { message: i18n.messageParam(why) });
    i18n.tr(plain, 'fill.failed', { message: i18n.messageParam({ message: 'HTTP 404' }) });
    expect(line.textContent).toBe(`Không điền được: ${why.message}`);
    expect(plain.textContent).toBe('Không điền được: HTTP 404');

    await i18n.setLanguage('en', document);
    await flush();
    expect(messages.hasCatalogue('en')).toBe(true);
    expect(line.textContent).toBe(`Could not fill: ${EN['fill.error.noSheet'].replace('{sheet}', 'Chi bộ trực thuộc')}`);
    expect(plain.textContent).toBe('Could not fill: HTTP 404');

    await i18n.setLanguage('vi', document);
    expect(line.textContent).toBe(`Không điền được: ${why.message}`);
  });
});
