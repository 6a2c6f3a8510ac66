/** Issue 18, defect 8: one zone per case, the one most of its exhibits were read in. */
import { describe, expect, it } from 'vitest';
import { caseTimeZone } from '../../src/server/case-routes.js';

describe('caseTimeZone', () => {
  it('takes the zone most exhibits were read in; ties go to the first; none is UTC', () => {
    const z = (...zones: (string | null)[]) => caseTimeZone(zones.map((timezone) => ({ timezone })));
    expect(z('Europe/London', 'Europe/Paris', 'Europe/Paris')).toBe('Europe/Paris');
    expect(z('Europe/London', 'Europe/Paris')).toBe('Europe/London');
    expect(z(null, 'Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(z()).toBe('UTC');
    expect(z(null)).toBe('UTC');
  });
});
