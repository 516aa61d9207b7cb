import type { AftercareTemplate } from '../../../../../shared/documents/template-schema';
import { treatmentAreas, type TreatmentArea } from '../../../../../shared/sessions/treatment-terms';

const allBut = (...skip: TreatmentArea[]) => treatmentAreas.filter((a) => !skip.includes(a));

/**
 * The default aftercare sheet. Durations are the defaults of the clinical reference; clinics
 * disagree on them, so they live in the template, where the clinic can change them.
 */
export function defaultAftercareTemplate(): AftercareTemplate {
  return {
    kind: 'aftercare',
    language: 'en',
    version: 1,
    title: 'Aftercare after your treatment',
    sections: [
      {
        id: 'intro',
        title: 'Your treatment',
        body: 'Please follow these instructions to help your skin heal and to get the best result.',
      },
      {
        id: 'what-is-normal',
        title: 'What is normal',
        body: '- Redness and small bumps at the injection points for a few hours.\n- Swelling for 1–3 days.\n- Bruising, fading within 5–7 days.',
      },
      {
        id: 'when-to-call',
        title: 'Call the clinic if you have',
        body: '- redness or pain that spreads or grows after day 2\n- pus, fever, lumps or blistering\n- any reaction lasting more than 3 days\nTel. {{clinic.phone}}',
      },
      {
        id: 'emergency',
        title: 'Emergency',
        body: 'Swelling of the lips or face, or difficulty breathing: call the emergency services at once, then tell the clinic.',
      },
    ],
    items: [
      {
        id: 'no-washing',
        text: 'Do not wash the treated area for {{duration}}.',
        duration: { min: 8, max: 12, unit: 'hours' },
        areas: allBut('scalp'),
      },
      {
        id: 'scalp-washing',
        text: 'Scalp: wash your hair the next day, not before.',
        duration: null,
        areas: ['scalp'],
      },
      {
        id: 'no-make-up',
        text: 'No make-up on the treated area for {{duration}}.',
        duration: { min: 12, max: null, unit: 'hours' },
        areas: ['forehead', 'periorbital', 'cheeks', 'perioral', 'jawline', 'neck', 'decollete'],
      },
      {
        id: 'no-exercise',
        text: 'No exercise or activity that makes you sweat for {{duration}}.',
        duration: { min: 24, max: 48, unit: 'hours' },
      },
      {
        id: 'no-sun',
        text: 'No sun, sunbed or UV for {{duration}}; then use sunscreen, longer while bruised.',
        duration: { min: 48, max: null, unit: 'hours' },
      },
      {
        id: 'no-heat',
        text: 'No sauna, hot bath, swimming pool or massage for {{duration}}.',
        duration: { min: 48, max: 72, unit: 'hours' },
      },
      {
        id: 'no-alcohol',
        text: 'No alcohol for {{duration}}.',
        duration: { min: 24, max: 48, unit: 'hours' },
      },
      {
        id: 'no-other-treatments',
        text: 'No other treatments on the area (peels, laser) for {{duration}}.',
        duration: { min: 2, max: null, unit: 'weeks' },
      },
      {
        id: 'drink-water',
        text: 'Drink plenty of water.',
        duration: null,
      },
      // The patient's own cautions, printed only when the check raised them.
      {
        id: 'caution-bruising',
        text: 'A medicine or condition noted at your check makes bruising more likely: bruises may be larger and take longer to fade. Use a cold pack, keep bruises out of the sun, and call the clinic if a bruise keeps growing. Keep taking prescribed medicines as your doctor advised.',
        duration: null,
        when: 'bleeding-risk',
      },
      {
        id: 'caution-alcohol',
        text: 'You had alcohol shortly before the treatment, which makes bruising more likely: no alcohol for {{duration}} after it.',
        duration: { min: 48, max: null, unit: 'hours' },
        when: 'recent-alcohol',
      },
      {
        id: 'caution-cold-sore',
        text: 'You have had cold sores: if you feel tingling or see a blister near the treated area, call the clinic the same day.',
        duration: null,
        when: 'cold-sore-history',
      },
      {
        id: 'caution-keloid',
        text: 'You scar easily: tell the clinic about any raised or thickened mark at an injection point, even weeks later.',
        duration: null,
        when: 'keloid',
      },
      {
        id: 'caution-infection',
        text: 'Infection is more likely for you: keep the area clean, do not touch it, and call the clinic the same day if it becomes hot, red or painful.',
        duration: null,
        when: 'infection-risk',
      },
      {
        id: 'caution-isotretinoin',
        text: 'After isotretinoin your skin heals more slowly and burns more easily: be strict about sun protection, and ask the clinic before any peel or laser on the area.',
        duration: null,
        when: 'isotretinoin',
      },
    ],
  };
}
