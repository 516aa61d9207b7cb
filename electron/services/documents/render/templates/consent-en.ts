import type { ConsentLanguage } from './consent-language';
import { consentSpecifics } from './consent-specifics';

export const consentEn: ConsentLanguage = {
  title: 'Consent to treatment: {procedure}',
  specifics: consentSpecifics,
  sections: (specifics) => [
    {
      id: 'procedure',
      title: 'The procedure and its purpose',
      body: `{{procedure.name}}. ${specifics.purpose}`,
    },
    {
      id: 'products',
      title: 'Products and ingredients',
      body: 'The following products will be used: {{products}}. Please tell us if you have ever reacted to any of these ingredients.',
    },
    {
      id: 'sessions',
      title: 'Number and spacing of sessions',
      body: 'The planned course is {{sessions.planned}} sessions, about {{sessions.intervalDays}} days apart. Maintenance sessions may be suggested afterwards.',
    },
    {
      id: 'benefits',
      title: 'Expected benefits',
      body: `${specifics.benefits} Results vary from person to person and are not guaranteed; more sessions than planned may be needed, and some people see little or no change.`,
    },
    {
      id: 'common-side-effects',
      title: 'Common side effects',
      body: `Common, usually mild and temporary: pain or discomfort during the injections, redness, swelling, bruising and small bumps at the injection points.${specifics.extraSideEffects ? ` ${specifics.extraSideEffects}` : ''}`,
    },
    {
      id: 'rare-side-effects',
      title: 'Rare side effects',
      body: 'Rare but possible: infection, allergic reaction, lumps or nodules under the skin, changes in skin colour (discoloration), and necrosis (damage to the skin if blood supply is affected). These may need treatment and, very rarely, leave a permanent mark.',
    },
    {
      id: 'alternatives',
      title: 'Alternatives',
      body: `${specifics.alternatives} Not having the treatment is always an option.`,
    },
    {
      id: 'medical-history',
      title: 'Medical history',
      body: 'I confirm that the medical history I have given, including medicines, supplements, allergies and previous treatments, is true and complete to the best of my knowledge, and I will tell the clinic about any change.',
    },
    {
      id: 'pre-treatment',
      title: 'Pre-treatment instructions',
      body: 'I confirm that I received the pre-treatment instructions and followed them, or told the practitioner where I did not (for example blood-thinning medicines or supplements, alcohol in the last 24–48 hours, illness, pregnancy or breastfeeding).',
    },
    {
      id: 'photographs-record',
      title: 'Photographs for the medical record',
      body: 'Photographs of the treated area are taken before and after treatment for my medical record and to assess the result. They are kept confidential with my record.',
    },
    {
      id: 'photographs-other-use',
      title: 'Photographs for any other use',
      body: 'Separately, I may allow my photographs to be used, without my name, for teaching or publication. This is optional and does not affect my treatment.',
      choice: true,
    },
    {
      id: 'costs',
      title: 'Costs',
      body: 'The cost of each session and of the course has been explained to me. Further sessions, maintenance or the treatment of complications may be charged separately.',
    },
    {
      id: 'patient-rights',
      title: 'Your rights',
      body: 'You may ask any questions before you decide, and take as much time as you need to think about it. You may withdraw your consent at any time, also between sessions, without giving a reason.',
    },
    {
      id: 'declaration',
      title: 'Declaration',
      body: 'I, {{patient.fullName}}, have read and understood this form, my questions have been answered, and I consent to the treatment described above ({{procedure.name}}) with {{practitioner.fullName}} at {{clinic.name}}.',
    },
  ],
};
