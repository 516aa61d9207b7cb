import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import type { Locator } from '@playwright/test';
import type { MesochartServices } from '../../electron/services/app';
import { expect, test, type ScriptedHost } from '../support/fixtures';
import { day, exifDate, photoDated } from '../support/dated-photos';
import { call, expectSignedIn, seedClinic, signIn } from '../support/flows';

const PRACTITIONER = {
  username: 'ines.prac',
  displayName: 'Inès Moreau',
  role: 'practitioner',
  password: 'practitioner pass phrase',
};

let scratch: string;
test.beforeEach(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'mesochart-photo-align-'));
});
test.afterEach(() => rmSync(scratch, { recursive: true, force: true }));

/** A copy of a fixture photo whose camera date is `days` from today. */
const photoOn = (source: string, days: number) =>
  photoDated(scratch, source, `${days}-${source}`, exifDate(day(days)));

async function patient(services: MesochartServices) {
  await seedClinic(services, [PRACTITIONER]);
  await call(services, 'auth.signIn', {
    username: PRACTITIONER.username,
    password: PRACTITIONER.password,
  });
  const created = (await call(services, 'patients.create', {
    givenName: 'Marta',
    familyName: 'Nowak',
    dateOfBirth: '1984-09-03',
    sex: 'female',
    phone: '+48 601 234 567',
    email: '',
    address: '',
    preferredLanguage: '',
    emergencyContactName: '',
    emergencyContactPhone: '',
    referralSource: '',
    consents: ['photos-record', 'photos-other'],
  })) as { id: string };
  await call(services, 'auth.signOut');
  return created;
}

interface Png {
  width: number;
  height: number;
  data: Buffer;
}

/** Exports the comparison through the save dialog and reads the PNG's pixels back. */
async function exportPng(compare: Locator, host: ScriptedHost, name: string): Promise<Png> {
  const target = path.join(scratch, `${name}.png`);
  host.nextSavePath = target;
  await compare.getByRole('button', { name: 'Save as image' }).click();
  // The message of the previous export may still be showing: wait for this file itself.
  await expect.poll(() => existsSync(target), { timeout: 30_000 }).toBe(true);
  await expect(compare.getByText('Comparison image saved')).toBeVisible();
  copyFileSync(target, path.join('test-results/screenshots', `photos-alignment-${name}.png`));
  const { data, info } = await sharp(readFileSync(target))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { width: info.width, height: info.height, data };
}

/** The layout comparisonPng draws: a title bar, two panels of the earlier photo's size. */
function panels(png: Png) {
  const pad = 24;
  const gap = 24;
  const top = 56;
  const height = png.height - 56 - 60 - 24;
  const width = (png.width - 2 * pad - gap) / 2;
  return { left: { x: pad, y: top }, right: { x: pad + width + gap, y: top }, width, height };
}

const pixel = (png: Png, x: number, y: number) => {
  const i = (Math.round(y) * png.width + Math.round(x)) * 3;
  return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
};

/**
 * Mean absolute difference per channel between `a` at each sample point and `b` at the point
 * mapped by `to`, over a grid inside the right panel.
 */
function difference(a: Png, b: Png, to: (x: number, y: number) => [number, number]): number {
  const p = panels(a);
  let sum = 0;
  let n = 0;
  for (let gy = 0.3; gy <= 0.7; gy += 0.05) {
    for (let gx = 0.3; gx <= 0.6; gx += 0.05) {
      const x = p.right.x + gx * p.width;
      const y = p.right.y + gy * p.height;
      const [mx, my] = to(x, y);
      const pa = pixel(a, x, y);
      const pb = pixel(b, mx, my);
      sum += Math.abs(pa[0]! - pb[0]!) + Math.abs(pa[1]! - pb[1]!) + Math.abs(pa[2]! - pb[2]!);
      n += 3;
    }
  }
  return sum / n;
}

test('the saved alignment moves, scales and rotates the later photo in the exported image as on screen', async ({
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
  host.nextPickedPhotos = [photoOn('sony-a6000-24mp.jpg', -40), photoOn('orientation-8.jpg', -1)];
  await page.getByRole('button', { name: 'Add photos' }).click();
  await expect(page.getByRole('region', { name: 'Import summary' })).toContainText(
    '2 photos imported',
    { timeout: 60_000 },
  );
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const compare = page.getByRole('dialog', { name: 'Compare photos' });
  await compare.locator('label', { hasText: 'Overlay' }).click();
  const save = async () => {
    await compare.getByRole('button', { name: 'Save alignment' }).click();
    await expect(compare.getByText('Alignment saved')).toBeVisible();
  };

  // The pair as it is (the identity saved), then moved right by 10% of the box, then scaled.
  await save();
  const plain = await exportPng(compare, host, 'identity');
  await compare.getByLabel('Move right (%)').fill('10');
  await save();
  const moved = await exportPng(compare, host, 'moved');
  await compare.getByLabel('Move right (%)').fill('0');
  await compare.getByLabel('Scale (%)').fill('150');
  await compare.getByLabel('Rotate (degrees)').fill('90');
  await save();
  const turned = await exportPng(compare, host, 'scaled-rotated');

  expect([moved.width, moved.height]).toEqual([plain.width, plain.height]);
  const p = panels(plain);
  // The earlier photo is untouched.
  const leftSame = [0.3, 0.5, 0.7].every((f) => {
    const x = p.left.x + f * p.width;
    const y = p.left.y + f * p.height;
    return pixel(plain, x, y).join() === pixel(moved, x, y).join();
  });
  expect(leftSame).toBe(true);
  // Moved: what was at x is now at x + 10% of the box.
  const shift = 0.1 * p.width;
  const movedOff = difference(plain, moved, (x, y) => [x + shift, y]);
  const notMoved = difference(plain, moved, (x, y) => [x, y]);
  expect(movedOff).toBeLessThan(6);
  expect(notMoved).toBeGreaterThan(movedOff * 2);
  // Scaled 150% and turned 90° clockwise about the box's centre.
  const cx = p.right.x + p.width / 2;
  const cy = p.right.y + p.height / 2;
  const turnedOff = difference(plain, turned, (x, y) => [cx - 1.5 * (y - cy), cy + 1.5 * (x - cx)]);
  expect(turnedOff).toBeLessThan(10);
  expect(difference(plain, turned, (x, y) => [x, y])).toBeGreaterThan(turnedOff * 2);
});
