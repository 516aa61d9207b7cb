import type {
  AnaestheticAgent,
  AnaestheticFamily,
  SubstanceSettings,
} from './anaesthetic-reference';
import type { FindingParams } from './finding-wording';
import { list, phrase } from './finding-wording';
import type { ScreeningFinding } from './screening-types';
import type { Severity } from './severity';
import type {
  AnaestheticAllergy,
  SubstanceLine,
  SubstanceReading,
  SubstanceSource,
} from './substance-types';

/**
 * What one anaesthetic allergy says about one substance line (substance-check.ts reads both):
 * the findings, in English as the reference and with their values for the catalogue's wording.
 */

const familyLabel: Record<AnaestheticFamily, string> = {
  amide: 'amide local anaesthetics',
  ester: 'ester local anaesthetics',
};

const noun: Record<SubstanceSource, string> = {
  product: 'product',
  anaesthesia: 'anaesthetic',
  addition: 'substance',
};

function refuseMessage(line: SubstanceLine): string {
  return `${line.name} contains something you told us you react to, so it will not be used.`;
}

function names(list: Iterable<AnaestheticAgent>): string {
  return [...list].map((a) => a.name).join(' + ');
}

/** The most specific thing one anaesthetic allergy says about one substance, if anything. */
export function anaestheticHit(
  allergy: AnaestheticAllergy,
  substance: SubstanceReading,
  settings: SubstanceSettings,
): ScreeningFinding | null {
  const { line } = substance;
  const what = `${line.name}${substance.preparation ? ` (${substance.preparation.name})` : ''}`;
  const { sourceValue: source } = allergy;
  const thisNoun = phrase(`thisNoun.${line.source}`);
  const finding = (
    ruleId: string,
    severity: Severity,
    explanation: string,
    patientMessage: string,
    params: FindingParams,
  ): ScreeningFinding => ({
    ruleId,
    severity,
    explanation,
    params,
    patientMessage,
    productId: line.key,
  });

  const shared = [...substance.agents.values()].filter((a) => allergy.agents.has(a.id));
  if (shared.length > 0) {
    return finding(
      'allergy.substance-agent',
      'do-not-treat',
      `Allergy or intolerance "${allergy.source}" and ${what} contains ${names(shared)}. ` +
        `Do not use this ${noun[line.source]}.`,
      refuseMessage(line),
      { source, what, agents: names(shared), thisNoun },
    );
  }
  const lineFamilies = new Set<AnaestheticFamily>([
    ...[...substance.agents.values()].map((a) => a.family),
    ...substance.unnamedFamilies.keys(),
  ]);
  const containsAnaesthetic = lineFamilies.size > 0 || substance.unspecified !== null;
  const contents = (family?: AnaestheticFamily): string => {
    const agents = [...substance.agents.values()].filter((a) => !family || a.family === family);
    const unnamed = [...substance.unnamedFamilies.entries()]
      .filter(([f]) => !family || f === family)
      .map(([, text]) => `"${text}"`);
    return [names(agents), ...unnamed].filter((s) => s !== '').join(', ');
  };
  if (allergy.any && containsAnaesthetic) {
    const inside = contents() || `a local anaesthetic (${substance.unspecified ?? 'unnamed'})`;
    const insideValue =
      contents() || phrase('unnamedAnaesthetic', { why: substance.unspecifiedValue ?? 'unnamed' });
    return finding(
      'allergy.substance-any-anaesthetic',
      'do-not-treat',
      `Allergy or intolerance "${allergy.source}" covers every local anaesthetic, and ${what} ` +
        `contains ${inside}. Do not use this ${noun[line.source]}.`,
      refuseMessage(line),
      { source, what, inside: insideValue, thisNoun },
    );
  }
  if (substance.unspecified !== null && (allergy.agents.size > 0 || allergy.families.size > 0)) {
    return finding(
      'allergy.substance-unnamed-anaesthetic',
      'do-not-treat',
      `${what} contains a local anaesthetic that is not named (${substance.unspecified}); the ` +
        `patient reports "${allergy.source}". Do not use it until the anaesthetic is known.`,
      'The practitioner will check which numbing medicine this contains before using it.',
      { what, why: substance.unspecifiedValue ?? 'unnamed', source },
    );
  }
  const same = [...lineFamilies].filter((f) => allergy.families.has(f));
  const [family] = same;
  if (family !== undefined) {
    return finding(
      'allergy.substance-same-family',
      settings.severities.sameFamily,
      `Allergy or intolerance "${allergy.source}" is to ${familyLabel[family]}, and ${what} ` +
        `contains ${contents(family)}, from the same family. The clinic flags the whole family; ` +
        'confirm which anaesthetic caused the reaction.',
      settings.severities.sameFamily === 'do-not-treat'
        ? refuseMessage(line)
        : 'Because of your reaction to a numbing medicine, the practitioner will check this one with you first.',
      { source, family: phrase(`family.${family}`), what, contents: contents(family) },
    );
  }
  if (
    lineFamilies.size > 0 &&
    allergy.families.size > 0 &&
    settings.severities.otherFamily !== 'clear'
  ) {
    const theirs = [...allergy.families].map((f) => familyLabel[f]).join(' and ');
    return finding(
      'allergy.substance-other-family',
      settings.severities.otherFamily,
      `Allergy or intolerance "${allergy.source}" is to ${theirs}; ${what} contains ` +
        `${contents()}, from the other chemical family (amide vs ester). Cross-reaction is rare; ` +
        'confirm which anaesthetic caused the reaction.',
      'Because of your reaction to a numbing medicine, the practitioner will confirm which one it was before using this.',
      {
        source,
        families: list(
          [...allergy.families].map((f) => phrase(`family.${f}`)),
          'and',
        ),
        what,
        contents: contents(),
      },
    );
  }
  return null;
}
