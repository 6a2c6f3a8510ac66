/**
 * Issue 21.9: the membership timeline's tooltips (bars and "Conflict: …") escape the evidence's
 * names and details before ECharts puts them in the page as HTML. The browser test
 * (evidence-escaping.browser.test.ts) hovers the real chart; this covers the conflict tooltip too,
 * which needs contradicting records to appear in a real case.
 */
import { describe, expect, it } from 'vitest';
import { membershipData, membershipTooltip } from '../../web/src/components/membership-data.js';
import { escapeHtml, tooltipLines } from '../../web/src/lib/html.js';

const LINK = '<a href=https://evil.example/login>login again</a>';
const IMG = '<img src=x onerror=alert(1)>';

describe('membership tooltip escaping', () => {
  const data = membershipData(
    [
      {
        conversationId: 1,
        intervals: [
          {
            participant: LINK,
            participantKey: 'p1',
            from: { utc: '2023-03-01T09:00:00.000Z', basis: 'added by <b>Sgt</b>', certainty: 'seen' },
            to: { utc: null, basis: 'still a member', certainty: 'assumed' },
            certainty: 'seen',
            conflicts: [],
          },
        ],
        conflicts: [
          {
            participantKey: 'p1',
            kind: 'message_after_leaving',
            utc: '2023-03-05T09:00:00.000Z',
            detail: IMG,
          },
        ],
      },
    ] as never,
    new Map([[1, 'Team <i>3</i>']]),
    new Map([[1, { first: Date.parse('2023-03-01T09:00:00Z'), last: Date.parse('2023-06-15T07:01:00Z') }]]),
  );
  const tooltip = membershipTooltip(data, 'Europe/London');

  it('escapes names and bases in a bar tooltip', () => {
    const html = tooltip({ seriesName: 'Seen', data: { bar: 0 } });
    expect(html).not.toMatch(/<a |<b>/u);
    expect(html).toContain(escapeHtml(LINK));
    expect(html).toContain('added by &lt;b&gt;Sgt&lt;/b&gt;');
    // An open end is the conversation's last message, not the last membership event.
    expect(data.bars[0]?.to).toBe(Date.parse('2023-06-15T07:01:00Z'));
    expect(data.max).toBe(Date.parse('2023-06-15T07:01:00Z'));
  });

  it('escapes the participant and the detail in a conflict tooltip', () => {
    const html = tooltip({ seriesName: 'Conflict', data: { conflict: 0 } });
    expect(html).not.toMatch(/<img|<a /u);
    expect(html).toContain(`Conflict: ${escapeHtml(LINK)}`);
    expect(html).toContain(escapeHtml(IMG));
  });

  it('tooltipLines escapes every line and joins them with <br/>', () => {
    expect(tooltipLines(['<x>', `"&'`])).toBe('&lt;x&gt;<br/>&quot;&amp;&#39;');
  });
});
