import type { TestApp } from '../../support/helpers';
import { ADMIN } from '../../support/helpers';
import { answers } from '../patients/fixtures';
import { addDaysTo, signInAs, today } from '../sessions/fixtures';
import type { HistoryAnswers } from '../../../shared/api/history';
import type { Product } from '../../../shared/api/products';
import type { DayOfAnswers } from '../../../shared/screening';

export { addDaysTo, today };

/** Every day-of question answered, nothing to report. */
export function calmDay(patch: Partial<DayOfAnswers> = {}): DayOfAnswers {
  return {
    lastDoses: [],
    hoursSinceAlcohol: 'not-recently',
    pregnantNow: 'no',
    breastfeedingNow: false,
    skinAtSite: 'normal',
    feverOrIllness: false,
    newMedicines: [],
    vaccination: { answer: 'no' },
    antibiotics: { answer: 'no' },
    surgerySinceIntake: [],
    recentAreaProcedures: [],
    ...patch,
  };
}

export async function submitHistory(
  app: TestApp,
  patientId: string,
  patch: (a: HistoryAnswers) => void,
) {
  await app.ok('history.submit', { patientId, answers: answers(patch), takenBy: 'staff' });
}

/** An anaesthetic-containing product, added by the admin; the practitioner is signed in again. */
export async function addLidocaineProduct(app: TestApp, practitioner: { u: string; p: string }) {
  await signInAs(app, ADMIN.username, ADMIN.password);
  const product = await app.ok<Product>('products.create', {
    name: 'Dermaheal SB with lidocaine',
    manufacturer: 'Caregen',
    category: 'peptides',
    ingredients: ['sodium hyaluronate', 'lidocaine hydrochloride 0.3%', 'peptides'],
    allergens: ['localAnaesthetics'],
    defaultVolumeMl: 2,
  });
  await signInAs(app, practitioner.u, practitioner.p);
  return product;
}
