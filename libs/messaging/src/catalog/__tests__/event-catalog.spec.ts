import { SERVICE_NAMES } from '@app/config';
import { DOMAIN_EVENT_CATALOG, DOMAIN_EVENT_TYPES, eventsProducedBy, eventsSubscribedBy, isDomainEventType } from '../event-catalog';

describe('DOMAIN_EVENT_CATALOG', () => {
  it.each(DOMAIN_EVENT_TYPES)('%s: producer is a service and not among its own subscribers', (type) => {
    const { producer, subscribers } = DOMAIN_EVENT_CATALOG[type];
    expect(SERVICE_NAMES).toContain(producer);
    expect(subscribers).not.toContain(producer);
  });

  it.each(DOMAIN_EVENT_TYPES)('%s: subscribers are known services, each once', (type) => {
    const { subscribers } = DOMAIN_EVENT_CATALOG[type];
    for (const subscriber of subscribers) expect(SERVICE_NAMES).toContain(subscriber);
    expect(new Set(subscribers).size).toBe(subscribers.length);
  });

  it.each(DOMAIN_EVENT_TYPES)('%s: named <producer>.<aggregate>.<change>, version >= 1, described', (type) => {
    const definition = DOMAIN_EVENT_CATALOG[type];
    expect(type).toMatch(new RegExp(`^${definition.producer}\\.[a-z-]+\\.[a-z-]+$`));
    expect(Number.isInteger(definition.version) && definition.version >= 1).toBe(true);
    expect(definition.description.length).toBeGreaterThan(10);
  });
});

describe('eventsSubscribedBy / eventsProducedBy', () => {
  it('routes the organization events to enforcement', () => {
    expect(eventsSubscribedBy('enforcement')).toEqual(expect.arrayContaining(['membership.organization.updated', 'membership.membership.status-changed']));
    expect(eventsProducedBy('membership')).toEqual(expect.arrayContaining(['membership.organization.updated', 'membership.membership.status-changed']));
  });

  it("lists a producer's own events only under it", () => {
    expect(eventsProducedBy('enforcement').every((type) => type.startsWith('enforcement.'))).toBe(true);
    expect(eventsSubscribedBy('membership').some((type) => type.startsWith('membership.'))).toBe(false);
  });

  it('agrees with the catalog for every service', () => {
    for (const service of SERVICE_NAMES) {
      for (const type of eventsSubscribedBy(service)) expect(DOMAIN_EVENT_CATALOG[type].subscribers).toContain(service);
      for (const type of eventsProducedBy(service)) expect(DOMAIN_EVENT_CATALOG[type].producer).toBe(service);
      expect(eventsSubscribedBy(service).filter((type) => eventsProducedBy(service).includes(type))).toEqual([]);
    }
    const produced = SERVICE_NAMES.flatMap((service) => eventsProducedBy(service));
    expect(produced.sort()).toEqual([...DOMAIN_EVENT_TYPES].sort());
  });
});

describe('isDomainEventType', () => {
  it('knows catalogued names only, not inherited object keys', () => {
    expect(isDomainEventType('membership.organization.updated')).toBe(true);
    expect(isDomainEventType('membership.organization.deleted')).toBe(false);
    expect(isDomainEventType('toString')).toBe(false);
    expect(isDomainEventType('__proto__')).toBe(false);
  });
});
