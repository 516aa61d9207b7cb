import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../../electron/services/core/changes';
import { MONDAY, book, booked, startDiary, type Diary } from './fixtures';

let d: Diary;
beforeEach(async () => {
  d = await startDiary();
}, 60_000);
afterEach(async () => {
  await d.app.close();
});

describe('the change feed', () => {
  it('announces each committed write with its domain and patient, and nothing for reads or refusals', async () => {
    const heard: Change[] = [];
    const stop = d.app.services.state.changes.subscribe((c) => heard.push(c));
    const a = await booked(d);
    await d.app.ok('appointments.move', { id: a.id, startsAt: `${MONDAY}T11:00` });
    await d.app.ok('appointments.list', { from: MONDAY, to: MONDAY });
    // A double booking is refused: nothing committed, nothing announced.
    expect((await book(d, { patientId: d.bruno, startsAt: `${MONDAY}T11:00` })).ok).toBe(false);
    expect(heard).toEqual([
      { domains: ['appointments'], patientIds: [d.anna] },
      { domains: ['appointments'], patientIds: [d.anna] },
    ]);
    stop();
    await d.app.ok('appointments.setStatus', { id: a.id, status: 'arrived' });
    expect(heard).toHaveLength(2);
  });
});
