import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { en } from '../../shared/i18n/en';
import { th } from '../../shared/i18n/th';
import { createI18n, languageForLocale } from '../../shared/i18n/i18n';
import { createFormatters } from '../../shared/format/formatters';
import { systemLanguage } from '../../electron/core/util/system-language';

function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('translations', () => {
  const english = leaves(en);
  const thai = leaves(th);

  it('every English key has a Thai string and the other way round', () => {
    assert.deepEqual([...english.keys()].filter((k) => !thai.has(k)), [], 'missing in th');
    assert.deepEqual([...thai.keys()].filter((k) => !english.has(k)), [], 'missing in en');
    assert.deepEqual([...thai].filter(([, v]) => v.trim() === '').map(([k]) => k), [], 'empty Thai strings');
  });

  it('Thai strings keep every placeholder and are written in Thai', () => {
    for (const [key, text] of english) assert.deepEqual(placeholders(thai.get(key)!), placeholders(text), key);
    // Strings that are names or symbols are the same in both languages; everything else must contain Thai script.
    const same = [...english].filter(([k, v]) => thai.get(k) === v).map(([k]) => k);
    const allowed = /^(app\.name|report\.col\.(p90|sha256)|report\.screen\.format\.(json|html|pdf)|languages\.(en|th))$/;
    assert.deepEqual(same.filter((k) => !allowed.test(k)), [], 'left in English');
    for (const [key, text] of thai) if (!allowed.test(key)) assert.match(text, /[\u0E00-\u0E7F]/, key);
  });

  it('i18next resolves nested keys and interpolates in both languages', () => {
    assert.equal(createI18n('en').t('report.headline.smaller', { size: '1.08 KiB' }), '1.08 KiB smaller');
    assert.equal(createI18n('th').t('report.headline.smaller', { size: '1.08 KiB' }), 'เล็กลง 1.08 KiB');
    // A missing key comes back as the key itself: visible, never blank.
    assert.equal(createI18n('th').t('report.nope'), 'report.nope');
  });
});

describe('language and locale', () => {
  it('maps OS locales to a language', () => {
    for (const [locale, lang] of [
      ['th-TH', 'th'],
      ['th_TH.UTF-8', 'th'],
      ['th', 'th'],
      ['en-US', 'en'],
      ['de_DE.UTF-8', 'en'],
      ['thx', 'en'],
      ['', 'en'],
    ] as const)
      assert.equal(languageForLocale(locale), lang, locale);
    assert.equal(systemLanguage({ LANG: 'th_TH.UTF-8' }), 'th');
    assert.equal(systemLanguage({ LC_ALL: 'en_GB.UTF-8', LANG: 'th_TH.UTF-8' }), 'en');
  });

  it('formats numbers and dates by locale (Intl), with one dash for missing values', () => {
    const en = createFormatters('en');
    const th = createFormatters('th');
    assert.equal(en.count(12345), '12,345');
    assert.equal(th.count(12345), '12,345');
    assert.equal(en.micros(14.93), '14.9 µs');
    assert.equal(en.micros(1234), '1.23 ms');
    assert.equal(en.micros(null), '—');
    assert.equal(en.bytes(1104), '1.08 KiB');
    assert.equal(en.points(-0.01), '−1.0');
    assert.equal(en.points(0.004), '+0.4');
    assert.equal(en.times(1.534), '1.53×');
    assert.equal(en.date('2026-11-27T12:00:00Z').includes('2026'), true);
    // The Thai locale writes the Buddhist-era year.
    assert.equal(th.date('2026-11-27T12:00:00Z').includes('2569'), true);
  });
});
