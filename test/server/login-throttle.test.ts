import { describe, expect, it } from 'vitest';

import { LoginThrottle } from '../../src/server/login-throttle.js';

describe('LoginThrottle (failed logins per address)', () => {
  it('blocks an address at the limit until its oldest failure leaves the window', () => {
    let now = 1_000_000;
    const t = new LoginThrottle(3, 60_000, () => now);
    for (let i = 0; i < 2; i++) t.fail('203.0.113.7');
    expect(t.retryAfterMs('203.0.113.7')).toBeNull();
    now += 10_000;
    t.fail('203.0.113.7');
    expect(t.retryAfterMs('203.0.113.7')).toBe(50_000);
    expect(t.retryAfterMs('203.0.113.8')).toBeNull();
    now += 50_000;
    // The first two failures are out of the window now: one left.
    expect(t.retryAfterMs('203.0.113.7')).toBeNull();
    t.fail('203.0.113.7');
    expect(t.retryAfterMs('203.0.113.7')).toBeNull();
    t.fail('203.0.113.7');
    expect(t.retryAfterMs('203.0.113.7')).toBe(10_000);
  });
});
