/**
 * Words that appear around medicine names but never identify one: doses, forms, frequencies,
 * fillers and what the medicine is for. They are skipped when matching and are not reported as
 * unrecognised, so "metformin 500mg with breakfast" is fully recognised.
 */

const doseAndForm = words(
  'mg mcg ug g gm gram gr ml l iu ui unit u mmol percent tab tablet tabl cap capsule ' +
    'softgel gelcap caplet pill sachet powder drop spray gel cream ointment patch injection ' +
    'inj jab syringe pen inhaler puff liquid syrup suspension solution lozenge effervescent ' +
    'chewable dispersible soluble coated enteric ec sr xr er cr mr xl la retard gummy gummie ' +
    'tincture extract supplement oral topical dose dosage strength forte mite max maximum ' +
    'extra plus junior adult low high half quarter',
);

/** Salt and ester names after a generic name ("cetirizine hydrochloride"). */
const salts = words(
  'hydrochloride hcl sodium potassium calcium succinate tartrate maleate mesylate besylate ' +
    'besilate fumarate acetate citrate phosphate sulfate sulphate bromide dihydrate',
);

const frequency = words(
  'od bd bid tid tds qid qds qd qhs hs prn om on nocte mane daily day once twice thrice ' +
    'time weekly week monthly month year yearly per every each morning evening night nightly ' +
    'bedtime am pm hour hr hrs h x alternate one two three four',
);

const filler = words(
  'a an the and or with w of for to in at by as if when needed required only take taken ' +
    'taking take use used using since from until ago last stopped started start stop ' +
    'currently current still occasionally occasional sometime rarely regularly regular ' +
    'usually often about approx approximately around my me i not sure doctor dr gp prescribed ' +
    'prescription rx otc over counter pharmacy chemist generic brand food meal breakfast ' +
    'lunch dinner supper empty stomach water milk juice coffee after before also then same ' +
    'new old unknown name etc eg e ie via up no',
);

const indications = words(
  'pain painkiller headache migraine period cramp back joint arthritis heart blood pressure ' +
    'bp cholesterol thyroid diabetes sugar asthma allergy allergie hayfever hay fever cold ' +
    'flu cough sleep anxiety depression mood acid reflux heartburn indigestion skin acne hair ' +
    'loss nail bone immune immunity energy contraception menopause sinus congestion prevention protection ' +
    'thinner thinning clot af afib dvt stroke stent valve surgery operation health wellbeing ' +
    'memory inflammation',
);

function words(list: string): string[] {
  return list.split(' ');
}

/** Tokens that never identify a medicine (unless a reference name uses them; see the matcher). */
export const noiseWords: ReadonlySet<string> = new Set([
  ...doseAndForm,
  ...salts,
  ...frequency,
  ...filler,
  ...indications,
]);

/**
 * Words that show a line means a supplement product rather than a food or drink: "ginger
 * capsules" is a supplement, "ginger tea" is a drink.
 */
export const supplementCues: ReadonlySet<string> = new Set(
  words(
    'cap capsule softgel gelcap tab tablet caplet pill extract supplement mg mcg ug iu tincture gummy gummie standardised standardized concentrate',
  ),
);

/** Numbers, counts ("x2", "2x" split to "x") and strengths are never names. */
export function isNumberLike(token: string): boolean {
  return /^\d+$/.test(token) || /^x\d+$/.test(token);
}
