import type { ReminderCatalogue } from './catalogue-types';

export const reminderCatalogueTr: ReminderCatalogue = {
  direction: 'ltr',
  confirmation: {
    subject: '{{clinic}} randevunuz: {{date}}, saat {{time}}',
    body: [
      'Sayın {{name}},',
      '',
      'Randevunuz oluşturuldu: {{date}}, saat {{time}} ({{type}}, {{duration}} dakika).',
      'Ekteki takvim daveti randevuyu takviminize ekler.',
      '',
      'Gelemeyecekseniz lütfen {{phone}} numarasından bizi arayın.',
    ].join('\n'),
  },
  preCare: {
    subject: 'Yarın {{clinic}}: tedavinize nasıl hazırlanmalısınız',
    body: [
      'Sayın {{name}},',
      '',
      'Sizi yarın bekliyoruz: {{date}}, saat {{time}}.',
      'Tedavinizden önce lütfen:',
      '{{instructions}}',
      '',
      'Sorunuz mu var ya da bir ilaçtan emin değil misiniz? {{phone}} numarasından bizi arayın.',
    ].join('\n'),
    alcohol: 'Randevunuzdan önceki {{hours}} saat boyunca alkol almayın.',
    selfMedicatedPainkillers:
      'Aspirin veya iltihap giderici ağrı kesicileri (ibuprofen ya da naproksen gibi) reçetesiz, kendi kararınızla kullanıyorsanız tedavinizden önceki {{days}} gün boyunca kullanmayın; parasetamol kullanabilirsiniz.',
    supplements:
      'Kanı sulandıran takviyeleri (balık yağı, E vitamini, ginkgo, sarımsak, ginseng, zerdeçal) tedavinizden önceki {{days}} gün boyunca kullanmayın.',
    prescribed:
      'Doktorunuzun reçete ettiği hiçbir ilacı, kan sulandırıcı olsa bile, bırakmayın; bunun yerine ziyaretinizde bize söyleyin.',
  },
  recall: {
    subject: '{{clinic}}: sonraki seansınız',
    body: [
      'Sayın {{name}},',
      '',
      'Tedavi kürünüzün sonraki seansı yaklaşık {{date}} tarihinde.',
      'Size uygun bir saat için lütfen {{phone}} numarasından bizi arayın.',
    ].join('\n'),
  },
  sms: {
    confirmation:
      '{{clinic}}: randevunuz {{date}}, saat {{time}}. Değiştirmek için {{phone}} numarasını arayın.',
    preCare:
      '{{clinic}}: yarın saat {{time}} görüşmek üzere. Öncesinde {{hours}} saat alkol almayın. Reçeteli ilacınızı bırakmayın.',
    recall:
      '{{clinic}}: sonraki seansınız yaklaşık {{date}}. Randevu için {{phone}} numarasını arayın.',
  },
  calendar: {
    summary: '{{type}} – {{clinic}}',
    description: '{{clinic}} randevunuz. Değiştirmek için {{phone}} numarasını arayın.',
  },
  signature: '{{clinic}}\n{{address}}\n{{phone}}',
};
