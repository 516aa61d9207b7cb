import type { AftercareTemplate } from '../../../../../shared/documents/template-schema';

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
        text: 'Do not wash the treated area for {{duration}}. Scalp: wash your hair the next day.',
        duration: { min: 8, max: 12, unit: 'hours' },
      },
      {
        id: 'no-make-up',
        text: 'No make-up on the treated area for {{duration}}.',
        duration: { min: 12, max: null, unit: 'hours' },
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
    ],
  };
}
