import type { DataSource } from 'typeorm';
import { Role, hashPassword } from '@app/auth';
import { computeCreditCodeCheckCharacter } from '@app/common';
import { OutboxService } from '@app/messaging';
import { DEMO_PASSWORD } from '../identity/password-policy';

export const DEMO_ADMIN_EMAIL = 'admin@example.org';
export const DEMO_ASSOCIATION_CODE = 'DEMOCSA';

/** Fictitious units of the demo association: name, credit-code body (17 characters), status. */
const DEMO_UNITS: ReadonlyArray<[string, string, 'ACTIVE' | 'PENDING' | 'GRACE']> = [
  ['示例云盾信息技术有限公司', '91420100300000001', 'ACTIVE'],
  ['示例安信数据科技有限公司', '91420100300000002', 'ACTIVE'],
  ['示例边界网络安全股份有限公司', '91420100300000003', 'ACTIVE'],
  ['示例工控安全研究院有限公司', '91420100300000004', 'GRACE'],
  ['示例应用安全测评中心有限公司', '91420100300000005', 'PENDING'],
];

/**
 * Loads the demo association, its admin and a few member units. Idempotent: what exists is left
 * alone, so it can run at every start. Refuses to run in production (the password is published).
 */
export async function loadDemoData(dataSource: DataSource, log: (line: string) => void = console.log): Promise<void> {
  if (process.env.NODE_ENV === 'production') throw new Error('Demo data is never loaded in production');
  const outbox = new OutboxService('membership');
  await dataSource.transaction(async (manager) => {
    // One loader at a time, even when several starts race.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('zilv-demo-data'))`);
    let [association] = await manager.query(`SELECT id FROM membership.association WHERE short_code = $1`, [DEMO_ASSOCIATION_CODE]);
    if (!association) {
      [association] = await manager.query(
        `INSERT INTO membership.association (name, short_code, executing_body, supervising_authority)
         VALUES ($1, $2, $3, $4) RETURNING id`,
        ['示例市网络安全协会', DEMO_ASSOCIATION_CODE, '示例市网络安全协会秘书处', '示例市委网信办'],
      );
      log(`demo: created association ${DEMO_ASSOCIATION_CODE}`);
    }
    let [admin] = await manager.query(`SELECT id FROM membership.account WHERE email = $1`, [DEMO_ADMIN_EMAIL]);
    if (!admin) {
      [admin] = await manager.query(
        `INSERT INTO membership.account (email, display_name, password_hash, platform_admin) VALUES ($1, $2, $3, true) RETURNING id`,
        [DEMO_ADMIN_EMAIL, '演示管理员', await hashPassword(DEMO_PASSWORD)],
      );
      log(`demo: created ${DEMO_ADMIN_EMAIL} (password ${DEMO_PASSWORD})`);
    }
    await manager.query(
      `INSERT INTO membership.role_grant (account_id, association_id, role) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [admin.id, association.id, Role.ADMIN],
    );
    for (const [name, body, status] of DEMO_UNITS) {
      const creditCode = body + computeCreditCodeCheckCharacter(body);
      const inserted: Array<{ id: string; revision: number }> = await manager.query(
        `INSERT INTO membership.organization (association_id, name, credit_code, membership_status)
         VALUES ($1, $2, $3, $4) ON CONFLICT (association_id, credit_code) DO NOTHING RETURNING id, revision`,
        [association.id, name, creditCode, status],
      );
      if (inserted.length === 0) continue;
      await outbox.record(manager, {
        type: 'membership.organization.updated',
        associationId: association.id,
        payload: { organizationId: inserted[0].id, name, creditCode, membershipStatus: status, revision: inserted[0].revision },
      });
      log(`demo: registered ${name}`);
    }
  });
}
