/**
 * `npm run docs:check`: every relative link in the README, BENCHMARKS.md, docs/ and the READMEs
 * under src/ points to a file that exists, and a `#fragment` to a heading of that file, so a page
 * moved or a heading renamed fails CI instead of leaving a dead link.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const pages = [
  'README.md',
  'BENCHMARKS.md',
  ...markdownUnder('docs'),
  ...markdownUnder('src').filter((path) => path.endsWith('README.md')),
];

const problems: string[] = [];
for (const page of pages) {
  for (const { target, line } of linksOf(join(root, page))) {
    const problem = check(page, target);
    if (problem) problems.push(`${page}:${line}: ${target}: ${problem}`);
  }
}

if (problems.length > 0) {
  console.error(`${problems.length} broken link${problems.length > 1 ? 's' : ''}:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(`docs:check: the relative links of ${pages.length} pages all resolve`);

function markdownUnder(folder: string): string[] {
  if (!existsSync(join(root, folder))) return [];
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .map((name) => join(folder, name))
    .sort();
}

/** Links outside fenced code blocks and inline code; external ones (a scheme) are not checked. */
function linksOf(file: string): { target: string; line: number }[] {
  const links: { target: string; line: number }[] = [];
  let fenced = false;
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((text, index) => {
      if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
      if (fenced) return;
      const prose = text.replace(/`[^`]*`/g, '');
      for (const match of prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)) {
        const target = match[1]!;
        if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) links.push({ target, line: index + 1 });
      }
    });
  return links;
}

function check(page: string, target: string): string | undefined {
  const [path = '', fragment] = target.split('#', 2);
  const file = path === '' ? join(root, page) : resolve(dirname(join(root, page)), decodeURIComponent(path));
  if (!file.startsWith(root)) return 'points outside the repository';
  if (!existsSync(file)) return `no file ${relative(root, file)}`;
  if (fragment === undefined || !file.endsWith('.md') || statSync(file).isDirectory()) return undefined;
  return anchorsOf(file).has(fragment) ? undefined : `no heading with the anchor #${fragment}`;
}

/** The anchors GitHub gives a page's headings: lowercased, punctuation dropped, spaces to dashes. */
function anchorsOf(file: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let fenced = false;
  for (const text of readFileSync(file, 'utf8').split('\n')) {
    if (/^\s*(```|~~~)/.test(text)) fenced = !fenced;
    const heading = fenced ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(text);
    if (!heading) continue;
    const slug = heading[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}
