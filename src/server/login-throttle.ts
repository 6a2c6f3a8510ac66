/**
 * Failed logins per client address (issue 21, item 11). The route's rate limit counts attempts per
 * address *and username*, which password spraying (one password tried against many usernames from
 * one address) never trips. This counts failures per address alone, in a sliding window; while an
 * address is over the limit every login from it is refused before the password is checked. Only
 * failures count, so colleagues behind one office address who type their passwords right are
 * never locked out by each other.
 */
export const ADDRESS_FAILURES = 30;
export const ADDRESS_WINDOW_MS = 15 * 60 * 1000;
/** Addresses remembered at most (the oldest are forgotten first), so memory stays bounded. */
const MAX_ADDRESSES = 10_000;

export class LoginThrottle {
  /** Failure times per address, oldest first; Map order is insertion order, oldest address first. */
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly max = ADDRESS_FAILURES,
    private readonly windowMs = ADDRESS_WINDOW_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `address` may try again, or null when it may now. */
  retryAfterMs(address: string): number | null {
    const times = this.recent(address);
    if (times.length < this.max) return null;
    return times[times.length - this.max]! + this.windowMs - this.now();
  }

  fail(address: string): void {
    const times = this.recent(address);
    times.push(this.now());
    this.failures.delete(address);
    this.failures.set(address, times);
    if (this.failures.size > MAX_ADDRESSES) {
      const oldest = this.failures.keys().next().value;
      if (oldest !== undefined) this.failures.delete(oldest);
    }
  }

  private recent(address: string): number[] {
    const since = this.now() - this.windowMs;
    const times = (this.failures.get(address) ?? []).filter((t) => t > since);
    if (times.length === 0) this.failures.delete(address);
    return times;
  }
}
