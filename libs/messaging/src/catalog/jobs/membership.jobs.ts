import { BATCH_JOB_POLICY, SCHEDULED_JOB_POLICY } from '../retry-policies';
import type { JobDefinition } from './job-definition';

/** Jobs the membership service runs. */
export interface MembershipJobPayloads {
  /** Re-emits `membership.organization.updated` for every organization of an association (rebuilds read models). */
  'membership.organizations.republish': { associationId: string };
  /** Imports organizations and their memberships from CSV text (UTF-8, BOM optional). */
  'membership.members.import': { associationId: string; csv: string };
  /** Moves unpaid memberships to GRACE, then LAPSED; `associationId` null sweeps every association, `asOf` null means today. */
  'membership.dues.sweep': { associationId: string | null; asOf: string | null };
}

export const MEMBERSHIP_JOBS: { readonly [K in keyof MembershipJobPayloads]: JobDefinition } = {
  'membership.organizations.republish': {
    kind: 'BATCH',
    services: ['membership'],
    policy: BATCH_JOB_POLICY,
    description:
      "Re-emits every organization of an association as `membership.organization.updated`, so consumers' read models can be rebuilt. Reports progress per organization.",
  },
  'membership.members.import': {
    kind: 'BATCH',
    services: ['membership'],
    policy: BATCH_JOB_POLICY,
    description:
      'Imports member units from CSV. Payload `{ associationId: uuid, csv: string }`: the whole file as UTF-8 text (a BOM is allowed). ' +
      'Header line required; columns by Chinese or English name: 单位名称/name and 统一社会信用代码/creditCode (required), 会员等级/grade ' +
      '(会员, 理事单位, 常务理事单位, 副会长单位, 会长单位, 监事单位 or MEMBER…SUPERVISOR; default 会员), 法定代表人, 注册城市, 地址, ' +
      '成立日期 (YYYY-MM-DD), 业务领域 (names of the association\'s fields of work separated by ; or 、), 技术人员数. Every row is validated first; ' +
      'invalid rows are reported as batch errors with item `row <n>` (the header is row 1) and a message naming each bad column with its reason, and skipped. Valid rows are upserted by credit ' +
      'code in chunks (re-running the same file changes nothing); a unit without a live membership becomes an ACTIVE member with member and ' +
      'certificate numbers, paid through the end of the current year. Submit with job name `membership.members.import` and job id = a new UUID ' +
      'on queue `jobs-membership`; follow it with `batchRun(id)`.',
  },
  'membership.dues.sweep': {
    kind: 'SCHEDULED',
    services: ['membership'],
    policy: SCHEDULED_JOB_POLICY,
    schedule: { pattern: '30 2 * * *', payload: { associationId: null, asOf: null } },
    description:
      'Nightly dues sweep. Payload `{ associationId: uuid | null, asOf: "YYYY-MM-DD" | null }`. ACTIVE memberships paid only up to a date ' +
      'before `asOf` move to GRACE; GRACE memberships whose grace period (DUES_GRACE_DAYS) has also passed move to LAPSED. Each change is ' +
      'recorded in the membership history and published; the job returns `{ asOf, changed: [{ membershipId, memberNumber, name, previousStatus, status }] }`.',
  },
};
