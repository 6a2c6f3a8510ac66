/**
 * An error the user can act on: it names the file and, where it applies, the line. The CLI prints
 * `message` and exits non-zero; nothing else about it needs a stack trace.
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly details: { readonly file?: string; readonly line?: number; readonly code?: string } = {},
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** A command given wrongly (an option's value, a missing option): exit code 2, like commander's own. */
export class UsageError extends UserError {
  constructor(message: string, details: { readonly code?: string } = {}) {
    super(message, { code: 'usage', ...details });
    this.name = 'UsageError';
  }
}

/** Bad evidence: the message always starts with the file (and line) so it can be found. */
export class EvidenceError extends UserError {
  constructor(file: string, problem: string, line?: number, code = 'bad_evidence') {
    super(line === undefined ? `${file}: ${problem}` : `${file}:${line}: ${problem}`, { file, line, code });
    this.name = 'EvidenceError';
  }
}
