/** The catalogue key of a yes/no question's label, from its path in the answers. */
export function yesNoQuestionLabelKey(path: string): string {
  const [head = '', tail = '', rest = ''] = path.split('.', 3);
  if (head === 'conditions') return `history.conditions.${tail}`;
  if (head === 'allergies') return `history.allergyTicks.${rest}`;
  if (head === 'surgery') return 'history.surgeryRecent';
  return 'history.isotretinoin';
}
