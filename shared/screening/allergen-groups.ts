import type { AllergenTag } from './screening-types';

/**
 * Allergen groups with the words that identify them in a patient's allergy list and in a
 * product's ingredient list. Names are normalised by the same tokeniser as medicine lines.
 */

export const allergenGroupIds = [
  'amide-anaesthetic',
  'ester-anaesthetic',
  'soy',
  'egg',
  'lecithin-unspecified',
  'hyaluronic-acid',
  'hyaluronidase',
  'bee-wasp-venom',
  'latex',
] as const;
export type AllergenGroupId = (typeof allergenGroupIds)[number];

export interface AllergenGroup {
  readonly id: AllergenGroupId;
  readonly label: string;
  readonly terms: readonly string[];
}

export const allergenGroups: readonly AllergenGroup[] = [
  {
    id: 'amide-anaesthetic',
    label: 'amide local anaesthetics',
    terms: [
      'lidocaine',
      'lignocaine',
      'xylocaine',
      'xylocain',
      'emla',
      'articaine',
      'septocaine',
      'mepivacaine',
      'carbocaine',
      'scandonest',
      'prilocaine',
      'citanest',
      'bupivacaine',
      'marcaine',
      'levobupivacaine',
      'chirocaine',
      'ropivacaine',
      'naropin',
    ],
  },
  {
    id: 'ester-anaesthetic',
    label: 'ester local anaesthetics',
    terms: [
      'procaine',
      'novocaine',
      'novocain',
      'benzocaine',
      'tetracaine',
      'amethocaine',
      'ametop',
      'chloroprocaine',
    ],
  },
  {
    id: 'soy',
    label: 'soy',
    terms: [
      'soy',
      'soya',
      'soybean',
      'soja',
      'soy lecithin',
      'soya lecithin',
      'phosphatidylcholine',
      'polyenylphosphatidylcholine',
      'ppc',
      'lipostabil',
      'essentiale',
    ],
  },
  {
    id: 'egg',
    label: 'egg',
    terms: ['egg', 'egg white', 'egg yolk', 'egg lecithin', 'ovalbumin', 'ovomucoid', 'lysozyme'],
  },
  { id: 'lecithin-unspecified', label: 'lecithin (source not stated)', terms: ['lecithin'] },
  {
    id: 'hyaluronic-acid',
    label: 'hyaluronic acid',
    terms: [
      'hyaluronic acid',
      'hyaluronic',
      'sodium hyaluronate',
      'hyaluronate',
      'hyaluronan',
      'ha filler',
      'juvederm',
      'restylane',
      'profhilo',
      'belotero',
      'teosyal',
      'stylage',
    ],
  },
  {
    id: 'hyaluronidase',
    label: 'hyaluronidase',
    terms: ['hyaluronidase', 'hylenex', 'hyalase', 'liporase', 'vitrase', 'amphadase', 'hylase'],
  },
  {
    id: 'bee-wasp-venom',
    label: 'bee or wasp venom',
    terms: [
      'bee venom',
      'wasp venom',
      'bee sting',
      'wasp sting',
      'bee',
      'wasp',
      'hornet',
      'hymenoptera',
      'apitoxin',
      'melittin',
    ],
  },
  { id: 'latex', label: 'latex', terms: ['latex', 'natural rubber', 'rubber'] },
];

/** Groups each ticked allergy stands for. "Local anaesthetic" covers both chemical families. */
export const groupsForTag: Readonly<Record<AllergenTag, readonly AllergenGroupId[]>> = {
  'local-anaesthetic': ['amide-anaesthetic', 'ester-anaesthetic'],
  soy: ['soy'],
  'hyaluronic-acid': ['hyaluronic-acid'],
  'bee-wasp-venom': ['bee-wasp-venom'],
  latex: ['latex'],
  egg: ['egg'],
};

/** Free-text phrases that mean "some local anaesthetic", without naming one. */
export const anyLocalAnaestheticTerms: readonly string[] = [
  'local anaesthetic',
  'local anesthetic',
  'local anaesthesia',
  'local anesthesia',
  'anaesthetic',
  'anesthetic',
  'numbing',
];

/** Words in an allergy note that describe the reaction, not the allergen. */
export const allergyNoteWords: ReadonlySet<string> = new Set(
  (
    'allergy allergie allergic allergi to intolerance intolerant reaction rash hive hives ' +
    'itch itching swelling swollen mild severe anaphylaxis anaphylactic shock sensitive ' +
    'sensitivity to the a an and or of with from after at dentist dental when was is had ' +
    'cause causes caused gives makes bad very some all any known suspected possible history child ' +
    'childhood year years ago product products cream creams injection injections'
  ).split(' '),
);

/** Ingredient words too general to match an allergy on their own. */
export const genericIngredientWords: ReadonlySet<string> = new Set(
  (
    'acid sodium potassium calcium chloride water sterile saline salt extract complex oil ' +
    'vitamin hydrochloride solution buffer phosphate agent preservative base gel cream ' +
    'natural organic pure'
  ).split(' '),
);
