import type { ReminderCatalogue } from './catalogue-types';

/**
 * Arabic counts agree with their number ("7 أيام", "14 يومًا"), so the periods come ready-made
 * as {{hoursText}} and {{daysText}}; the phone number sits in an isolate (U+2066…U+2069) so
 * its groups keep their order inside Arabic text.
 */
export const reminderCatalogueAr: ReminderCatalogue = {
  direction: 'rtl',
  confirmation: {
    subject: 'موعدك في {{clinic}} يوم {{date}} الساعة {{time}}',
    body: [
      'عزيزنا/عزيزتنا {{name}}،',
      '',
      'تم حجز موعدك يوم {{date}} الساعة {{time}} ({{type}}، المدة بالدقائق: {{duration}}).',
      'دعوة التقويم المرفقة تضيف الموعد إلى تقويمك.',
      '',
      'إذا تعذّر عليك الحضور، يُرجى الاتصال بنا على \u2066{{phone}}\u2069.',
    ].join('\n'),
  },
  preCare: {
    subject: 'غدًا في {{clinic}}: كيف تستعد لعلاجك',
    body: [
      'عزيزنا/عزيزتنا {{name}}،',
      '',
      'نتطلع إلى رؤيتك غدًا، {{date}} الساعة {{time}}.',
      'قبل العلاج، يُرجى:',
      '{{instructions}}',
      '',
      'هل لديك سؤال، أو لست متأكدًا من دواء ما؟ اتصل بنا على \u2066{{phone}}\u2069.',
    ].join('\n'),
    alcohol: 'تجنب الكحول لمدة {{hoursText}} قبل موعدك.',
    selfMedicatedPainkillers:
      'إذا كنت تتناول الأسبرين أو المسكنات المضادة للالتهاب (مثل الإيبوبروفين أو النابروكسين) من تلقاء نفسك دون وصفة طبية، فتجنبها لمدة {{daysText}} قبل العلاج؛ أما الباراسيتامول فلا بأس به.',
    supplements:
      'تجنب المكملات التي تسيّل الدم (زيت السمك، وفيتامين E، والجنكة، والثوم، والجينسنغ، والكركم) لمدة {{daysText}} قبل العلاج.',
    prescribed: 'لا توقف أي دواء وصفه لك طبيبك، حتى لو كان مسيّلًا للدم؛ بل أخبرنا عنه في زيارتك.',
  },
  recall: {
    subject: 'جلستك القادمة في {{clinic}}',
    body: [
      'عزيزنا/عزيزتنا {{name}}،',
      '',
      'موعد الجلسة القادمة من برنامجك العلاجي في حدود {{date}}.',
      'يُرجى الاتصال بنا على \u2066{{phone}}\u2069 لحجز الوقت المناسب لك.',
    ].join('\n'),
  },
  sms: {
    confirmation:
      '{{clinic}}: موعدك يوم {{date}} الساعة {{time}}. لتغييره اتصل على \u2066{{phone}}\u2069.',
    preCare:
      '{{clinic}}: نراك غدًا الساعة {{time}}. لا كحول لمدة {{hoursText}} قبل الموعد. لا توقف أي دواء موصوف لك.',
    recall: '{{clinic}}: جلستك القادمة في حدود {{date}}. اتصل على \u2066{{phone}}\u2069 للحجز.',
  },
  calendar: {
    summary: '{{type}} في {{clinic}}',
    description: 'موعدك في {{clinic}}. لتغييره اتصل على \u2066{{phone}}\u2069.',
  },
  signature: '{{clinic}}\n{{address}}\n\u2066{{phone}}\u2069',
};
