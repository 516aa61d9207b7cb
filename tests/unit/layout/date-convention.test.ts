import { afterAll, describe, expect, it } from 'vitest';
// The screens' own i18next set-up: test files share their worker's modules, so a bare
// i18n.init here (with no catalogue) would leave later files' screens without their words.
import i18n from '../../../renderer/src/i18n/index';
import { formatDay, formatInstant, formatWith } from '../../../renderer/src/lib/dates';
import { typedDay } from '../../../renderer/src/lib/locale-input';

// A date field and the list beside it must write one day the same way: an Arabic field showed
// 14/3/2027 while Arabic lists showed the marked 14‏/03‏/2027, drawn year first.
describe('one date convention per language, in the fields and on the screens', () => {
  afterAll(async () => {
    await i18n.changeLanguage('en');
  });

  it.each([
    ['fr', '14/03/2027'],
    ['tr', '14.03.2027'],
    ['ar', '14/03/2027'],
  ])(
    '%s writes 14 March 2027 as %s both in a date field and in a numeric display',
    async (language, shown) => {
      await i18n.changeLanguage(language);
      expect(typedDay('2027-03-14', language)).toBe(shown);
      const numeric = formatWith(new Date(2027, 2, 14), {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      });
      expect(numeric).toBe(shown);
    },
  );

  it('Arabic displays carry no direction marks, so they read in the fields’ order', async () => {
    await i18n.changeLanguage('ar');
    const day = formatDay('2027-03-14');
    expect(day).toBe('14/03/2027');
    expect(day).toBe(typedDay('2027-03-14', 'ar'));
    const instant = formatInstant(new Date(2027, 2, 14, 9, 30).toISOString());
    expect(instant).not.toMatch(/[\u200E\u200F\u061C]/);
    expect(instant.startsWith('14/03/2027')).toBe(true);
  });
});
