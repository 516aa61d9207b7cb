import type { Queryable } from '../store/db';
import type { SessionDraftFields } from '../../../shared/api/sessions';
import type { SubstanceLineInput } from '../../../shared/screening/substance-line';
import { RANGES, type TreatmentArea } from '../../../shared/sessions/treatment-terms';
import { courseProtocol, requireCourse } from '../courses/courses';
import type { TodaysCheck } from './safety-gate';

/** First-expiring lot still usable today: the one the clinic should use up first. */
async function firstUsableLot(db: Queryable, productId: string, today: string) {
  return db
    .selectFrom('product_lot')
    .select('id')
    .where('product_id', '=', productId)
    .where('expires_on', '>=', today)
    .orderBy('expires_on')
    .orderBy('seq')
    .executeTakeFirst();
}

/**
 * The first version of the note: what today's check planned (its products and areas, its
 * anaesthesia), with technique, needle and depth from the course protocol when there is one.
 * Without a check plan the course's areas and protocol products are used, as before.
 */
export async function draftFromCheck(
  db: Queryable,
  check: TodaysCheck | undefined,
  courseId: string | null,
  today: string,
): Promise<Required<SessionDraftFields>> {
  const draft: Required<SessionDraftFields> = {
    technique: null,
    needleGauge: null,
    needleLengthMm: null,
    anaesthesia: null,
    passes: null,
    points: null,
    immediateReactions: '',
    notes: '',
    areas: [],
    products: [],
    anaesthetics: check ? (JSON.parse(check.planned_substances) as SubstanceLineInput[]) : [],
    additions: [],
    cocktails: [],
  };
  const checkAreas = check
    ? ((JSON.parse(check.answers) as { areas?: TreatmentArea[] }).areas ?? [])
    : [];
  const checkProducts = check ? (JSON.parse(check.planned_product_ids) as string[]) : [];
  let areas = checkAreas;
  let productIds = checkProducts;
  let depthMm: number | null = null;
  if (courseId) {
    const course = await requireCourse(db, courseId);
    const protocol = courseProtocol(course);
    if (areas.length === 0) areas = JSON.parse(course.areas) as TreatmentArea[];
    if (productIds.length === 0) productIds = protocol.productIds;
    draft.technique = protocol.technique;
    draft.needleGauge = protocol.needleGauge;
    draft.needleLengthMm = protocol.needleLengthMm;
    depthMm = protocol.depthMm;
  }
  if (draft.anaesthetics.length > 0) {
    draft.anaesthesia = draft.anaesthetics.some((a) => /cream|emla|lmx|topic/i.test(a.name))
      ? 'numbing-cream'
      : 'lidocaine';
  }
  draft.areas = areas.map((area) => ({ area, depthMm }));
  const components: NonNullable<SessionDraftFields['cocktails']>[number]['components'] = [];
  for (const productId of productIds) {
    const product = await db
      .selectFrom('product')
      .select(['default_volume_ml', 'active'])
      .where('id', '=', productId)
      .executeTakeFirst();
    const lot = await firstUsableLot(db, productId, today);
    // A product without a usable lot is left for the practitioner to choose, never guessed.
    if (!product || !lot) continue;
    const volume = product.default_volume_ml;
    const plausible =
      volume !== null && volume >= RANGES.volumeMl.min && volume <= RANGES.volumeMl.max;
    components.push({ productId, lotId: lot.id, volumeMl: plausible ? volume : null });
  }
  // The planned products are one syringe, as prepared: each product's default volume is what is
  // drawn into it, never repeated for every area; how the syringe is spread over the areas is
  // left for the practitioner to write.
  if (components.length > 0) {
    const drawn = components.map((c) => c.volumeMl);
    const total = drawn.every((v) => v !== null)
      ? Math.round(drawn.reduce((s, v) => s + v! * 100, 0)) / 100
      : null;
    draft.cocktails.push({
      label: '',
      totalVolumeMl: total !== null && total <= RANGES.volumeMl.max ? total : null,
      components,
      areas: areas.map((area) => ({ area, volumeMl: null })),
    });
  }
  return draft;
}
