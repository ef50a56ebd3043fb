import type { DomainEventDefinition } from './event-definition';

/** Events standards publishes. */
export interface StandardsEventPayloads {
  'standards.standard.transitioned': {
    standardId: string;
    from: string;
    to: string;
    /** ISO harmonized stage code of the new state, e.g. "40.20". */
    stageCode: string;
    reason: string | null;
    transitionedAt: string;
  };
  'standards.consultation.opened': {
    standardId: string;
    consultationId: string;
    title: string;
    opensOn: string;
    closesOn: string;
    public: boolean;
  };
  'standards.standard.published': {
    standardId: string;
    /** e.g. "T/WHCSA 001—2024". */
    code: string;
    title: string;
    publishedOn: string;
    implementedOn: string;
  };
}

export const STANDARDS_EVENTS: { readonly [K in keyof StandardsEventPayloads]: DomainEventDefinition } = {
  'standards.standard.transitioned': {
    version: 1,
    producer: 'standards',
    subscribers: [],
    description: 'A standard moved to another lifecycle state (with its ISO stage code).',
  },
  'standards.consultation.opened': {
    version: 1,
    producer: 'standards',
    subscribers: [],
    description: 'A public-comment consultation on a draft opened, with its closing date.',
  },
  'standards.standard.published': {
    version: 1,
    producer: 'standards',
    subscribers: [],
    description: 'A group standard was published under its code (T/<association> <seq>—<year>).',
  },
};
