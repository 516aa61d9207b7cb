import type { AftercareLanguage } from './aftercare-language';

export const aftercareEn: AftercareLanguage = {
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
  items: {
    'no-washing': 'Do not wash the treated area for {{duration}}.',
    'scalp-washing': 'Scalp: wash your hair the next day, not before.',
    'no-make-up': 'No make-up on the treated area for {{duration}}.',
    'no-exercise': 'No exercise or activity that makes you sweat for {{duration}}.',
    'no-sun': 'No sun, sunbed or UV for {{duration}}; then use sunscreen, longer while bruised.',
    'no-heat': 'No sauna, hot bath, swimming pool or massage for {{duration}}.',
    'no-alcohol': 'No alcohol for {{duration}}.',
    'no-other-treatments': 'No other treatments on the area (peels, laser) for {{duration}}.',
    'drink-water': 'Drink plenty of water.',
    'caution-bruising':
      'A medicine or condition noted at your check makes bruising more likely: bruises may be larger and take longer to fade. Use a cold pack, keep bruises out of the sun, and call the clinic if a bruise keeps growing. Keep taking prescribed medicines as your doctor advised.',
    'caution-alcohol':
      'You had alcohol shortly before the treatment, which makes bruising more likely: no alcohol for {{duration}} after it.',
    'caution-cold-sore':
      'You have had cold sores: if you feel tingling or see a blister near the treated area, call the clinic the same day.',
    'caution-keloid':
      'You scar easily: tell the clinic about any raised or thickened mark at an injection point, even weeks later.',
    'caution-infection':
      'Infection is more likely for you: keep the area clean, do not touch it, and call the clinic the same day if it becomes hot, red or painful.',
    'caution-isotretinoin':
      'After isotretinoin your skin heals more slowly and burns more easily: be strict about sun protection, and ask the clinic before any peel or laser on the area.',
  },
};
