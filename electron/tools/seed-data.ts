/** Name pools and clinical snippets for synthetic patients: several countries and scripts. */
export const peoples: { given: string[]; family: string[]; phone: string; language: string }[] = [
  {
    given: [
      'Şebnem',
      'Ayşe',
      'Elif',
      'Gülşen',
      'Zeynep',
      'Özge',
      'Mehmet',
      'Çağla',
      'Işıl',
      'Burak',
    ],
    family: ['Yılmaz', 'Kaya', 'Demir', 'Şahin', 'Çelik', 'Öztürk', 'Aydın', 'Doğan', 'Kılıç'],
    phone: '+90 5##',
    language: 'tr',
  },
  {
    given: ['Zoë', 'Chloé', 'Élodie', 'Hélène', 'Maëlle', 'Léa', 'Inès', 'Benoît', 'Françoise'],
    family: ['Dubois', 'Lefèvre', 'Girard', 'Moreau', 'Bérard', 'Fontaine', 'Rousseau', 'Lemaître'],
    phone: '+33 6',
    language: 'fr',
  },
  {
    given: ['Åsa', 'Björn', 'Märta', 'Linnéa', 'Sofie', 'Ingrid', 'Astrid', 'Jönsi'],
    family: ['Ångström', 'Lindqvist', 'Söderberg', 'Åkesson', 'Nyström', 'Bergström', 'Öberg'],
    phone: '+46 70',
    language: '',
  },
  {
    given: ['Дарья', 'Анна', 'Ольга', 'Екатерина', 'Наталья', 'Ирина', 'Алексей', 'Юлия'],
    family: ['Иванова', 'Смирнова', 'Кузнецова', 'Попова', 'Соколова', 'Лебедева', 'Волкова'],
    phone: '+7 9##',
    language: '',
  },
  {
    given: ['Νίκος', 'Μαρία', 'Ελένη', 'Κατερίνα', 'Γιώργος', 'Σοφία', 'Δήμητρα'],
    family: ['Παπαδόπουλος', 'Νικολάου', 'Γεωργίου', 'Οικονόμου', 'Καραγιάννη', 'Βλάχου'],
    phone: '+30 69',
    language: '',
  },
  {
    given: ['Lucía', 'María José', 'Sofía', 'Martín', 'Álvaro', 'Núria', 'Begoña', 'Iñaki'],
    family: ['García', 'Martínez', 'Núñez', 'Fernández', 'Ibáñez', 'Muñoz', 'Peña Ortiz'],
    phone: '+34 6##',
    language: '',
  },
  {
    given: ['Małgorzata', 'Zofia', 'Łucja', 'Agnieszka', 'Wojciech', 'Katarzyna'],
    family: ['Kowalska', 'Wiśniewska', 'Wójcik', 'Łukaszewicz', 'Zieliński', 'Dąbrowska'],
    phone: '+48 5##',
    language: '',
  },
  {
    given: ['Jürgen', 'Anneliese', 'Käthe', 'Sören', 'Lena', 'Jörg', 'Hannah'],
    family: ['Müller', 'Schröder', 'Groß', 'Weiß', 'Fischer', 'Schäfer', 'Köhler'],
    phone: '+49 15#',
    language: '',
  },
  {
    given: ['Amira', 'Layla', 'Yasmin', 'Nour', 'ليلى', 'مريم', 'Karim'],
    family: ['Haddad', 'El Amrani', 'Benali', 'حداد', 'Khoury', 'Mansour'],
    phone: '+212 6',
    language: 'ar',
  },
  {
    given: ['Emily', 'Olivia', 'Siobhán', 'Niamh', 'James', 'Charlotte', "D'Arcy"],
    family: ['Smith', "O'Brien", 'Taylor', 'Ní Bhriain', 'Walker-Hughes', 'Evans'],
    phone: '+44 7###',
    language: 'en',
  },
];

export const medicines = [
  'Eliquis 5 mg twice daily',
  'Aspirin 75 mg once daily',
  'Ibuprofen 400 mg as needed',
  'Paracetamol 1 g as needed',
  'Levothyroxine 50 micrograms in the morning',
  'Omega-3 fish oil 1 g daily',
  'Vitamin D3 1000 IU daily',
  'Sertraline 50 mg daily',
  'Metformin 500 mg twice daily',
  'Ginkgo biloba 120 mg',
  'Xarelto 20 mg with evening meal',
  'Cetirizine 10 mg in spring',
  'Combined oral contraceptive pill',
  'Turmeric capsules',
  'Clopidogrel 75 mg',
  'Warfarin as per INR clinic',
  'Collagen powder, one scoop',
  'Magnesium 300 mg at night',
];

export const treatments = [
  { kind: 'Mesotherapy', area: 'Face', product: 'NCTF 135HA' },
  { kind: 'Mesotherapy', area: 'Scalp', product: 'Dermaheal HL' },
  { kind: 'Hyaluronic acid filler', area: 'Lips', product: 'Juvéderm Volbella' },
  { kind: 'Botulinum toxin', area: 'Forehead', product: 'Azzalure' },
  { kind: 'Chemical peel', area: 'Face', product: 'TCA 15%' },
  { kind: 'Microneedling', area: 'Acne scars, cheeks', product: '' },
  { kind: 'Laser hair removal', area: 'Legs', product: '' },
];

export const referrals = [
  '',
  '',
  'Instagram',
  'A friend',
  'Google',
  'Her dermatologist',
  'Walked past',
];

export const allergiesOther = [
  '',
  '',
  '',
  '',
  'Penicillin (rash)',
  'Nickel',
  'Plasters',
  'Ибупрофен',
];
