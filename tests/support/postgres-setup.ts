import pg from 'pg';
import { migratePostgres } from '../../electron/services/store/postgres';
import {
  OWNER_ROLE,
  PASSWORD_ROLE,
  PASSWORD_ROLE_PASSWORD,
  RUNTIME_ROLE,
  TEMPLATE_DATABASE,
  startCluster,
} from './postgres-cluster';

/**
 * vitest globalSetup of the PostgreSQL run: one throwaway cluster for the whole run, with the
 * owner and runtime roles and a template database migrated once; every test clinic is a fresh
 * database copied from the template (see startApp), which is much faster than migrating each.
 */
export default async function setup(): Promise<() => void> {
  const cluster = await startCluster();
  try {
    const client = new pg.Client({ connectionString: cluster.superUrl });
    await client.connect();
    try {
      await client.query(`CREATE ROLE ${OWNER_ROLE} LOGIN`);
      await client.query(`CREATE ROLE ${RUNTIME_ROLE} LOGIN`);
      await client.query(
        `CREATE ROLE ${PASSWORD_ROLE} LOGIN PASSWORD '${PASSWORD_ROLE_PASSWORD}' IN ROLE ${RUNTIME_ROLE}`,
      );
      await client.query(`CREATE DATABASE ${TEMPLATE_DATABASE} OWNER ${OWNER_ROLE}`);
    } finally {
      await client.end();
    }
    await migratePostgres(cluster.url(TEMPLATE_DATABASE, OWNER_ROLE), RUNTIME_ROLE);
  } catch (error) {
    cluster.stop();
    throw error;
  }
  // Workers are started after this and inherit it.
  process.env.MESOCHART_TEST_PG_SUPER_URL = cluster.superUrl;
  return () => cluster.stop();
}
