import type { ReminderCatalogue } from './catalogue-types';

export const reminderCatalogueFr: ReminderCatalogue = {
  direction: 'ltr',
  confirmation: {
    subject: 'Votre rendez-vous chez {{clinic}} le {{date}} à {{time}}',
    body: [
      'Bonjour {{name}},',
      '',
      'Votre rendez-vous est fixé au {{date}} à {{time}} ({{type}}, {{duration}} minutes).',
      'L’invitation jointe l’ajoute à votre agenda.',
      '',
      'Si vous ne pouvez pas venir, merci de nous appeler au {{phone}}.',
    ].join('\n'),
  },
  preCare: {
    subject: 'Demain chez {{clinic}} : comment préparer votre traitement',
    body: [
      'Bonjour {{name}},',
      '',
      'Nous vous attendons demain, {{date}} à {{time}}.',
      'Avant votre traitement :',
      '{{instructions}}',
      '',
      'Une question, ou un doute sur un médicament ? Appelez-nous au {{phone}}.',
    ].join('\n'),
    alcohol: 'Évitez l’alcool pendant les {{hours}} heures qui précèdent votre rendez-vous.',
    selfMedicatedPainkillers:
      'Si vous prenez de vous-même, sans ordonnance, de l’aspirine ou des anti-inflammatoires (comme l’ibuprofène ou le naproxène), évitez-les pendant les {{days}} jours qui précèdent votre traitement ; le paracétamol ne pose pas de problème.',
    supplements:
      'Évitez les compléments alimentaires qui fluidifient le sang (huile de poisson, vitamine E, ginkgo, ail, ginseng, curcuma) pendant les {{days}} jours qui précèdent votre traitement.',
    prescribed:
      'N’arrêtez aucun médicament prescrit par votre médecin, même un anticoagulant ; parlez-nous-en plutôt lors de votre visite.',
  },
  recall: {
    subject: 'Votre prochaine séance chez {{clinic}}',
    body: [
      'Bonjour {{name}},',
      '',
      'La prochaine séance de votre cure est prévue vers le {{date}}.',
      'Merci de nous appeler au {{phone}} pour convenir d’un horaire.',
    ].join('\n'),
  },
  sms: {
    confirmation:
      '{{clinic}} : votre rendez-vous est le {{date}} à {{time}}. Pour le modifier, appelez le {{phone}}.',
    preCare:
      '{{clinic}} : à demain à {{time}}. Pas d’alcool {{hours}} h avant. N’arrêtez pas un médicament prescrit.',
    recall:
      '{{clinic}} : votre prochaine séance est prévue vers le {{date}}. Appelez le {{phone}} pour réserver.',
  },
  calendar: {
    summary: '{{type}} chez {{clinic}}',
    description: 'Votre rendez-vous chez {{clinic}}. Pour le modifier, appelez le {{phone}}.',
  },
  signature: '{{clinic}}\n{{address}}\n{{phone}}',
};
