import { describe, expect, it } from 'vitest';
import {
  addMonths,
  daysBetween,
  endOfLocalDay,
  endOfPeriod,
  isLocalDate,
  localDateOf,
  startOfLocalDay,
} from './calendar.js';

describe('months per Regulation 1182/71 Art. 3(2)(c)', () => {
  it('ends on the same date in the last month', () => {
    expect(addMonths('2016-03-15', 3)).toBe('2016-06-15');
    expect(addMonths('2015-11-10', 3)).toBe('2016-02-10');
  });

  it("ends on the month's last day when the month has no such date", () => {
    expect(addMonths('2015-01-31', 1)).toBe('2015-02-28');
    expect(addMonths('2016-01-31', 1)).toBe('2016-02-29');
    expect(addMonths('2015-11-30', 3)).toBe('2016-02-29');
    expect(addMonths('2016-08-31', 6)).toBe('2017-02-28');
    expect(addMonths('2016-03-31', 1)).toBe('2016-04-30');
  });

  it('crosses years both ways', () => {
    expect(addMonths('2015-12-31', 2)).toBe('2016-02-29');
    expect(addMonths('2016-11-30', 18)).toBe('2018-05-30');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
  });
});

describe('weeks and days', () => {
  it('ends on the same weekday, the event day not counted', () => {
    // Monday 1 February 2016 + 3 weeks = Monday 22 February 2016.
    expect(endOfPeriod('2016-02-01', { weeks: 3 })).toBe('2016-02-22');
    expect(new Date('2016-02-22T12:00:00Z').getUTCDay()).toBe(1);
    expect(endOfPeriod('2016-02-22', { weeks: 2 })).toBe('2016-03-07');
    expect(endOfPeriod('2016-02-28', { days: 2 })).toBe('2016-03-01');
  });

  it('counts calendar days between dates across a leap day', () => {
    expect(daysBetween('2016-02-28', '2016-03-01')).toBe(2);
    expect(daysBetween('2015-02-28', '2015-03-01')).toBe(1);
    expect(daysBetween('2016-03-01', '2016-02-28')).toBe(-2);
  });
});

describe('Paris local days', () => {
  it('gives the Paris date, not the UTC date, around midnight in winter (UTC+1)', () => {
    expect(localDateOf(new Date('2016-02-29T22:59:59Z'))).toBe('2016-02-29');
    expect(localDateOf(new Date('2016-02-29T23:00:00Z'))).toBe('2016-03-01');
  });

  it('gives the Paris date around midnight in summer (UTC+2)', () => {
    expect(localDateOf(new Date('2016-06-30T21:59:59Z'))).toBe('2016-06-30');
    expect(localDateOf(new Date('2016-06-30T22:00:00Z'))).toBe('2016-07-01');
  });

  it('starts and ends days at Paris midnight, across the clock changes', () => {
    expect(startOfLocalDay('2016-03-27').toISOString()).toBe('2016-03-26T23:00:00.000Z');
    // 27 March 2016 had 23 hours: summer time began at 02:00.
    expect(endOfLocalDay('2016-03-27').toISOString()).toBe('2016-03-27T22:00:00.000Z');
    expect(endOfLocalDay('2016-10-30').toISOString()).toBe('2016-10-30T23:00:00.000Z');
  });

  it('accepts only real calendar dates', () => {
    expect(isLocalDate('2016-02-29')).toBe(true);
    expect(isLocalDate('2015-02-29')).toBe(false);
    expect(isLocalDate('2016-13-01')).toBe(false);
    expect(isLocalDate('16-02-01')).toBe(false);
  });
});
