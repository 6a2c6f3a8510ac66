/**
 * The public investigation summary a watchdog publishes, generated from the record: messages
 * analysed and group members, the officers, notices, the referral to the prosecutor, charges and
 * verdicts, hearing findings, outcomes, the barred list, and learning recommendations with their
 * responses. Only facts marked publishable appear; an officer is named only where the investigator
 * marked the name public (otherwise "Officer A", "Officer B", … in the order they were added, or the
 * label the investigator chose).
 *
 * The summary is Markdown (a small subset: `#`/`##` headings, `- ` list items, paragraphs; facts are
 * backslash-escaped); `toHtml` renders that subset with every piece of text HTML-escaped, so an
 * edited draft cannot inject markup either.
 */
import { list, longDate, mdText, plural, sentence } from './summary-sections.js';
import * as section from './summary-sections.js';
import type { SummaryFacts } from './summary-facts.js';
import type { CaseRecordData, RecordPerson } from '../contract/record.js';

export { list, longDate, mdText, plural, sentence };
export type { SummaryFacts };

/** The HTML page title of the summary (the CLI's `--format html` and the API's). */
export const summaryTitle = (record: CaseRecordData): string =>
  `${record.details?.operation ?? 'Investigation'}: investigation summary`;

/** Public names: the name where marked public, else the chosen label, else Officer A, B, … */
export function publicNames(record: CaseRecordData): Map<number, string> {
  const out = new Map<number, string>();
  const subjects = record.people.filter((p) => p.role === 'subject');
  subjects.forEach((p, i) => {
    const s = record.subjects.find((x) => x.personId === p.id);
    const letter = i < 26 ? String.fromCharCode(65 + i) : String(i + 1);
    out.set(p.id, s?.namePublic ? p.name : (s?.label ?? `Officer ${letter}`));
  });
  return out;
}

function describe(p: RecordPerson): string {
  const status =
    p.status === 'former'
      ? 'former police officer'
      : p.status === 'special'
        ? 'special constable'
        : p.status === 'staff'
          ? 'police staff'
          : 'serving police officer';
  return `${status}${p.force ? `, ${p.force}` : ''}`;
}

/** The officers whose publishable facts the summary states. */
function officers(x: section.Ctx): void {
  const pub = <T extends { publishable: boolean }>(xs: readonly T[]) => xs.filter((v) => v.publishable);
  const allegationOf = new Map(x.record.allegations.map((a) => [a.id, a]));
  const mentioned = new Set<number>([
    ...pub(x.record.notices).map((n) => n.personId),
    ...pub(x.record.counts)
      .filter((c) => c.chargedOn !== null)
      .map((c) => c.personId),
    ...pub(x.record.findings).map((f) => allegationOf.get(f.allegationId)!.personId),
    ...pub(x.record.outcomes).map((o) => o.personId),
    ...pub(x.record.barred).map((b) => b.personId),
  ]);
  const people = x.record.people.filter((p) => mentioned.has(p.id));
  if (people.length === 0) return;
  x.out.push('## The officers', '');
  for (const p of people) x.out.push(`- ${x.who(p.id)}: ${mdText(describe(p))}`);
  x.out.push('');
}

export function generateSummary(record: CaseRecordData, facts: SummaryFacts): string {
  const names = publicNames(record);
  const x: section.Ctx = {
    record,
    facts,
    who: (id) => mdText(names.get(id) ?? `person ${id}`),
    out: [],
  };
  const d = record.details?.publishable ? record.details : null;
  x.out.push(`# ${mdText(d?.operation ?? record.caseName)}: investigation summary`, '');
  section.headline(x);
  officers(x);
  section.notices(x);
  section.criminal(x);
  section.hearings(x);
  section.outcomes(x);
  section.barredList(x);
  section.recommendations(x);
  while (x.out.at(-1) === '') x.out.pop();
  return `${x.out.join('\n')}\n`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => HTML_ESCAPES[c]!);
/** Markdown text to HTML text: backslash escapes undone, then everything escaped. */
const inline = (s: string) => escapeHtml(s.replace(/\\(.)/gu, '$1'));

/** Renders the summary's Markdown subset as a complete HTML document. */
export function toHtml(markdown: string, title = 'Investigation summary'): string {
  const body: string[] = [];
  let paragraph: string[] = [];
  let inList = false;
  const flush = () => {
    if (paragraph.length) body.push(`<p>${paragraph.map(inline).join(' ')}</p>`);
    paragraph = [];
    if (inList) body.push('</ul>');
    inList = false;
  };
  for (const raw of markdown.split(/\r?\n/u)) {
    const line = raw.trimEnd();
    const h = /^(#{1,6})\s+(.*)$/u.exec(line);
    if (line.trim() === '') flush();
    else if (h) {
      flush();
      const n = h[1]!.length;
      body.push(`<h${n}>${inline(h[2]!)}</h${n}>`);
    } else if (/^\s*[-*]\s+/u.test(line)) {
      if (paragraph.length) {
        body.push(`<p>${paragraph.map(inline).join(' ')}</p>`);
        paragraph = [];
      }
      if (!inList) body.push('<ul>');
      inList = true;
      body.push(`<li>${inline(line.replace(/^\s*[-*]\s+/u, ''))}</li>`);
    } else if (inList && /^\s+/u.test(line)) {
      const last = body.pop()!;
      body.push(last.replace(/<\/li>$/u, ` ${inline(line.trim())}</li>`));
    } else {
      if (inList) {
        body.push('</ul>');
        inList = false;
      }
      paragraph.push(line.trim());
    }
  }
  flush();
  return `<!doctype html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n</head>\n<body>\n${body.join('\n')}\n</body>\n</html>\n`;
}
