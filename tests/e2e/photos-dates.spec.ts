import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MesochartServices } from '../../electron/services/app';
import { expect, test } from '../support/fixtures';
import { day, exifDate, photoDated } from '../support/dated-photos';
import {
  call,
  expectSignedIn,
  screenshot,
  seedClinic,
  seriousViolations,
  signIn,
} from '../support/flows';

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

const pad = (n: number) => String(n).padStart(2, '0');
const inputDate = (d: Date) =>
  `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-photo-dates-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

async function patient(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const created = (await call(services, 'patients.create', {
    givenName: 'Şebnem',
    familyName: 'Yılmaz',
    dateOfBirth: '1986-04-12',
    sex: 'female',
    phone: '+90 532 123 45 67',
    email: '',
    address: '',
    preferredLanguage: 'tr',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
    consents: ['photos-record', 'photos-other'],
  })) as { id: string };
  await call(services, 'auth.signOut');
  return created;
}

test('a doubtful camera date is asked about at import; the interval and the alignment follow', async ({
  page,
  services,
  host,
}) => {
  test.setTimeout(300_000);
  const { id } = await patient(services);
  await page.goto('/');
  await signIn(page, PRACTITIONER.username, PRACTITIONER.password);
  await expectSignedIn(page, PRACTITIONER.displayName);
  await page.goto(`/#/patients/${id}?tab=photos`);

  // A camera whose clock was never set, one set years ahead, and one that is right.
  host.nextPickedPhotos = [
    photoDated(scratch, 'orientation-8.jpg', 'clock-never-set.jpg', '2009:01:01 10:00:00'),
    photoDated(scratch, 'orientation-4-mirrored.jpg', 'clock-ahead.jpg', '2041:06:01 10:00:00'),
    photoDated(scratch, 'iphone4s-gps.jpg', 'today.jpg', exifDate(day(-1))),
  ];
  await page.getByRole('button', { name: 'Add photos' }).click();
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText(
    '3 photos imported',
    { timeout: 30_000 },
  );
  const panel = page.getByRole('region', { name: '2 photo dates to confirm' });
  await expect(panel).toBeVisible();
  const old = panel.getByRole('group', { name: /Photo the camera dated .*2009/ });
  const ahead = panel.getByRole('group', { name: /Photo the camera dated .*2041/ });
  await expect(old).toContainText('long before this patient’s first visit');
  await expect(ahead).toContainText('That is in the future.');
  await expect(page.getByTestId('photo-card').filter({ hasText: 'Date to confirm' })).toHaveCount(
    2,
  );
  // Away from "Add photos": its hover shade is not what a reader sees at rest.
  await page.mouse.move(0, 0);
  await screenshot(page, 'photos-dates-to-confirm');
  expect(await seriousViolations(page), 'dates to confirm').toEqual([]);

  // Until the dates are confirmed, the comparison gives no interval.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('dialog', { name: 'Compare photos' });
  await expect(compare.getByTestId('compare-interval')).toHaveText(
    'Interval not shown: confirm the date of each photo first',
  );
  await compare.getByRole('button', { name: 'Close comparison' }).click();

  // A future date cannot be kept, nor typed; the message stands next to the field.
  await ahead.getByRole('button', { name: 'The camera date is right' }).click();
  await expect(
    ahead.getByText('The camera date is in the future; enter the real date'),
  ).toBeVisible();
  await ahead.getByLabel('Real date and time').fill('2099-01-01T10:00');
  await ahead.getByRole('button', { name: 'Use this date' }).click();
  await expect(ahead.getByText('The date a photo was taken cannot be in the future')).toBeVisible();
  await screenshot(page, 'photos-dates-refused');
  await ahead.getByLabel('Real date and time').fill(inputDate(day(-15)));
  await ahead.getByRole('button', { name: 'Use this date' }).click();
  await expect(page.getByRole('region', { name: '1 photo date to confirm' })).toBeVisible();

  // The old photo was taken six weeks before the last one, not in 2009.
  const single = page.getByRole('region', { name: '1 photo date to confirm' });
  await single.getByLabel('Real date and time').fill(inputDate(day(-43)));
  await single.getByRole('button', { name: 'Use this date' }).click();
  await expect(single).toBeHidden();
  await expect(page.getByText('Date to confirm')).toHaveCount(0);

  // The interval now comes from the confirmed dates.
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(compare.getByTestId('compare-interval')).toHaveText('6 weeks apart');

  // Overlay: move, scale and rotate the later photo onto the earlier one, and save it.
  await compare.locator('label', { hasText: 'Overlay' }).click();
  const top = compare.getByTestId('overlay-top');
  await compare.getByLabel('Scale (%)').fill('112');
  await compare.getByLabel('Rotate (degrees)').fill('-4');
  await compare.getByLabel('Move right (%)').fill('3');
  // Dragging the stage moves the photo too.
  const stage = await compare.getByTestId('overlay-stage').boundingBox();
  if (!stage) throw new Error('no stage');
  await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2);
  await page.mouse.down();
  await page.mouse.move(stage.x + stage.width / 2, stage.y + stage.height / 2 + stage.height / 10, {
    steps: 5,
  });
  await page.mouse.up();
  await expect(compare.getByLabel('Move down (%)')).toHaveValue('10');
  await expect(top).toHaveAttribute('style', /translate\(3%, 10%\) scale\(1\.12\) rotate\(-4deg\)/);
  await compare.getByRole('button', { name: 'Save alignment' }).click();
  await expect(compare.getByText('Alignment saved')).toBeVisible();
  await page.mouse.move(0, 0);
  await screenshot(page, 'photos-compare-aligned');
  expect(await seriousViolations(page), 'aligned overlay').toEqual([]);

  // Reopened, the same pair comes back aligned.
  await compare.getByRole('button', { name: 'Close comparison' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await compare.locator('label', { hasText: 'Overlay' }).click();
  await expect(compare.getByLabel('Scale (%)')).toHaveValue('112');
  await expect(compare.getByLabel('Rotate (degrees)')).toHaveValue('-4');
  await expect(compare.getByTestId('alignment-saved-by')).toContainText(
    `Saved alignment by ${PRACTITIONER.displayName}`,
  );
  await expect(top).toHaveAttribute('style', /rotate\(-4deg\)/);
  await screenshot(page, 'photos-compare-aligned-reopened');

  // The PDF for the patient prints the interval of the confirmed dates.
  await compare.getByRole('button', { name: 'Save PDF for the patient' }).click();
  await compare.getByRole('button', { name: 'Open PDF' }).click();
  await expect.poll(() => host.opened.length).toBe(1);
  const text = execFileSync('pdftotext', ['-layout', host.opened[0]!, '-'], { encoding: 'utf8' });
  // The interval's label stands above its value in the details box.
  expect(text).toMatch(/INTERVAL *\n[^\n]*\b6 weeks\b/);
});
