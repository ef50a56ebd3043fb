/** Roles a person or API client holds in one association (DESIGN §5). */
export enum Role {
  ADMIN = 'ADMIN',
  SECRETARIAT = 'SECRETARIAT',
  INVESTIGATOR = 'INVESTIGATOR',
  STANDARDS_OFFICER = 'STANDARDS_OFFICER',
  EVENTS_OFFICER = 'EVENTS_OFFICER',
  COUNCIL_MEMBER = 'COUNCIL_MEMBER',
  EXPERT = 'EXPERT',
  /** Represents one member organization; the grant names it. */
  MEMBER_REP = 'MEMBER_REP',
  INDIVIDUAL_MEMBER = 'INDIVIDUAL_MEMBER',
  /** Reads registers and statistics of the associations it supervises; never writes. */
  REGULATOR = 'REGULATOR',
}

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  [Role.ADMIN]: 'Runs the association on Zilü: accounts, roles, API clients and every function of the secretariat.',
  [Role.SECRETARIAT]: 'Secretariat staff (秘书处): admissions, dues, conventions, cases, standards and events.',
  [Role.INVESTIGATOR]: 'Handles complaints and records findings on the cases assigned to them.',
  [Role.STANDARDS_OFFICER]: 'Runs group-standard projects from proposal to publication.',
  [Role.EVENTS_OFFICER]: 'Runs congresses, meetings, forums and trainings.',
  [Role.COUNCIL_MEMBER]: 'Sits on the council: votes on its resolutions and approvals.',
  [Role.EXPERT]: 'Member of the expert pool (专家库): reviews standard projects and sits on panels.',
  [Role.MEMBER_REP]: "Represents one member organization: applies, signs conventions, files complaints on its behalf.",
  [Role.INDIVIDUAL_MEMBER]: 'An individual member of the association.',
  [Role.REGULATOR]: 'A supervising authority (主管部门): reads registers and statistics across the associations it supervises.',
};

/** Roles that may see and change the association's own administration. */
export const STAFF_ROLES: readonly Role[] = [Role.ADMIN, Role.SECRETARIAT];
