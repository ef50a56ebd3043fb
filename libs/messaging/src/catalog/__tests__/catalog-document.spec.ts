import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderCatalogMarkdown } from '../render-catalog';
import { DOMAIN_EVENT_TYPES } from '../event-catalog';
import { JOB_NAMES } from '../job-catalog';

describe('docs/events.md', () => {
  const checkedIn = readFileSync(join(__dirname, '..', '..', '..', '..', '..', 'docs', 'events.md'), 'utf8');

  it('is what the catalog renders (run `npm run generate` after changing the catalog)', () => {
    expect(checkedIn).toEqual(renderCatalogMarkdown());
  });

  it('names every event and job', () => {
    for (const name of [...DOMAIN_EVENT_TYPES, ...JOB_NAMES]) expect(checkedIn).toContain(`\`${name}\``);
  });
});
