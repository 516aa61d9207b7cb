import type { ConsentLanguage } from './consent-language';

export const consentTr: ConsentLanguage = {
  title: 'Tedavi için aydınlatılmış onam: {procedure}',
  specifics: {
    'skin-rejuvenation': {
      purpose:
        'Yüz, boyun, dekolte veya el cildinin üst katmanlarına ince iğnelerle ya da bir enjektörle az miktarda ürün uygulanır. Amaç cildin nemini, sıkılığını, dokusunu ve parlaklığını artırmak ve ince çizgileri yumuşatmaktır.',
      benefits:
        'Daha nemli, daha pürüzsüz ve daha parlak görünen bir cilt ve yumuşamış ince çizgiler; etki genellikle seanslar ilerledikçe artar.',
      extraSideEffects: 'Enjeksiyon noktalarında bir iki gün süren küçük nokta şeklinde izler.',
      alternatives:
        'Cilt bakım ürünleri ve güneşten korunma, kimyasal peeling, mikroiğneleme, lazer veya ışık tedavileri, cilt güçlendiriciler (skin booster) veya dolgular; ya da tedavi olmamak.',
    },
    'hair-loss': {
      purpose:
        'Saçların seyreldiği bölgede saçlı deriye az miktarda ürün enjekte edilir. Amaç saç köklerini desteklemek, dökülmeyi yavaşlatmak ve daha gür saç çıkmasına yardımcı olmaktır.',
      benefits:
        'Tedavi edilen bölgede daha az dökülme ve daha yoğun, daha güçlü saçlar; genellikle birkaç seanstan sonra fark edilir.',
      extraSideEffects:
        'Uygulama günü saçlı deride hassasiyet ve hafif baş ağrısı; düzelmeden önce dökülmede geçici bir artış olabilir.',
      alternatives:
        'Topikal minoksidil, reçeteli ilaçlar, düşük yoğunluklu lazer tedavisi, PRP, saç ekimi; ya da tedavi olmamak.',
    },
    'cellulite-body-contouring': {
      purpose:
        'Uyluk, kalça, karın veya kol gibi bölgelerde deri altındaki yağ tabakasına ürün enjekte edilir. Amaç selülit görünümünü, cilt sıkılığını ve vücut hatlarını iyileştirmektir.',
      benefits:
        'Tedavi edilen bölgelerde daha pürüzsüz görünen, daha az portakal kabuğu görünümlü bir cilt ve daha sıkı hatlar. Beslenme, egzersiz ve kilo değişiklikleri sonucu büyük ölçüde etkiler.',
      extraSideEffects: 'Bölgede birkaç gün hassasiyet ve ağırlık hissi.',
      alternatives:
        'Egzersiz ve kilo kontrolü, masaj veya lenf drenajı, radyofrekans, şok dalga veya diğer cihaz tedavileri; ya da tedavi olmamak.',
    },
    'localised-fat-reduction': {
      purpose:
        'Yağ hücrelerini parçalayan bir ürün, küçük ve sınırları belirgin bir yağ birikimine (örneğin gıdı, karın veya bel yanları) enjekte edilir. Amaç bu bölgesel yağ birikimini azaltmaktır. Bu bir zayıflama tedavisi değildir.',
      benefits:
        'Her seanstan sonraki haftalar içinde tedavi edilen yağ birikiminde kademeli bir azalma.',
      extraSideEffects:
        'Bölgede birkaç gün belirgin şişlik, sıcaklık, yanma, uyuşukluk ve sertlik beklenir; çene altında nadiren geçici yutma güçlüğü veya gülümsemede asimetri (sinir tahrişi) görülebilir.',
      alternatives:
        'Beslenme ve egzersiz, kriyolipoliz, radyofrekans veya ultrason cihazları, liposuction; ya da tedavi olmamak.',
    },
    pigmentation: {
      purpose:
        'Düzensiz pigmentasyonu olan bölgelerin (koyu lekeler, melazma) cildine az miktarda ürün uygulanır. Amaç cilt tonunu eşitlemek ve lekeli bölgeleri açmaktır.',
      benefits:
        'Tedavi edilen bölgelerde daha açık ve daha eşit bir cilt tonu. Lekeler, özellikle güneşe maruz kalma veya hormonal değişikliklerle yeniden ortaya çıkabilir.',
      extraSideEffects:
        'Lekeler, özellikle koyu cilt tiplerinde, açılmadan önce geçici olarak koyulaşabilir.',
      alternatives:
        'Sıkı güneş koruması, topikal leke açıcı ürünler, kimyasal peeling, lazer veya ışık tedavileri; ya da tedavi olmamak.',
    },
    prp: {
      purpose:
        'Kendi kanınızdan küçük bir örnek alınır ve trombositleri yoğunlaştırmak için santrifüj edilir. Elde edilen trombositten zengin plazma daha sonra cilde veya saçlı deriye enjekte edilir. Amaç, kendi büyüme faktörlerinizle dokunun onarımını ve yenilenmesini uyarmaktır.',
      benefits:
        'Kürden sonraki haftalar ve aylar içinde giderek gelişen daha iyi cilt kalitesi veya saç yoğunluğu.',
      extraSideEffects:
        'Kan alınan yerde morarma, hassasiyet veya nadiren bayılma. Ürün kendi kanınızdan elde edildiği için ona alerji çok olası değildir, ancak eklenen bir uyuşturucu ilaç (anestezik) yine de reaksiyona yol açabilir.',
      alternatives:
        'Başka ürünlerle mezoterapi, mikroiğneleme, topikal tedaviler, saç dökülmesi için ilaçlar, lazer tedavileri; ya da tedavi olmamak.',
    },
  },
  sections: (specifics) => [
    {
      id: 'procedure',
      title: 'İşlem ve amacı',
      body: `{{procedure.name}}. ${specifics.purpose}`,
    },
    {
      id: 'products',
      title: 'Ürünler ve içerikleri',
      body: 'Kullanılacak ürünler: {{products}}. Bu içeriklerden herhangi birine daha önce tepki gösterdiyseniz lütfen bize söyleyin.',
    },
    {
      id: 'sessions',
      title: 'Seans sayısı ve aralığı',
      body: 'Planlanan kür, yaklaşık {{sessions.intervalDays}} gün arayla {{sessions.planned}} seanstır. Sonrasında idame seansları önerilebilir.',
    },
    {
      id: 'benefits',
      title: 'Beklenen faydalar',
      body: `${specifics.benefits} Sonuçlar kişiden kişiye değişir ve garanti edilmez; planlanandan fazla seans gerekebilir ve bazı kişilerde çok az değişiklik olur ya da hiç olmaz.`,
    },
    {
      id: 'common-side-effects',
      title: 'Sık görülen yan etkiler',
      body: `Sık görülen, genellikle hafif ve geçici etkiler: enjeksiyonlar sırasında ağrı veya rahatsızlık, enjeksiyon noktalarında kızarıklık, şişlik, morarma ve küçük kabarıklıklar.${specifics.extraSideEffects ? ` ${specifics.extraSideEffects}` : ''}`,
    },
    {
      id: 'rare-side-effects',
      title: 'Nadir yan etkiler',
      body: 'Nadir ama mümkün olanlar: enfeksiyon, alerjik reaksiyon, deri altında şişlik veya nodül, ciltte renk değişikliği ve nekroz (kan akışı etkilenirse ciltte doku hasarı). Bunlar tedavi gerektirebilir ve çok nadiren kalıcı iz bırakabilir.',
    },
    {
      id: 'alternatives',
      title: 'Alternatifler',
      body: `${specifics.alternatives} Tedavi olmamak her zaman bir seçenektir.`,
    },
    {
      id: 'medical-history',
      title: 'Tıbbi geçmiş',
      body: 'Kullandığım ilaçlar, takviyeler, alerjilerim ve önceki tedavilerim dahil verdiğim tıbbi bilgilerin bildiğim kadarıyla doğru ve eksiksiz olduğunu onaylıyorum; herhangi bir değişikliği kliniğe bildireceğim.',
    },
    {
      id: 'pre-treatment',
      title: 'Tedavi öncesi talimatlar',
      body: 'Tedavi öncesi talimatları aldığımı ve bunlara uyduğumu ya da uymadığım durumları (örneğin kanı sulandıran ilaç veya takviyeler, son 24–48 saatte alkol, hastalık, gebelik veya emzirme) uygulayan hekime bildirdiğimi onaylıyorum.',
    },
    {
      id: 'photographs-record',
      title: 'Tıbbi kayıt için fotoğraflar',
      body: 'Tedavi edilen bölgenin fotoğrafları, tıbbi kaydım için ve sonucu değerlendirmek amacıyla tedaviden önce ve sonra çekilir. Bu fotoğraflar gizli tutulur ve kaydımla birlikte saklanır.',
    },
    {
      id: 'photographs-other-use',
      title: 'Fotoğrafların başka amaçlarla kullanımı',
      body: 'Bundan ayrı olarak, fotoğraflarımın adım belirtilmeden eğitim veya yayın amacıyla kullanılmasına izin verebilirim. Bu isteğe bağlıdır ve tedavimi etkilemez.',
      choice: true,
    },
    {
      id: 'costs',
      title: 'Ücretler',
      body: 'Her seansın ve kürün ücreti bana açıklandı. Ek seanslar, idame seansları veya komplikasyonların tedavisi ayrıca ücretlendirilebilir.',
    },
    {
      id: 'patient-rights',
      title: 'Haklarınız',
      body: 'Karar vermeden önce istediğiniz her soruyu sorabilir ve düşünmek için ihtiyacınız kadar zaman ayırabilirsiniz. Onamınızı, seanslar arasında da dahil olmak üzere, herhangi bir zamanda gerekçe göstermeden geri çekebilirsiniz.',
    },
    {
      id: 'declaration',
      title: 'Beyan',
      body: 'Ben, {{patient.fullName}}, bu formu okuyup anladığımı, sorularımın yanıtlandığını ve yukarıda açıklanan tedavinin ({{procedure.name}}) {{clinic.name}} bünyesinde {{practitioner.fullName}} tarafından uygulanmasını kabul ettiğimi beyan ederim.',
    },
  ],
};
