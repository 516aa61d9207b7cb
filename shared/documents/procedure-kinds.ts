/**
 * Procedure kinds that have their own consent form. Each kind carries different risks and
 * products, so the consent text differs; the aftercare sheet is shared by all of them.
 */
export const procedureKinds = [
  'skin-rejuvenation',
  'hair-loss',
  'cellulite-body-contouring',
  'localised-fat-reduction',
  'pigmentation',
  'prp',
] as const;

export type ProcedureKind = (typeof procedureKinds)[number];

/** English names printed on documents; other languages come with their templates. */
export const procedureKindNames: Record<ProcedureKind, string> = {
  'skin-rejuvenation': 'Skin rejuvenation mesotherapy',
  'hair-loss': 'Mesotherapy for hair loss',
  'cellulite-body-contouring': 'Mesotherapy for cellulite and body contouring',
  'localised-fat-reduction': 'Injection treatment for localised fat reduction',
  pigmentation: 'Mesotherapy for pigmentation',
  prp: 'Platelet-rich plasma (PRP) treatment',
};
