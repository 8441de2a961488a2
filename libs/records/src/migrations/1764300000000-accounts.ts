import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts with roles, hashed API keys, licensees' platform accounts, the
 * append-only audit log, and an owner account for every work. Works created
 * before accounts existed get one rights-holder account per distinct
 * `rights_holder` text (without keys: an admin gives them keys).
 */
export class Accounts1764300000000 implements MigrationInterface {
  name = 'Accounts1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(200) NOT NULL,
        role varchar(16) NOT NULL CONSTRAINT accounts_role_check CHECK (role IN ('admin', 'rights_holder', 'reviewer', 'licensee')),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        key_hash char(64) NOT NULL UNIQUE,
        prefix varchar(16) NOT NULL,
        label varchar(100),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX ix_api_keys_account ON api_keys (account_id)`);
    await q.query(`
      CREATE TABLE platform_accounts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE RESTRICT,
        platform varchar(50) NOT NULL,
        handle varchar(200) NOT NULL,
        CONSTRAINT uq_platform_accounts_platform_handle UNIQUE (platform, handle)
      )`);
    await q.query(`CREATE INDEX ix_platform_accounts_account ON platform_accounts (account_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES accounts(id) ON DELETE RESTRICT,
        action varchar(50) NOT NULL,
        subject_type varchar(30) NOT NULL,
        subject_id uuid NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX ix_audit_log_subject ON audit_log (subject_type, subject_id)`);
    // Append-only in the database itself, not only for lack of an API: any
    // client with the service's credentials still cannot rewrite history.
    await q.query(`
      CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()`);

    await q.query(`ALTER TABLE works ADD COLUMN owner_id uuid`);
    await q.query(`
      WITH holders AS (SELECT DISTINCT rights_holder FROM works),
      created AS (
        INSERT INTO accounts (name, role) SELECT rights_holder, 'rights_holder' FROM holders RETURNING id, name
      )
      UPDATE works w SET owner_id = created.id FROM created WHERE created.name = w.rights_holder`);
    await q.query(`ALTER TABLE works ALTER COLUMN owner_id SET NOT NULL`);
    await q.query(`ALTER TABLE works ADD CONSTRAINT works_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES accounts(id) ON DELETE RESTRICT`);
    await q.query(`CREATE INDEX ix_works_owner ON works (owner_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE works DROP COLUMN owner_id`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_refuse_change()`);
    for (const table of ['platform_accounts', 'api_keys', 'accounts']) await q.query(`DROP TABLE ${table}`);
  }
}
