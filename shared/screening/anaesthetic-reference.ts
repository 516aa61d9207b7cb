import { z } from 'zod';
import { fieldMessage, keyed } from '../api/field-text';

/**
 * The local anaesthetics and numbing preparations a clinic uses, with what each contains, and how
 * an allergy to one reaches the others (clinical reference, "Anaesthetics are substances too").
 * A clinic edits the list (its own brands, a compounded cream) and the two judgment-call
 * severities; the defaults are the reference's.

 * Nested in ScreeningSettings as `substances`.
 */

export const anaestheticFamilies = ['amide', 'ester'] as const;
export type AnaestheticFamily = (typeof anaestheticFamilies)[number];

const eachIdOnce = () => fieldMessage('validation.lists.eachId', 'Each id once');

const idSchema = z
  .string()
  .min(1, keyed('validation.screening.enterId', 'Enter an id'))
  .max(40, keyed('validation.generic.tooLong', 'At most {{maximum}} characters', { maximum: 40 }))
  .regex(
    /^[a-z0-9-]+$/,
    keyed('validation.screening.idCharacters', 'Lower-case letters, digits and - only'),
  );
const nameSchema = z
  .string()
  .trim()
  .min(1, keyed('validation.screening.enterName', 'Enter a name'))
  .max(80, keyed('validation.generic.tooLong', 'At most {{maximum}} characters', { maximum: 80 }));

export const anaestheticAgentSchema = z.object({
  id: idSchema,
  /** The generic name printed in explanations ("lidocaine"). */
  name: nameSchema,
  family: z.enum(anaestheticFamilies),
  /** Other generic spellings and single-agent brands ("lignocaine", "Xylocaine"). */
  synonyms: z.array(nameSchema).max(20),
});
export type AnaestheticAgent = z.infer<typeof anaestheticAgentSchema>;

export const anaestheticPreparationSchema = z.object({
  id: idSchema,
  /** As offered in the session's anaesthesia field ("EMLA 5% cream", "Lidocaine 2%"). */
  name: nameSchema,
  kind: z.enum(['injectable', 'topical']),
  /** Brand names and spellings a practitioner may type for it ("LMX 4", "Topicaine"). */
  synonyms: z.array(nameSchema).max(20),
  /** Ids of the anaesthetic agents it contains. */
  agents: z
    .array(idSchema)
    .min(1, keyed('validation.screening.nameAnaesthetic', 'Name at least one anaesthetic'))
    .max(6),
  /** Other contents that cause reactions (epinephrine, a paraben), matched like any ingredient. */
  otherIngredients: z.array(nameSchema).max(10),
});
export type AnaestheticPreparation = z.infer<typeof anaestheticPreparationSchema>;

export const substanceSettingsSchema = z
  .object({
    agents: z.array(anaestheticAgentSchema).min(1).max(60),
    preparations: z.array(anaestheticPreparationSchema).max(60),
    severities: z.object({
      /**
       * Allergy to one agent, another agent of the same family in the substance. Cross-reaction
       * between amides is uncommon but clinics usually flag the whole class; an ester (or PABA)
       * allergy is a reason to avoid every ester.
       */
      sameFamily: z.enum(['caution', 'do-not-treat']),
      /** Allergy in one family, the substance's anaesthetic from the other: rare cross-reaction. */
      otherFamily: z.enum(['clear', 'caution', 'do-not-treat']),
    }),
  })
  .superRefine((s, ctx) => {
    const agentIds = new Set<string>();
    s.agents.forEach((a, i) => {
      if (agentIds.has(a.id)) {
        ctx.addIssue({ code: 'custom', path: ['agents', i, 'id'], message: eachIdOnce() });
      }
      agentIds.add(a.id);
    });
    const preparationIds = new Set<string>();
    s.preparations.forEach((p, i) => {
      if (preparationIds.has(p.id)) {
        ctx.addIssue({ code: 'custom', path: ['preparations', i, 'id'], message: eachIdOnce() });
      }
      preparationIds.add(p.id);
      p.agents.forEach((agent, k) => {
        if (!agentIds.has(agent)) {
          ctx.addIssue({
            code: 'custom',
            path: ['preparations', i, 'agents', k],
            message: fieldMessage(
              'validation.screening.unknownAnaesthetic',
              'Not an anaesthetic in the list',
            ),
          });
        }
      });
    });
  });
export type SubstanceSettings = z.infer<typeof substanceSettingsSchema>;

const agent = (
  id: string,
  family: AnaestheticFamily,
  synonyms: readonly string[] = [],
): AnaestheticAgent => ({ id, name: id, family, synonyms: [...synonyms] });

const preparation = (
  id: string,
  name: string,
  kind: AnaestheticPreparation['kind'],
  agents: readonly string[],
  synonyms: readonly string[] = [],
  otherIngredients: readonly string[] = [],
): AnaestheticPreparation => ({
  id,
  name,
  kind,
  agents: [...agents],
  synonyms: [...synonyms],
  otherIngredients: [...otherIngredients],
});

const adrenaline = 'epinephrine (adrenaline)';

export const defaultSubstanceSettings: SubstanceSettings = {
  agents: [
    agent('lidocaine', 'amide', ['lignocaine', 'xylocaine', 'xylocain', 'lidocain']),
    agent('prilocaine', 'amide', ['citanest']),
    agent('articaine', 'amide', ['carticaine', 'septocaine', 'ubistesin']),
    agent('mepivacaine', 'amide', ['carbocaine', 'scandonest', 'polocaine']),
    agent('bupivacaine', 'amide', ['marcaine', 'sensorcaine', 'levobupivacaine', 'chirocaine']),
    agent('ropivacaine', 'amide', ['naropin']),
    agent('benzocaine', 'ester', ['anbesol', 'orajel']),
    agent('tetracaine', 'ester', ['amethocaine', 'pontocaine']),
    agent('procaine', 'ester', ['novocaine', 'novocain']),
    agent('chloroprocaine', 'ester', ['nesacaine']),
  ],
  preparations: [
    preparation('lidocaine-1', 'Lidocaine 1%', 'injectable', ['lidocaine']),
    preparation('lidocaine-2', 'Lidocaine 2%', 'injectable', ['lidocaine']),
    preparation(
      'lidocaine-adrenaline',
      'Lidocaine 1% with adrenaline',
      'injectable',
      ['lidocaine'],
      [
        'lidocaine with adrenaline',
        'lidocaine with epinephrine',
        'xylocaine with adrenaline',
        'xylocaine with epinephrine',
      ],
      [adrenaline],
    ),
    preparation(
      'articaine-adrenaline',
      'Articaine 4% with adrenaline',
      'injectable',
      ['articaine'],
      ['septocaine', 'ubistesin'],
      [adrenaline],
    ),
    preparation('emla', 'EMLA 5% cream', 'topical', ['lidocaine', 'prilocaine'], ['emla']),
    preparation(
      'lmx4',
      'LMX4 4% cream',
      'topical',
      ['lidocaine'],
      ['lmx4', 'lmx 4', 'lmx', 'topicaine'],
    ),
    preparation(
      'blt',
      'BLT cream (benzocaine, lidocaine, tetracaine)',
      'topical',
      ['benzocaine', 'lidocaine', 'tetracaine'],
      ['blt', 'benzocaine lidocaine tetracaine'],
    ),
    preparation('pliaglis', 'Pliaglis cream', 'topical', ['lidocaine', 'tetracaine'], ['pliaglis']),
    preparation('ametop', 'Ametop 4% gel', 'topical', ['tetracaine'], ['ametop']),
  ],
  severities: { sameFamily: 'do-not-treat', otherFamily: 'caution' },
};
