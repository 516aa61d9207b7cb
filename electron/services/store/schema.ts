import type { Generated } from 'kysely';

/** Row types of the SQLite store, as Kysely sees them. One interface per table. */
export interface SettingRow {
  key: string;
  value: string;
}

export interface StaffUserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  password_hash: string;
  active: number;
  created_at: string;
  updated_at: string;
  /** 1 after an admin's reset: the password hash is a temporary code that only allows a change. */
  must_change_password: number;
  temporary_code_expires_at: string | null;
  /** Licence or registration number, printed beside the name on consents and summaries. */
  licence_number: string | null;
  /** The screens' language this person chose; null follows the clinic's (migration 22). */
  ui_language: string | null;
}

export interface SignInThrottleRow {
  username_key: string;
  failures: number;
  next_allowed_at: string;
}

export interface AuditEventRow {
  seq: number;
  at: string;
  user_id: string | null;
  username: string | null;
  role: string | null;
  operation: string;
  action: string;
  patient_id: string | null;
  object_type: string | null;
  object_id: string | null;
  outcome: string;
  error_code: string | null;
  prev_hash: string;
  hash: string;
  /** Keyed hash of a signed record's content (0009); null for other events and older ones. */
  content_hash: string | null;
}

export interface AuditHeadRow {
  id: number;
  seq: number;
  hash: string;
  /** MAC of seq and hash (0009). */
  mac: string | null;
}

export interface PatientRow {
  seq: Generated<number>;
  id: string;
  clinic_number: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  sex: string;
  phone: string;
  email: string;
  address: string;
  preferred_language: string;
  /** 'given-first' | 'family-first'; null: the usual order for the name (migration 18). */
  name_order: string | null;
  emergency_contact_name: string;
  emergency_contact_phone: string;
  referral_source: string;
  archived: number;
  sort_key: string;
  phone_key: string | null;
  email_key: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
}

export interface PatientChangeRow {
  seq: Generated<number>;
  patient_id: string;
  changed_at: string;
  changed_by: string;
  field: string;
  old_value: string;
  new_value: string;
}

export interface ClinicNumberCounterRow {
  scope: string;
  last: number;
}

export interface MedicalHistoryVersionRow {
  id: string;
  patient_id: string;
  version: number;
  answers: string;
  /** 1: yes/no questions as true/false (before step 24); 2: 'yes' / 'no' / 'not-asked'. */
  answers_format: Generated<number>;
  taken_by: string;
  recorded_at: string;
  recorded_by: string;
}

export interface ConsentEventRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  kind: string;
  decision: string;
  note: string;
  recorded_at: string;
  recorded_by: string;
}

export interface ScreeningRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  history_version_id: string | null;
  performed_on: string;
  performed_at: string;
  performed_by: string;
  answers: string;
  planned_product_ids: string;
  /** JSON substance lines (0007); '[]' for checks made before. */
  planned_substances: Generated<string>;
  findings: string;
  outcome: string;
  acknowledged: string;
  override_reason: string | null;
  override_by: string | null;
  status: string;
}

export interface ProductRow {
  seq: Generated<number>;
  id: string;
  name: string;
  manufacturer: string;
  category: string;
  ingredients: string;
  allergens: string;
  default_volume_ml: number | null;
  active: number;
  created_at: string;
  updated_at: string;
}

export interface ProductLotRow {
  seq: Generated<number>;
  id: string;
  product_id: string;
  lot_number: string;
  lot_key: string;
  expires_on: string;
  received_on: string;
  created_at: string;
  created_by: string;
}

export interface TreatmentCourseRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  indication: string;
  indication_note: string;
  areas: string;
  planned_sessions: number;
  interval_days: number;
  protocol: string;
  status: string;
  started_on: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface TreatmentSessionRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  course_id: string | null;
  screening_id: string;
  practitioner_id: string;
  performed_on: string;
  status: string;
  technique: string | null;
  needle_gauge: number | null;
  needle_length_mm: number | null;
  anaesthesia: string | null;
  passes: number | null;
  points: number | null;
  immediate_reactions: string;
  notes: string;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  signed_by: string | null;
  signature_proven_by: string | null;
  signature_recorded_by: string | null;
  abandoned_at: string | null;
  abandoned_by: string | null;
  abandon_reason: string | null;
}

export interface SessionAreaRow {
  seq: Generated<number>;
  session_id: string;
  position: number;
  area: string;
  depth_mm: number | null;
}

export interface SessionProductRow {
  seq: Generated<number>;
  session_id: string;
  position: number;
  area: string;
  product_id: string;
  lot_id: string;
  volume_ml: number | null;
}

export interface SessionCocktailRow {
  seq: Generated<number>;
  session_id: string;
  position: number;
  label: string;
  total_volume_ml: number | null;
  /** JSON: [{ area, volumeMl }] */
  areas: string;
}

export interface SessionCocktailProductRow {
  seq: Generated<number>;
  session_id: string;
  cocktail: number;
  position: number;
  product_id: string;
  lot_id: string;
  volume_ml: number | null;
}

export interface SessionSubstanceRow {
  seq: Generated<number>;
  session_id: string;
  position: number;
  source: 'anaesthesia' | 'addition';
  preparation_id: string | null;
  name: string;
  /** JSON array of strings. */
  ingredients: string;
}

export interface SessionSubstanceOverrideRow {
  seq: Generated<number>;
  id: string;
  session_id: string;
  line_key: string;
  name: string;
  finding: string;
  reason: string;
  recorded_by: string;
  recorded_at: string;
}

export interface SessionAddendumRow {
  seq: Generated<number>;
  id: string;
  session_id: string;
  author_id: string;
  written_at: string;
  text: string;
}

export interface AdverseEventRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  session_id: string;
  kind: string;
  severity: string;
  onset_on: string;
  description: string;
  action_taken: string;
  resolved_on: string | null;
  outcome: string | null;
  recorded_by: string;
  recorded_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
  /** JSON list of treatment areas; '[]' for events recorded before step 25. */
  areas: Generated<string>;
}

export interface AdverseEventPhotoRow {
  seq: Generated<number>;
  adverse_event_id: string;
  photo_id: string;
}

export interface AppointmentRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  practitioner_id: string;
  room_id: string;
  treatment_type: string;
  /** Wall clock 'YYYY-MM-DDTHH:MM'. */
  starts_at: string;
  ends_at: string;
  status: string;
  status_reason: string | null;
  course_id: string | null;
  notes: string;
  hours_override_reason: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ReminderRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  appointment_id: string | null;
  course_id: string | null;
  kind: string;
  channel: string;
  /** The appointment's wall-clock start the message was made for. */
  starts_at: string | null;
  status: string;
  /** Instants (ISO): when it is meant to go, and when the queue tries next. */
  due_at: string;
  next_attempt_at: string;
  attempts: Generated<number>;
  recipient: string | null;
  /** Why it was skipped or the last delivery error; never the message text. */
  detail: string | null;
  created_at: string;
  updated_at: string;
}

export interface CourseFollowUpRow {
  seq: Generated<number>;
  id: string;
  course_id: string;
  patient_id: string;
  assessed_on: string;
  gais: number;
  satisfaction: number;
  notes: string;
  recorded_by: string;
  recorded_at: string;
}

export interface DocumentTemplateRow {
  seq: Generated<number>;
  id: string;
  kind: string;
  procedure_kind: string;
  language: string;
  version: number;
  body: string;
  saved_at: string;
  saved_by: string | null;
}

/** An admin's confirmation of a translated template version (migration 21). */
export interface DocumentTemplateReviewRow {
  seq: Generated<number>;
  template_id: string;
  confirmed_by: string;
  confirmed_at: string;
}

export interface DocumentRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  kind: string;
  procedure_kind: string | null;
  session_id: string | null;
  template_id: string | null;
  template_version: number | null;
  language: string;
  page_size: string;
  render_data: string;
  file_path: string;
  sha256: string;
  size: number;
  page_count: number;
  generated_sha256: string;
  generated_at: string;
  generated_by: string;
  status: string;
  status_changed_at: string;
}

export interface ConsentSignatureRow {
  seq: Generated<number>;
  id: string;
  document_id: string;
  signer_role: string;
  signer_name: string;
  image_png: Buffer;
  image_sha256: string;
  signed_at: string;
  document_sha256: string;
  recorded_by: string;
  /** The staff account that signed (practitioner or witness); null for the patient. */
  signer_staff_id: string | null;
  /** 'signed-in' (the signer was at the keyboard) or 'password' (re-entered at another's). */
  proven_by: string | null;
}

export interface ConsentWitnessRow {
  seq: Generated<number>;
  id: string;
  document_id: string;
  witness_id: string;
  witness_name: string;
  capacity: string;
  image_png: Buffer;
  image_sha256: string;
  signed_at: string;
  document_sha256: string;
}

/** The patient's part of a consent signed on the tablet, until its practitioner signs. */
export interface ConsentPatientPartRow {
  seq: Generated<number>;
  document_id: string;
  image_png: Buffer;
  image_sha256: string;
  /** JSON: the patient's answer to each separate choice, with their initials. */
  choices: string;
  signed_at: string;
  /** The unsigned form the patient read. */
  form_sha256: string;
  recorded_by: string;
}

export interface ConsentPaperConfirmationRow {
  seq: Generated<number>;
  document_id: string;
  confirmed_by: string;
  confirmed_at: string;
  note: string;
}

export interface ConsentWithdrawalRow {
  seq: Generated<number>;
  document_id: string;
  withdrawn_by: string;
  withdrawn_at: string;
  reason: string;
}

export interface PhotoRow {
  seq: Generated<number>;
  id: string;
  patient_id: string;
  session_id: string | null;
  phase: string;
  area: string;
  view: string;
  taken_at: string;
  taken_at_source: string;
  sha256: string;
  input_sha256: string;
  width: number;
  height: number;
  byte_size: number;
  original_path: string;
  thumbnail_path: string;
  preview_path: string;
  camera_model: string | null;
  source: string;
  imported_at: string;
  imported_by: string;
  archived: number;
  updated_at: string;
  /** What the camera wrote, kept after a person corrects the date (migration 20). */
  camera_taken_at: string | null;
  date_check: Generated<string>;
  date_check_reason: string | null;
}

/** How the second photo of an overlay comparison was laid onto the first (migration 20). */
export interface PhotoAlignmentRow {
  seq: Generated<number>;
  patient_id: string;
  first_photo_id: string;
  second_photo_id: string;
  offset_x: number;
  offset_y: number;
  scale: number;
  rotation: number;
  updated_at: string;
  updated_by: string;
}

export interface PhotoChangeRow {
  seq: Generated<number>;
  photo_id: string;
  changed_at: string;
  changed_by: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string;
}

export interface StoreSchema {
  screening: ScreeningRow;
  setting: SettingRow;
  staff_user: StaffUserRow;
  sign_in_throttle: SignInThrottleRow;
  audit_event: AuditEventRow;
  audit_head: AuditHeadRow;
  patient: PatientRow;
  patient_change: PatientChangeRow;
  clinic_number_counter: ClinicNumberCounterRow;
  medical_history_version: MedicalHistoryVersionRow;
  consent_event: ConsentEventRow;
  product: ProductRow;
  product_lot: ProductLotRow;
  treatment_course: TreatmentCourseRow;
  treatment_session: TreatmentSessionRow;
  session_area: SessionAreaRow;
  session_product: SessionProductRow;
  session_cocktail: SessionCocktailRow;
  session_cocktail_product: SessionCocktailProductRow;
  session_substance: SessionSubstanceRow;
  session_substance_override: SessionSubstanceOverrideRow;
  session_addendum: SessionAddendumRow;
  adverse_event: AdverseEventRow;
  adverse_event_photo: AdverseEventPhotoRow;
  course_follow_up: CourseFollowUpRow;
  appointment: AppointmentRow;
  reminder: ReminderRow;
  document_template: DocumentTemplateRow;
  document_template_review: DocumentTemplateReviewRow;
  document: DocumentRow;
  consent_signature: ConsentSignatureRow;
  consent_witness: ConsentWitnessRow;
  consent_patient_part: ConsentPatientPartRow;
  consent_paper_confirmation: ConsentPaperConfirmationRow;
  consent_withdrawal: ConsentWithdrawalRow;
  photo: PhotoRow;
  photo_change: PhotoChangeRow;
  photo_alignment: PhotoAlignmentRow;
}
