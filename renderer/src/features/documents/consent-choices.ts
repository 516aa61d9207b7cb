import type { ConsentText } from '../../../../shared/api/documents';
import type { ChoiceAnswer } from './ConsentTextPanel';

/**
 * The patient's separate choices on a consent (photographs for other use), as the signing dialog
 * and the tablet both take them: every choice answered and initialled before anything is sent.
 */
export function consentChoices(
  text: ConsentText | undefined,
  answers: Record<string, ChoiceAnswer>,
) {
  const ids = (text?.sections ?? []).filter((s) => s.choice).map((s) => s.id);
  const missing = (id: string) => {
    const a = answers[id];
    return !a?.decision || a.initials.trim() === '';
  };
  return {
    complete: !ids.some(missing),
    input: ids.map((id) => ({
      sectionId: id,
      decision: answers[id]?.decision ?? 'agree',
      initials: answers[id]?.initials.trim() ?? '',
    })),
    /** Each choice's message: missing once the form was tried, else what the service said. */
    errors: (tried: boolean, required: string, server: (field: string) => string | undefined) =>
      Object.fromEntries(
        ids.map((id) => [id, tried && missing(id) ? required : server(`choices.${id}`)]),
      ),
  };
}
