import { DOMAIN_EVENT_CATALOG, DOMAIN_EVENT_TYPES } from './event-catalog';
import { JOB_CATALOG, JOB_NAMES } from './job-catalog';
import { eventQueueName, jobQueueName } from './queue-names';

/** docs/events.md, generated from the catalogs (a test fails when the checked-in file differs). */
export function renderCatalogMarkdown(): string {
  const lines = [
    '# Event and job catalog',
    '',
    '<!-- Generated from libs/messaging/src/catalog by `npm run generate`; do not edit by hand. -->',
    '',
    'Every event travels in an envelope: `id` (also the BullMQ job id), `type`, `version`, `associationId`',
    '(the tenant), `occurredAt`, `causationId`, `correlationId` (the request id), `payload`. Delivery is',
    'at least once; consumers record handled ids (inbox), so a redelivery has no second effect.',
    '',
    '## Domain events',
    '',
    '| event | version | producer | subscribers (queue) | meaning |',
    '|---|---|---|---|---|',
    ...DOMAIN_EVENT_TYPES.map((type) => {
      const d = DOMAIN_EVENT_CATALOG[type];
      const subscribers = d.subscribers.map((s) => `${s} (\`${eventQueueName(s)}\`)`).join(', ') || '—';
      return `| \`${type}\` | ${d.version} | ${d.producer} | ${subscribers} | ${d.description} |`;
    }),
    '',
    'Payload types: `DomainEventPayloads` in `libs/messaging/src/catalog/event-catalog.ts`.',
    '',
    '## Jobs',
    '',
    '| job | kind | runs in (queue) | retries | schedule | what it does |',
    '|---|---|---|---|---|---|',
    ...JOB_NAMES.map((name) => {
      const d = JOB_CATALOG[name];
      const where = d.services.map((s) => `${s} (\`${jobQueueName(s)}\`)`).join(', ');
      const retries = `${d.policy.attempts ?? 1} attempt(s)`;
      const schedule = d.schedule ? `\`${d.schedule.pattern ?? `every ${d.schedule.every} ms`}\`` : '—';
      return `| \`${name}\` | ${d.kind} | ${where} | ${retries} | ${schedule} | ${d.description} |`;
    }),
    '',
    'Payload types: `JobPayloads` in `libs/messaging/src/catalog/job-catalog.ts`. Batch jobs report progress',
    '(total, processed, succeeded, failed, per-item errors), readable with `batchRun(id)` while they run.',
    'Jobs and deliveries that exhaust their attempts stay as dead letters (`deadLetters`, `replayDeadLetter`).',
    '',
  ];
  return lines.join('\n');
}
