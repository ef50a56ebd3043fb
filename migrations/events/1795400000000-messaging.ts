import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesV1 } from '../_shared/messaging-tables-v1';

export class Messaging1795400000000 implements MigrationInterface {
  name = 'Messaging1795400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesV1('events').up) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of messagingTablesV1('events').down) await q.query(sql);
  }
}
