import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { Product } from '../../../../shared/api/products';
import type { SessionDraftFields } from '../../../../shared/api/sessions';
import type { AllergenTag } from '../../../../shared/screening/screening-types';
import {
  checkSubstances,
  type SubstanceLineResult,
} from '../../../../shared/screening/substance-check';
import { sessionSubstanceLines } from '../../../../shared/sessions/session-substances';
import { api, unwrap } from '../../lib/api';
import { screeningKeys } from '../screening';

// The catalogue's allergen ticks in the rules' terms (the service's allergenTagOfTick, which is
// not in shared yet).
const tagOfFlag: Record<Product['allergens'][number], AllergenTag> = {
  localAnaesthetics: 'local-anaesthetic',
  soy: 'soy',
  hyaluronicAcid: 'hyaluronic-acid',
  beeWaspVenom: 'bee-wasp-venom',
  latex: 'latex',
  eggs: 'egg',
};

/** One verdict per substance line, in the service's order: `index` is the n of gate.allergy.<n>. */
export type SubstanceVerdict = SubstanceLineResult & { index: number };

/**
 * The allergy cross-check of everything entering the patient, run in the screen on every change
 * with the same rule and line order the service uses when it signs.
 */
export function useSubstanceVerdicts(
  form: UseFormReturn<SessionDraftFields>,
  products: Product[],
  patientId: string,
): SubstanceVerdict[] {
  const prefill = useQuery({
    queryKey: screeningKeys.prefill(patientId),
    queryFn: () => unwrap(api.screening.prefill({ patientId })),
  });
  const settings = useQuery({
    queryKey: screeningKeys.settings,
    queryFn: () => unwrap(api.screening.settings({})),
  });
  const [lines, anaesthesia, anaesthetics, additions] = useWatch({
    control: form.control,
    name: ['products', 'anaesthesia', 'anaesthetics', 'additions'],
  });
  const catalogue = useMemo(
    () =>
      new Map(
        products.map((p) => [
          p.id,
          {
            name: p.name,
            ingredients: p.ingredients,
            allergens: p.allergens.map((a) => tagOfFlag[a]),
          },
        ]),
      ),
    [products],
  );
  const allergies = prefill.data?.facts?.allergies;
  return useMemo(() => {
    if (!allergies || !settings.data) return [];
    const draft = {
      products: lines.filter((l) => l.productId !== ''),
      anaesthesia,
      anaesthetics: (anaesthetics ?? []).filter((a) => a.name.trim() !== ''),
      additions: (additions ?? []).filter((a) => a.name.trim() !== ''),
    };
    const results = checkSubstances(allergies, sessionSubstanceLines(draft, catalogue), {
      screening: settings.data,
      substances: settings.data.substances,
    });
    return results.map((r, index) => ({ ...r, index }));
  }, [allergies, settings.data, lines, anaesthesia, anaesthetics, additions, catalogue]);
}
