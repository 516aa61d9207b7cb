import { describe, expect, it } from 'vitest';
import {
  parseDay,
  parseDayTime,
  parseTime,
  typedDay,
  typedDayTime,
} from '../../../renderer/src/lib/locale-input';

describe('dates and times typed in the screens’ language', () => {
  it.each([
    ['en', '09/03/1988', '1988-03-09'],
    ['en', '9/3/1988', '1988-03-09'],
    ['fr', '3/11/1979', '1979-11-03'],
    ['tr', '14.03.1988', '1988-03-14'],
    ['tr', '14.3.1988', '1988-03-14'],
    ['ar', '9/3/1988', '1988-03-09'],
    ['ar', '09/03/1988', '1988-03-09'],
    ['ar', '٩/٣/١٩٨٨', '1988-03-09'],
    ['tr', '1988-03-14', '1988-03-14'],
  ])('%s reads "%s" as %s', (language, typed, day) => {
    expect(parseDay(typed, language)).toBe(day);
  });

  it.each([
    ['en', '31/02/2027'],
    ['tr', '14/03/1988'],
    ['en', '03/14/1988'],
    ['fr', 'demain'],
  ])('%s refuses "%s"', (language, typed) => {
    expect(parseDay(typed, language)).toBeNull();
  });

  it('writes a held day the way it is typed back', () => {
    expect(typedDay('1988-03-09', 'en')).toBe('09/03/1988');
    expect(typedDay('1988-03-09', 'tr')).toBe('09.03.1988');
    expect(typedDay('1988-03-09', 'ar')).toBe('09/03/1988');
  });

  it('reads a time of day on the 24-hour clock, and refuses what is not one', () => {
    expect(['9', '9:30', '09:30', '9.30', '9h30', '930', '٠٩:٣٠'].map(parseTime)).toEqual([
      '09:00',
      '09:30',
      '09:30',
      '09:30',
      '09:30',
      '09:30',
      '09:30',
    ]);
    expect(['24:00', '9:75', 'noon', '9:3'].map(parseTime)).toEqual([null, null, null, null]);
  });

  it('reads a date and time as the language writes it or as ISO', () => {
    expect(parseDayTime('14.03.2024 10:30', 'tr')).toBe('2024-03-14T10:30');
    expect(parseDayTime('2024-03-14T10:30', 'ar')).toBe('2024-03-14T10:30');
    expect(parseDayTime('14/3/2024 10:30', 'ar')).toBe('2024-03-14T10:30');
    expect(parseDayTime('14/03/2024', 'en')).toBeNull();
    expect(typedDayTime('2024-03-14T10:30:00', 'fr')).toBe('14/03/2024 10:30');
  });
});
