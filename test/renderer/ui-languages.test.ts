// The built renderer in headless Chromium against scripted handlers, in English and in Thai at 1280x800 and
// 1024x700: the language switch in Settings changes the screens and the report, nothing overflows its panel
// (scrollWidth <= clientWidth for the step panels and the report's tables), and the translated screens show no
// English sentence (nor any known English UI string of the wizard steps, the Devices panel and the What-if screen) in Thai. Screenshots: test-results/languages/<lang>-<width>/*.png.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CHROMIUM, startScriptedApp } from './fixtures/scripted-app';
import { WizardDriver } from '../e2e/support/wizard-driver';
import { wizardEn } from '../../shared/i18n/wizard-en';
import { whatifEn } from '../../shared/i18n/whatif-en';
import { en } from '../../shared/i18n/en';
import { errorsEn } from '../../shared/i18n/errors-en';
import { errorsTh } from '../../shared/i18n/errors-th';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
] as const;
const STEPS = ['data', 'model', 'train', 'prune', 'convert', 'benchmark', 'report'];

/** Everything in the visible panel that is wider than its box: the panel itself and the report's tables. */
async function overflowing(page: Page): Promise<string[]> {
  // No named helpers inside evaluate: tsx's keepNames wraps them in a __name() the page does not have.
  return page.evaluate(() => {
    const out: string[] = [];
    const doc = document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`page: ${doc.scrollWidth} > ${doc.clientWidth}`);
    for (const panel of document.querySelectorAll('main > div, [role="tabpanel"]'))
      if ((panel as HTMLElement).offsetParent !== null && panel.scrollWidth > panel.clientWidth + 1) out.push(`panel ${panel.id || panel.className}: ${panel.scrollWidth} > ${panel.clientWidth}`);
    for (const table of document.querySelectorAll('[data-testid="report-view"] table')) {
      const box = table.parentElement!;
      if ((table as HTMLElement).offsetParent !== null && table.scrollWidth > box.clientWidth + 1)
        out.push(`table ${table.getAttribute('data-testid') ?? ''}: ${table.scrollWidth} > ${box.clientWidth}`);
    }
    return out;
  });
}

/**
 * English sentences left on a translated screen: text of three or more Latin words, outside code, user data
 * (device labels, run ids, file names: marked `value`, `code`, `pre`; chart tooltips naming them) and inputs. A heuristic, but it catches a
 * sentence that was never translated.
 */
async function englishLeft(page: Page, screen: string, within?: string): Promise<string[]> {
  const selector = `[data-testid="${screen}"]${within ? ` [data-testid="${within}"]` : ''}`;
  return page.evaluate((css) => {
    const scope = document.querySelector(css);
    if (!scope) return [`no ${css}`];
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    const found: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || el.closest('code, pre, .value, [data-raw], input, textarea, option, details, title')) continue;
      const text = node.textContent ?? '';
      // Three words in a row, lower case after the first (names such as HOST:PORT or TF.js do not count).
      if (/\b[A-Za-z][a-z]{2,}\b(?:[\s,:()·-]+\b[a-z]{2,}\b){2,}/.test(text)) found.push(text.trim().slice(0, 80));
    }
    return found;
  }, selector);
}

/** The English UI strings of the wizard, Devices panel and jobs: each literal run of text between placeholders that has a space in it. */
function knownEnglish(tree: object): string[] {
  const out: string[] = [];
  for (const value of Object.values(tree)) {
    if (typeof value !== 'string') out.push(...knownEnglish(value as object));
    else
      // Text inside <code> is a command or a name, the same in every language.
      for (const part of value.replace(/<code>.*?<\/code>/g, '{{code}}').split(/\{\{\w+\}\}/))
        if (/[a-z]{2,} [a-z]{2,}/i.test(part) && part.trim().length >= 8) out.push(part.trim());
  }
  return out;
}
const ENGLISH = [...new Set([...knownEnglish(wizardEn), ...knownEnglish(whatifEn), ...knownEnglish(en.history)])];

/** Known English UI strings still visible in a screen (its rendered text, code and user data included). */
async function knownEnglishLeft(page: Page, screen: string): Promise<string[]> {
  const text = await page.getByTestId(screen).innerText();
  return ENGLISH.filter((english) => text.includes(english));
}

test(
  'English and Thai screens at 1280x800 and 1024x700: switchable in Settings, nothing cut or overflowing',
  { timeout: 300_000, skip: existsSync(CHROMIUM) ? false : `${CHROMIUM} is not installed` },
  async () => {
    const { out, control, server, browser, close } = await startScriptedApp('renderer-lang-');
    const problems: string[] = [];
    try {
      const page = await browser.newPage({ viewport: SIZES[0] });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      const wizard = new WizardDriver(page, { jobTimeoutMs: 30_000, screenshotDir: out });
      const id = (testId: string) => wizard.id(testId);
      await page.goto(server.url);

      // One pass through the wizard so every step has content to show.
      await wizard.loadData({ kind: 'sample' });
      await wizard.describeModel('baseline-keepdims');
      await wizard.train({ epochs: 2 });
      await wizard.prune({ epochs: 2, endEpoch: 1, frequency: 2 });
      await wizard.convert();
      await wizard.benchmark({ devices: ['host'], runs: 10, repeat: 1 });
      await wizard.waitForJob('bench');
      // A what-if on the emulated phone (scripted, its numbers synthetic and labelled so), for the What-if screen.
      await id('open-whatif').click();
      await id('whatif-model').fill('/tmp/ws/mobilenet-float.tflite');
      await id('whatif-device-select-host').uncheck();
      await id('whatif-device-select-127.0.0.1:5601').check();
      await id('whatif-repeat').fill('1');
      await id('whatif-start').click();
      await wizard.waitForJob('whatif');
      await id('screen-whatif').getByTestId('whatif-report').waitFor();

      for (const lang of ['en', 'th'] as const) {
        await id('open-settings').click();
        await id('settings-language').selectOption(lang);
        await id('settings-save').click();
        await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        await id('open-settings').click(); // back to the wizard
        for (const size of SIZES) {
          await page.setViewportSize(size);
          const dir = join(root, 'test-results', 'languages', `${lang}-${size.width}`);
          mkdirSync(dir, { recursive: true });
          const shot = (name: string) => page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
          for (const [i, step] of STEPS.entries()) {
            if (step === 'report') await wizard.openReport();
            else await wizard.gotoStep(i + 1);
            await shot(`${i + 1}-${step}`);
            assert.deepEqual(await overflowing(page), [], `${lang} ${size.width}: step ${step}`);
            if (lang === 'th') {
              assert.deepEqual(await englishLeft(page, `screen-${step}`), [], `step ${step} in Thai`);
              assert.deepEqual(await knownEnglishLeft(page, `screen-${step}`), [], `step ${step} in Thai: English UI strings`);
            }
          }
          const headline = (await id('screen-report').getByTestId('report-headline').textContent()) ?? '';
          assert.match(headline, lang === 'th' ? /โมเดลที่ตัดแต่งเร็วขึ้น/ : /Pruned is [\d.]+× faster/);
          assert.equal(await id('step-7').textContent(), lang === 'th' ? '7รายงาน' : '7Report');

          await id('open-history').click();
          await id('history-open-run-a').click();
          await id('screen-history').getByTestId('report-view').waitFor();
          await shot('8-history');
          assert.deepEqual(await overflowing(page), [], `${lang} ${size.width}: history`);

          // History's comparison of two runs: one headline line per run, both runs in the tables.
          await id('history-select-run-a').check();
          await id('history-select-run-b').check();
          await id('history-compare').click();
          const compared = id('screen-history').getByTestId('report-view');
          await compared.getByText('run-b', { exact: false }).first().waitFor();
          await shot('8b-history-compare');
          assert.deepEqual(await overflowing(page), [], `${lang} ${size.width}: history comparison`);
          // The whole History screen: run list (kinds, key numbers, an unreadable run's error title) and the comparison.
          if (lang === 'th') {
            assert.deepEqual(await englishLeft(page, 'screen-history'), [], 'history and comparison in Thai');
            assert.deepEqual(await knownEnglishLeft(page, 'screen-history'), [], 'history in Thai: English UI strings');
          }
          await id('history-select-run-a').uncheck();
          await id('history-select-run-b').uncheck();

          await id('open-devices').click();
          await id('screen-devices').getByTestId('devices-host').waitFor();
          // The Wireless debugging pairing steps open, so their text is checked too.
          await id('pair-form').evaluate((el) => ((el as HTMLDetailsElement).open = true));
          // A refused pairing: the error's title and advice in this language, the adb server's own words quoted.
          await id('pair-host').fill('192.168.1.40');
          await id('pair-port').fill('37099');
          await id('pair-code').fill('111111');
          await id('pair-submit').click();
          await id('pair-error').getByText('Wrong password or connection was dropped.', { exact: false }).waitFor();
          assert.equal(
            await id('pair-error').locator('.error-title').textContent(),
            lang === 'th' ? errorsTh.PAIR_FAILED.title : errorsEn.PAIR_FAILED.title,
          );
          await shot('10-devices');
          assert.deepEqual(await overflowing(page), [], `${lang} ${size.width}: devices`);
          if (lang === 'th') {
            assert.deepEqual(await englishLeft(page, 'screen-devices'), [], 'devices in Thai');
            assert.deepEqual(await knownEnglishLeft(page, 'screen-devices'), [], 'devices in Thai: English UI strings');
          }
          // Unplug the (emulated) phone: the panel says what to do, in this language, and goes when a phone is back.
          const phones = control.devices;
          control.devices = phones.filter((d) => d.kind === 'host');
          control.plug();
          const empty = id('devices-empty');
          await empty.waitFor();
          const help = await empty.innerText();
          assert.match(help, lang === 'th' ? /ยังไม่ได้เชื่อมต่อโทรศัพท์/ : /No phone connected yet/);
          assert.match(help, lang === 'th' ? /การแก้ไขข้อบกพร่องผ่าน USB/ : /USB debugging/);
          assert.match(help, /ANDROID_HOME\/platform-tools/);
          assert.match(help, lang === 'th' ? /ผ่านเครือข่าย/ : /over the network/);
          await shot('11-devices-no-phone');
          assert.deepEqual(await overflowing(page), [], `${lang} ${size.width}: devices without a phone`);
          if (lang === 'th') assert.deepEqual(await englishLeft(page, 'screen-devices'), [], 'devices without a phone in Thai');
          control.devices = phones;
          control.plug();
          await empty.waitFor({ state: 'detached' });

          await id('open-whatif').click();
          const whatif = id('screen-whatif');
          await whatif.getByTestId('whatif-report').waitFor();
          await shot('12-whatif');
          assert.deepEqual(await overflowing(page), [], `${lang} ${size.width}: what-if`);
          assert.match(
            (await whatif.getByTestId('whatif-break-even-127.0.0.1:5601').innerText()).replace(/\s+/g, ' '),
            lang === 'th'
              ? /^ความเบาบาง ณ จุดคุ้มทุน: 54\.2 % \(ประมาณค่าในช่วงระหว่าง 50 % ถึง 75 %\)/
              : /^Break-even sparsity: 54\.2 % \(interpolated between 50 % and 75 %\)/,
          );
          assert.equal(await whatif.locator('figure[data-chart="whatif-latency"] .series').count(), 3);
          if (lang === 'th') {
            assert.deepEqual(await englishLeft(page, 'screen-whatif'), [], 'what-if in Thai');
            assert.deepEqual(await knownEnglishLeft(page, 'screen-whatif'), [], 'what-if in Thai: English UI strings');
            // A sparsity outside (0, 1) is named in Thai, and nothing can start.
            await id('whatif-sparsities').fill('0.5, 1.2');
            assert.equal(await id('whatif-sparsities-error').innerText(), "'1.2' ไม่ใช่ความเบาบางระหว่าง 0 ถึง 1 (เช่น 0.75 หรือ 75%)");
            assert.equal(await id('whatif-start').isDisabled(), true);
            await id('whatif-sparsities').fill('0.5, 0.75, 0.9');
          }

          await id('open-settings').click();
          await shot('9-settings');
          assert.deepEqual(await overflowing(page), [], `${lang} ${size.width}: settings`);
          if (lang === 'th') {
            for (const screen of ['screen-settings'])
              assert.deepEqual(await englishLeft(page, screen), [], `${screen} in Thai`);
            await id('open-settings').click();
            await wizard.openReport();
            assert.deepEqual(await englishLeft(page, 'screen-report'), [], 'report screen in Thai');
          } else {
            await id('open-settings').click();
          }
        }
      }
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  },
);
