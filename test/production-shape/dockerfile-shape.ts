/**
 * A small Dockerfile reader (stages, instructions, ARG/ENV, exec-form JSON) and a .dockerignore
 * matcher with Docker's rules, for the checks in compose-file.spec.ts.
 */

export interface Instruction {
  keyword: string;
  args: string;
}

export interface Stage {
  /** The base as written (`${NODE_IMAGE}`) and resolved against the global ARGs. */
  from: string;
  base: string;
  name?: string;
  instructions: Instruction[];
}

export interface Dockerfile {
  globalArgs: Record<string, string>;
  stages: Stage[];
}

/** Joins continuation lines, drops comments and parser directives, splits keyword from arguments. */
export function parseDockerfile(text: string): Dockerfile {
  const logical: string[] = [];
  let pending = '';
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.startsWith('#') || (pending === '' && trimmed === '')) continue;
    if (trimmed.endsWith('\\')) {
      pending += `${trimmed.slice(0, -1).trim()} `;
      continue;
    }
    logical.push(`${pending}${trimmed}`.trim());
    pending = '';
  }
  if (pending.trim()) logical.push(pending.trim());

  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of logical) {
    const space = line.search(/\s/);
    const keyword = (space < 0 ? line : line.slice(0, space)).toUpperCase();
    const args = space < 0 ? '' : line.slice(space + 1).trim();
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const from = words[0];
      const as = words.findIndex((word) => word.toUpperCase() === 'AS');
      stages.push({ from, base: substitute(from, globalArgs), name: as >= 0 ? words[as + 1] : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (keyword === 'ARG') {
        const [name, value] = args.split('=', 2);
        if (value !== undefined) globalArgs[name] = unquote(value);
      }
    } else {
      stages[stages.length - 1].instructions.push({ keyword, args });
    }
  }
  return { globalArgs, stages };
}

function substitute(value: string, variables: Record<string, string>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (_, braced?: string, bare?: string) => variables[(braced ?? bare) as string] ?? '');
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** Splits on whitespace outside quotes, keeping quoted text together (quotes removed). */
function words(text: string): string[] {
  return [...text.matchAll(/(?:[^\s"']+|"(?:[^"\\]|\\.)*"|'[^']*')+/g)].map((match) =>
    match[0].replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, (_, double?: string, single?: string) => double ?? single ?? ''),
  );
}

/** The stages a stage is built on, itself last (`FROM deps AS build` builds on deps). */
export function lineage(dockerfile: Dockerfile, stage: Stage): Stage[] {
  const parent = dockerfile.stages.find((candidate) => candidate !== stage && candidate.name === stage.from);
  return parent ? [...lineage(dockerfile, parent), stage] : [stage];
}

/** ENV in effect at the end of a stage, including what it inherits from the stages it builds on. */
export function environmentOfStage(dockerfile: Dockerfile, stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const ancestor of lineage(dockerfile, stage)) {
    for (const { keyword, args } of ancestor.instructions) {
      if (keyword !== 'ENV') continue;
      const parts = words(args);
      if (parts.length > 0 && !parts[0].includes('=')) {
        env[parts[0]] = parts.slice(1).join(' '); // legacy `ENV NAME value`
      } else {
        for (const part of parts) {
          const at = part.indexOf('=');
          if (at > 0) env[part.slice(0, at)] = part.slice(at + 1);
        }
      }
    }
  }
  return env;
}

export function instructionsOf(dockerfile: Dockerfile, stage: Stage, keyword: string): string[] {
  return lineage(dockerfile, stage).flatMap((s) => s.instructions.filter((i) => i.keyword === keyword).map((i) => i.args));
}

/** The last USER of a stage (or its ancestors); root when there is none. */
export function userOfStage(dockerfile: Dockerfile, stage: Stage): string {
  const users = instructionsOf(dockerfile, stage, 'USER');
  return users.length ? users[users.length - 1] : 'root';
}

export function isRootUser(user: string): boolean {
  const name = user.split(':')[0].trim();
  return name === '' || name === 'root' || name === '0';
}

export interface Copy {
  from?: string;
  sources: string[];
  destination: string;
}

export function copiesOf(stage: Stage): Copy[] {
  return stage.instructions
    .filter((i) => i.keyword === 'COPY')
    .map((i) => {
      const parts = words(i.args);
      const from = parts.find((p) => p.startsWith('--from='))?.slice('--from='.length);
      const paths = parts.filter((p) => !p.startsWith('--'));
      return { from, sources: paths.slice(0, -1), destination: paths[paths.length - 1] };
    });
}

/** ENTRYPOINT/CMD in exec form, parsed as the JSON array Docker reads. */
export function execForm(args: string): string[] {
  const parsed: unknown = JSON.parse(args);
  if (!Array.isArray(parsed) || !parsed.every((p) => typeof p === 'string')) throw new Error(`not an exec-form array: ${args}`);
  return parsed;
}

/** The exec form of a HEALTHCHECK (after its --options and CMD). */
export function healthcheckExecForm(args: string): string[] {
  const cmd = /(?:^|\s)CMD\s+(\[.*\])\s*$/.exec(args);
  if (!cmd) throw new Error(`HEALTHCHECK is not CMD [exec form]: ${args}`);
  return execForm(cmd[1]);
}

// ---------------------------------------------------------------------------------------------------
// .dockerignore

interface IgnoreRule {
  pattern: RegExp;
  negate: boolean;
}

/** Docker's rules: the last matching pattern wins; a pattern matches a path or any of its parents. */
export function dockerIgnore(text: string): (path: string) => boolean {
  const rules: IgnoreRule[] = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const clean = (negate ? line.slice(1) : line).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      return { pattern: globToRegExp(clean), negate };
    });
  return (path: string): boolean => {
    const parts = path.split('/');
    const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
    let excluded = false;
    for (const rule of rules) {
      if (candidates.some((candidate) => rule.pattern.test(candidate))) excluded = !rule.negate;
    }
    return excluded;
  };
}

function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i += 1) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` matches any number of directories, including none.
      source += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
      i += glob[i + 2] === '/' ? 2 : 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else {
      source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}

// ---------------------------------------------------------------------------------------------------
// Checks

const NODE_20 = /^node:20(\.|-|$)/;

/** The runtime stage: the last one, which `docker build` produces. */
export function finalStage(dockerfile: Dockerfile): Stage | undefined {
  return dockerfile.stages[dockerfile.stages.length - 1];
}

/**
 * Multi-stage on Node 20; dependencies installed with `npm ci` from the lock file; the runtime stage
 * runs as a non-root user in production mode, with production dependencies only, dist/ and schema/.
 */
export function dockerfileProblems(dockerfile: Dockerfile): string[] {
  const problems: string[] = [];
  const { stages } = dockerfile;
  if (stages.length < 2) problems.push(`${stages.length} stage(s): the image must be built in stages`);
  for (const stage of stages) {
    const onStage = stages.some((other) => other !== stage && other.name === stage.from);
    if (!onStage && !NODE_20.test(stage.base)) problems.push(`stage ${stage.name ?? stage.from}: based on ${stage.base || stage.from}, expected node:20`);
  }
  const runs = stages.flatMap((stage) => stage.instructions.filter((i) => i.keyword === 'RUN').map((i) => i.args));
  if (!runs.some((run) => /\bnpm ci\b/.test(run))) problems.push('no stage installs with npm ci');
  if (!runs.some((run) => /\bnode scripts\/build\.js\b/.test(run))) problems.push('no stage runs node scripts/build.js');

  const final = finalStage(dockerfile);
  if (!final) return problems;
  const user = userOfStage(dockerfile, final);
  if (isRootUser(user)) problems.push(`the runtime stage runs as ${user || 'root'}`);
  const env = environmentOfStage(dockerfile, final);
  if (env.NODE_ENV !== 'production') problems.push(`the runtime stage has NODE_ENV=${env.NODE_ENV ?? '(unset)'}, expected production`);

  // Production dependencies only: installed here with --omit=dev, or copied from a stage that did.
  const omitsDev = (run: string): boolean => /\bnpm ci\b/.test(run) && /--omit[= ]dev\b/.test(run);
  const ownInstalls = instructionsOf(dockerfile, final, 'RUN').filter((run) => /\bnpm (ci|install|i)\b/.test(run));
  if (ownInstalls.some((run) => !omitsDev(run))) problems.push('the runtime stage installs dev dependencies');
  const copies = lineage(dockerfile, final).flatMap(copiesOf);
  const modules = copies.find((copy) => copy.sources.some((source) => /(^|\/)node_modules\/?$/.test(source)));
  if (modules) {
    const source = stages.find((stage) => stage.name === modules.from);
    const sourceRuns = source ? instructionsOf(dockerfile, source, 'RUN') : [];
    if (!source || !sourceRuns.some(omitsDev) || sourceRuns.some((run) => /\bnpm ci\b/.test(run) && !omitsDev(run))) {
      problems.push(`node_modules comes from ${modules.from ?? 'the build context'}, which does not install with npm ci --omit=dev only`);
    }
  } else if (!ownInstalls.some(omitsDev)) {
    problems.push('the runtime stage has no node_modules from npm ci --omit=dev');
  }
  for (const needed of ['dist', 'schema']) {
    const copied = copies.some((copy) => copy.sources.some((source) => new RegExp(`(^|/)${needed}/?$`).test(source)));
    if (!copied) problems.push(`the runtime stage does not copy ${needed}/`);
  }
  return problems;
}
