import type { ShippedLanguage } from '../../../../../shared/documents/languages';

/** The recovery sheet's words in one language; lines starting "- " print as bullets. */
export interface RecoveryWording {
  title: string;
  subject: string;
  /** "{clinic} · made {date}" */
  made: string;
  intro: string;
  openHeading: string;
  steps: string[];
  keepHeading: string;
  keep: string[];
  keptBy: string;
}

// The admin command stays in an isolate: inside Arabic its words and dashes keep their order.
const command = '\u2066npm run admin -- recover --data <folder>\u2069';

export const recoveryWordings: Record<ShippedLanguage, RecoveryWording> = {
  en: {
    title: 'Recovery sheet',
    subject: 'Recovery key of the clinic record',
    made: '{clinic} · made {date}',
    intro:
      'The clinic record on this computer is encrypted. Its keys are sealed by this computer ' +
      '(its keychain or the clinic passphrase). If this computer is lost or replaced, or the ' +
      'passphrase is forgotten, this recovery key is the only way to open the clinic’s data folder.',
    openHeading: 'Opening the clinic on another computer',
    steps: [
      'On the new computer, install Mesochart and copy the clinic’s data folder to it (or restore a backup).',
      'Start Mesochart. Where it cannot open the clinic’s keys, or on the setup screen, choose “Open an existing clinic with its recovery key”.',
      'Type the key below. Letters and digits only; case and hyphens do not matter, and a typing mistake is reported by group.',
      `From a terminal an admin can do the same: ${command} (the key is asked for).`,
    ],
    keepHeading: 'Keeping this sheet',
    keep: [
      'Keep it locked away, apart from the computer and from backups: whoever has both can read every record.',
      'Do not photograph it, e-mail it or store it on the computer.',
      'When a new recovery key is made for this clinic, this sheet stops working: destroy it then.',
    ],
    keptBy: 'Kept by: ______________________    Where: ______________________    Date: __________',
  },
  fr: {
    title: 'Fiche de récupération',
    subject: 'Clé de récupération du dossier du cabinet',
    made: '{clinic} · établie le {date}',
    intro:
      'Le dossier du cabinet sur cet ordinateur est chiffré. Ses clés sont scellées par cet ' +
      'ordinateur (son trousseau ou la phrase secrète du cabinet). Si cet ordinateur est perdu ou ' +
      'remplacé, ou si la phrase secrète est oubliée, cette clé de récupération est le seul moyen ' +
      'd’ouvrir le dossier de données du cabinet.',
    openHeading: 'Ouvrir le cabinet sur un autre ordinateur',
    steps: [
      'Sur le nouvel ordinateur, installez Mesochart et copiez-y le dossier de données du cabinet (ou restaurez une sauvegarde).',
      'Lancez Mesochart. Là où il ne peut pas ouvrir les clés du cabinet, ou sur l’écran de première installation, choisissez « Ouvrir un cabinet existant avec sa clé de récupération ».',
      'Saisissez la clé ci-dessous. Lettres et chiffres seulement ; majuscules et tirets sont sans importance, et une faute de frappe est signalée par groupe.',
      `Depuis un terminal, un administrateur peut faire de même : ${command} (la clé est demandée).`,
    ],
    keepHeading: 'Conserver cette fiche',
    keep: [
      'Gardez-la sous clé, à part de l’ordinateur et des sauvegardes : qui détient les deux peut lire tous les dossiers.',
      'Ne la photographiez pas, ne l’envoyez pas par e-mail et ne l’enregistrez pas sur l’ordinateur.',
      'Lorsqu’une nouvelle clé de récupération est créée pour ce cabinet, cette fiche ne sert plus : détruisez-la alors.',
    ],
    keptBy: 'Conservée par : __________________    Où : __________________    Date : __________',
  },
  tr: {
    title: 'Kurtarma sayfası',
    subject: 'Klinik kaydının kurtarma anahtarı',
    made: '{clinic} · {date} tarihinde oluşturuldu',
    intro:
      'Bu bilgisayardaki klinik kaydı şifrelidir. Anahtarları bu bilgisayar tarafından ' +
      '(anahtar zinciri veya klinik parolası ile) mühürlenmiştir. Bu bilgisayar kaybolur veya ' +
      'değiştirilirse ya da parola unutulursa, kliniğin veri klasörünü açmanın tek yolu bu ' +
      'kurtarma anahtarıdır.',
    openHeading: 'Kliniği başka bir bilgisayarda açmak',
    steps: [
      'Yeni bilgisayara Mesochart’ı kurun ve kliniğin veri klasörünü ona kopyalayın (veya bir yedeği geri yükleyin).',
      'Mesochart’ı başlatın. Kliniğin anahtarlarını açamadığı yerde veya kurulum ekranında “Mevcut bir kliniği kurtarma anahtarıyla aç” seçeneğini seçin.',
      'Aşağıdaki anahtarı yazın. Yalnızca harf ve rakam; büyük/küçük harf ve tireler önemli değildir, bir yazım hatası grubuyla bildirilir.',
      `Bir yönetici aynısını terminalden de yapabilir: ${command} (anahtar sorulur).`,
    ],
    keepHeading: 'Bu sayfanın saklanması',
    keep: [
      'Bilgisayardan ve yedeklerden ayrı, kilit altında saklayın: ikisine birden sahip olan her kaydı okuyabilir.',
      'Fotoğrafını çekmeyin, e-postayla göndermeyin, bilgisayarda saklamayın.',
      'Bu klinik için yeni bir kurtarma anahtarı oluşturulduğunda bu sayfa geçersiz olur: o zaman imha edin.',
    ],
    keptBy: 'Saklayan: ______________________    Yer: ______________________    Tarih: __________',
  },
  ar: {
    title: 'ورقة الاسترداد',
    subject: 'مفتاح استرداد سجل العيادة',
    made: '{clinic} · أُعدّت في {date}',
    intro:
      'سجل العيادة على هذا الحاسوب مشفّر. مفاتيحه مختومة بواسطة هذا الحاسوب (سلسلة مفاتيحه أو ' +
      'عبارة مرور العيادة). إذا فُقد هذا الحاسوب أو استُبدل، أو نُسيت عبارة المرور، فإن مفتاح ' +
      'الاسترداد هذا هو الطريقة الوحيدة لفتح مجلد بيانات العيادة.',
    openHeading: 'فتح العيادة على حاسوب آخر',
    steps: [
      'على الحاسوب الجديد، ثبّت Mesochart وانسخ إليه مجلد بيانات العيادة (أو استرجع نسخة احتياطية).',
      'شغّل Mesochart. حيث لا يستطيع فتح مفاتيح العيادة، أو في شاشة الإعداد، اختر «فتح عيادة موجودة بمفتاح الاسترداد».',
      'اكتب المفتاح أدناه. أحرف وأرقام فقط؛ لا يهم حجم الأحرف ولا الشرطات، ويُشار إلى خطأ الكتابة بمجموعته.',
      `يستطيع المدير فعل الشيء نفسه من الطرفية: ${command} (يُطلب المفتاح).`,
    ],
    keepHeading: 'حفظ هذه الورقة',
    keep: [
      'احفظها في مكان مقفل، بعيدًا عن الحاسوب وعن النسخ الاحتياطية: من يملك الاثنين معًا يستطيع قراءة كل السجلات.',
      'لا تصوّرها ولا ترسلها بالبريد الإلكتروني ولا تحفظها على الحاسوب.',
      'عند إنشاء مفتاح استرداد جديد لهذه العيادة تتوقف هذه الورقة عن العمل: أتلفها حينها.',
    ],
    keptBy:
      'يحفظها: ______________________    المكان: ______________________    التاريخ: __________',
  },
};
