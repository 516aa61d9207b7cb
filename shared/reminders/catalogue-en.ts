import type { ReminderCatalogue } from './catalogue-types';

export const reminderCatalogueEn: ReminderCatalogue = {
  direction: 'ltr',
  confirmation: {
    subject: 'Your appointment at {{clinic}} on {{date}} at {{time}}',
    body: [
      'Dear {{name}},',
      '',
      'Your appointment is booked for {{date}} at {{time}} ({{type}}, {{duration}} minutes).',
      'The calendar invitation attached adds it to your calendar.',
      '',
      'If you cannot come, please call us on {{phone}}.',
    ].join('\n'),
  },
  preCare: {
    subject: 'Tomorrow at {{clinic}}: how to prepare for your treatment',
    body: [
      'Dear {{name}},',
      '',
      'We look forward to seeing you tomorrow, {{date}} at {{time}}.',
      'Before your treatment, please:',
      '{{instructions}}',
      '',
      'Questions, or a medicine you are unsure about? Call us on {{phone}}.',
    ].join('\n'),
    alcohol: 'Avoid alcohol for {{hours}} hours before your appointment.',
    selfMedicatedPainkillers:
      'If you take aspirin or anti-inflammatory painkillers (such as ibuprofen or naproxen) on your own, without a prescription, avoid them for {{days}} days before your treatment; paracetamol is fine.',
    supplements:
      'Avoid supplements that thin the blood (fish oil, vitamin E, ginkgo, garlic, ginseng, turmeric) for {{days}} days before your treatment.',
    prescribed:
      'Do not stop any medicine your doctor prescribed, including a blood thinner; tell us about it at your visit instead.',
  },
  recall: {
    subject: 'Your next session at {{clinic}}',
    body: [
      'Dear {{name}},',
      '',
      'Your next session of your treatment course is due around {{date}}.',
      'Please call us on {{phone}} to book a time that suits you.',
    ].join('\n'),
  },
  sms: {
    confirmation:
      '{{clinic}}: your appointment is on {{date}} at {{time}}. To change it call {{phone}}.',
    preCare:
      '{{clinic}}: see you tomorrow at {{time}}. No alcohol for {{hours}} h before. Do not stop a prescribed medicine.',
    recall: '{{clinic}}: your next session is due around {{date}}. Call {{phone}} to book.',
  },
  calendar: {
    summary: '{{type}} at {{clinic}}',
    description: 'Your appointment at {{clinic}}. To change it call {{phone}}.',
  },
  signature: '{{clinic}}\n{{address}}\n{{phone}}',
};
