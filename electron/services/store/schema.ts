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
}

export interface AuditHeadRow {
  id: number;
  seq: number;
  hash: string;
}

export interface StoreSchema {
  setting: SettingRow;
  staff_user: StaffUserRow;
  sign_in_throttle: SignInThrottleRow;
  audit_event: AuditEventRow;
  audit_head: AuditHeadRow;
}
