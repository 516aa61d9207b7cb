import { describe, expect, it } from 'vitest';
import type { CalendarEvent } from '../../../renderer/src/features/appointments/diary-events';
import {
  hourOfBlock,
  showsInView,
  withHourBlocks,
} from '../../../renderer/src/features/appointments/diary-week';

const visit = (id: string, start: string, end: string, title = id): CalendarEvent => ({
  id,
  start,
  end,
  title,
  resourceIds: [`room:${id}`],
  editable: true,
});
const count = (n: number) => `${n} visits`;
const inWeek = (events: CalendarEvent[]) => events.filter((e) => showsInView(e, 'timeGridWeek'));
const inDay = (events: CalendarEvent[]) => events.filter((e) => showsInView(e, 'timeGridDay'));

describe('the week view’s hour blocks', () => {
  it('keeps an hour with visits that fit side by side as they are, in every view', () => {
    const visits = [1, 2, 3, 4].map((i) => visit(`v${i}`, '2026-12-01 09:00', '2026-12-01 09:45'));
    const events = withHourBlocks(visits, count);
    expect(inWeek(events).map((e) => e.id)).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(inDay(events).map((e) => e.id)).toEqual(['v1', 'v2', 'v3', 'v4']);
  });

  it('draws a crowded hour as one block listing every visit in time order, from the first start to the last end', () => {
    const visits = [
      visit('late', '2026-12-01 09:30', '2026-12-01 10:15', 'Zoé'),
      ...[1, 2, 3, 4].map((i) =>
        visit(`v${i}`, '2026-12-01 09:00', '2026-12-01 09:45', `Patient ${5 - i}`),
      ),
      visit('next', '2026-12-01 10:00', '2026-12-01 10:45'),
      visit('other day', '2026-12-02 09:00', '2026-12-02 09:45'),
    ];
    const events = withHourBlocks(visits, count);
    const week = inWeek(events);
    expect(week.map((e) => e.id).sort()).toEqual(['hour:2026-12-01T09', 'next', 'other day']);
    const block = week.find((e) => e.id === 'hour:2026-12-01T09');
    expect(block).toMatchObject({
      start: '2026-12-01 09:00',
      end: '2026-12-01 10:15',
      title: '5 visits',
      editable: false,
    });
    expect(block?.extendedProps?.visits?.map((v) => v.title)).toEqual([
      'Patient 1',
      'Patient 2',
      'Patient 3',
      'Patient 4',
      'Zoé',
    ]);
    // The other views show each visit itself, never the block.
    expect(
      inDay(events)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['late', 'next', 'other day', 'v1', 'v2', 'v3', 'v4'].sort());
  });

  it('every visit is shown exactly once in the week: as itself or as a line of its block', () => {
    const visits = Array.from({ length: 90 }, (_, i) =>
      visit(
        `v${i}`,
        `2026-12-0${1 + (i % 3)} ${String(8 + (i % 5)).padStart(2, '0')}:00`,
        '2026-12-01 23:00',
      ),
    );
    const week = inWeek(withHourBlocks(visits, count));
    // 15 hours of 6 visits each: all blocks.
    expect(week).toHaveLength(15);
    const shown = week.flatMap((e) => e.extendedProps?.visits?.map((v) => v.id) ?? [e.id]);
    expect(shown.sort()).toEqual(visits.map((v) => v.id).sort());
  });

  it('a block names the day and hour it opens', () => {
    expect(hourOfBlock('hour:2026-12-01T09')).toEqual({ day: '2026-12-01', time: '09:00' });
    expect(hourOfBlock('3f2c-appointment-id')).toBeNull();
  });
});
