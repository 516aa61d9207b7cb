import type { AftercareLanguage } from './aftercare-language';

export const aftercareTr: AftercareLanguage = {
  title: 'Tedavi sonrası bakım',
  sections: [
    {
      id: 'intro',
      title: 'Tedaviniz',
      body: 'Cildinizin iyileşmesine yardımcı olmak ve en iyi sonucu almak için lütfen bu talimatlara uyun.',
    },
    {
      id: 'what-is-normal',
      title: 'Normal olanlar',
      body: '- Enjeksiyon noktalarında birkaç saat süren kızarıklık ve küçük kabarıklıklar.\n- 1–3 gün süren şişlik.\n- 5–7 gün içinde solan morluklar.',
    },
    {
      id: 'when-to-call',
      title: 'Şu durumlarda kliniği arayın',
      body: '- 2. günden sonra yayılan veya artan kızarıklık ya da ağrı\n- iltihap, ateş, yumru veya su toplaması\n- 3 günden uzun süren herhangi bir reaksiyon\nTel. {{clinic.phone}}',
    },
    {
      id: 'emergency',
      title: 'Acil durum',
      body: 'Dudaklarda veya yüzde şişme ya da nefes almada güçlük: hemen acil yardım hattını arayın, ardından kliniğe haber verin.',
    },
  ],
  items: {
    'no-washing': 'Tedavi edilen bölgeyi {{duration}} boyunca yıkamayın.',
    'scalp-washing': 'Saçlı deri: saçınızı ertesi gün yıkayın, daha önce değil.',
    'no-make-up': 'Tedavi edilen bölgeye {{duration}} boyunca makyaj yapmayın.',
    'no-exercise': '{{duration}} boyunca spor veya terleten bir etkinlik yapmayın.',
    'no-sun':
      '{{duration}} boyunca güneş, solaryum ve UV ışığından uzak durun; ardından güneş koruyucu kullanın, morluk geçene kadar buna devam edin.',
    'no-heat': '{{duration}} boyunca sauna, sıcak banyo, havuz ve masajdan kaçının.',
    'no-alcohol': '{{duration}} boyunca alkol almayın.',
    'no-other-treatments':
      '{{duration}} boyunca bölgeye başka bir işlem (peeling, lazer) yaptırmayın.',
    'drink-water': 'Bol su için.',
    'caution-bruising':
      'Muayenenizde not edilen bir ilaç veya durum morarma olasılığını artırıyor: morluklar daha büyük olabilir ve daha geç geçebilir. Soğuk uygulama yapın, morlukları güneşten koruyun ve büyümeye devam eden bir morluk olursa kliniği arayın. Reçeteli ilaçlarınızı doktorunuzun söylediği şekilde kullanmaya devam edin.',
    'caution-alcohol':
      'Tedaviden kısa süre önce alkol aldınız; bu morarma olasılığını artırır: tedaviden sonra {{duration}} boyunca alkol almayın.',
    'caution-cold-sore':
      'Daha önce uçuk geçirdiniz: tedavi edilen bölgenin yakınında karıncalanma hisseder veya kabarcık görürseniz aynı gün kliniği arayın.',
    'caution-keloid':
      'Cildiniz kolayca kabarık iz yapıyor: bir enjeksiyon noktasında kabarık veya kalınlaşmış bir iz fark ederseniz, haftalar sonra bile olsa kliniğe bildirin.',
    'caution-infection':
      'Sizde enfeksiyon riski daha yüksek: bölgeyi temiz tutun, dokunmayın; bölge ısınır, kızarır veya ağrırsa aynı gün kliniği arayın.',
    'caution-isotretinoin':
      'İzotretinoin kullanımından sonra cildiniz daha yavaş iyileşir ve daha kolay yanar: güneşten korunmaya çok dikkat edin ve bölgeye peeling veya lazer yaptırmadan önce kliniğe danışın.',
  },
};
