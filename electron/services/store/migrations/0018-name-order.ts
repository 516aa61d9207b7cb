/**
 * Issue 18: names as people write them, and a preferred language the documents can use.
 * `name_order` is null until someone chooses: the usual order for the name's script or language
 * is then worked out when it is shown, so patients registered before this step need no guess
 * written into their record. Preferred languages typed as free text before this step are turned
 * into language codes where the text names one of the languages Mesochart ships; anything else
 * is kept as typed.
 */
const languageCodes = `
UPDATE patient SET preferred_language = CASE lower(trim(preferred_language))
  WHEN 'english' THEN 'en' WHEN 'en' THEN 'en' WHEN 'en-gb' THEN 'en' WHEN 'en-us' THEN 'en'
  WHEN 'french' THEN 'fr' WHEN 'français' THEN 'fr' WHEN 'francais' THEN 'fr' WHEN 'fr' THEN 'fr'
  WHEN 'turkish' THEN 'tr' WHEN 'türkçe' THEN 'tr' WHEN 'turkce' THEN 'tr' WHEN 'tr' THEN 'tr'
  WHEN 'arabic' THEN 'ar' WHEN 'العربية' THEN 'ar' WHEN 'ar' THEN 'ar'
  ELSE preferred_language END;
`;

export const nameOrder = `
ALTER TABLE patient ADD COLUMN name_order TEXT
  CHECK (name_order IS NULL OR name_order IN ('given-first', 'family-first'));
${languageCodes}`;

export const nameOrderPg = `
ALTER TABLE patient ADD COLUMN name_order TEXT
  CHECK (name_order IS NULL OR name_order IN ('given-first', 'family-first'));
${languageCodes}`;
