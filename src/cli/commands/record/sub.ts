/**
 * What every `scrutineer record …` subcommand shares: `recordSub` declares a subcommand on CASE that
 * opens the store, builds the record service (with --force REASON where an event's date is set) and
 * prints the result (a table, a line, or JSON with --json); and the small option parsers.
 */
import { Option, type Command } from 'commander';

import { findPerson } from '../../../cases/people-service.js';
import { todayInEngland } from '../../../cases/periods.js';
import { RecordService } from '../../../cases/record-service.js';
import type { CaseRecordData, TeamMember } from '../../../contract/record.js';
import { UsageError } from '../../../domain/errors.js';
import type { Store } from '../../../store/open-store.js';
import { actor, globalOptions, withStore, type CliContext, type GlobalOptions } from '../../context.js';
import { printJson } from '../../output.js';
import { requireCase } from '../shared.js';

export interface Ctx {
  readonly store: Store;
  readonly service: RecordService;
  readonly opts: GlobalOptions;
  readonly record: () => Promise<CaseRecordData>;
}

export type Opts = Record<string, string | string[] | boolean | undefined>;

export const str = (o: Opts, k: string): string | undefined => o[k] as string | undefined;
export const strs = (o: Opts, k: string): string[] => (o[k] as string[] | undefined) ?? [];
export const bool = (o: Opts, k: string): boolean | undefined => o[k] as boolean | undefined;

/** `value` if it is one of `list` (a contract word list), else a one-line usage error (exit 2). */
export function word<T extends string>(value: string, list: readonly T[], flag: string): T {
  if (!(list as readonly string[]).includes(value))
    throw new UsageError(`${flag} must be one of ${list.join(', ')} (got "${value}")`);
  return value as T;
}

/**
 * An option that takes one word of a contract list: --help shows the choices, and any other value
 * is refused as the command line is read (exit 2, one line), before the store is opened.
 */
export function oneOf<T extends string>(
  flags: string,
  list: readonly T[],
  opts: { description?: string; required?: boolean; fallback?: T } = {},
): Option {
  const flag = flags.split(/[ ,]/u)[0]!;
  const o = new Option(flags, opts.description ?? '')
    .choices(list)
    .argParser((v: string) => word(v, list, flag));
  if (opts.fallback !== undefined) o.default(opts.fallback);
  return opts.required ? o.makeOptionMandatory() : o;
}

/** The value of an option declared with `oneOf` under the key `k` (its flag, camelCased). */
export function picked<T extends string>(o: Opts, k: string, list: readonly T[]): T | undefined {
  const v = str(o, k);
  return v === undefined
    ? undefined
    : word(v, list, `--${k.replace(/[A-Z]/gu, (c) => `-${c.toLowerCase()}`)}`);
}

export function ids(spec: string | undefined, what: string): number[] {
  if (!spec) return [];
  return spec
    .split(/[,\s]+/u)
    .filter(Boolean)
    .map((s) => {
      if (!/^\d+$/u.test(s)) throw new UsageError(`${what}: "${s}" is not a message id`);
      return Number(s);
    });
}

export function intArg(value: string, what: string): number {
  if (!/^\d+$/u.test(value)) throw new UsageError(`${what} must be a number (got "${value}")`);
  return Number(value);
}

/** "Name:role" → { name, role }. */
export function member(spec: string): TeamMember {
  const i = spec.lastIndexOf(':');
  return i > 0
    ? { name: spec.slice(0, i).trim(), role: spec.slice(i + 1).trim() }
    : { name: spec.trim(), role: null };
}

export const person = (record: CaseRecordData, ref: string): number => findPerson(record.people, ref).id;

/** A variadic positional argument's values. */
export const many = (a: unknown): string[] => (Array.isArray(a) ? (a as string[]) : [String(a)]);

/** The CLI's clock: the one place `scrutineer record` reads the system time. */
export const now = (): Date => new Date();
export const today = (): string => todayInEngland(now());

/** Declares one record subcommand; see `recordSub`. */
export type Sub = (
  spec: string,
  description: string,
  configure: (c: Command) => Command,
  handler: (x: Ctx, args: string[], o: Opts) => Promise<unknown>,
  print?: (x: Ctx, result: unknown, o: Opts) => void | Promise<void>,
) => Command;

/** The `sub` of the `record` command: each subcommand on CASE runs with the record service. */
export function recordSub(record: Command, ctx: CliContext): Sub {
  return (
    spec: string,
    description: string,
    configure: (c: Command) => Command,
    handler: (x: Ctx, args: string[], o: Opts) => Promise<unknown>,
    print?: (x: Ctx, result: unknown, o: Opts) => void | Promise<void>,
  ) => {
    const cmd = configure(record.command(spec).description(description));
    // `record case --force` names police forces; every change of an event takes --force REASON.
    const forceable = !/^(case|subject|mark|show|deadlines|timeline|summary) /u.test(spec);
    if (forceable)
      cmd.option(
        '--force <reason>',
        'a date before the investigation started is right: say why (kept in the audit entry)',
      );
    cmd.action(async (...all: unknown[]) => {
      const c = all.at(-1) as Command;
      const o = all.at(-2) as Opts;
      const [caseName, ...args] = all.slice(0, -2) as string[];
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName!);
        const force = forceable ? (str(o, 'force') ?? null) : null;
        if (forceable && force !== null && !force.trim())
          throw new UsageError('--force needs a reason: --force "why this date is right"');
        const service = new RecordService(store, theCase.id, actor(ctx), { force, now });
        const x: Ctx = { store, service, opts, record: () => service.load() };
        const result = await handler(x, args, o);
        if (print && !opts.json) await print(x, result, o);
        else if (opts.json) printJson(ctx.io, result);
        else {
          const rows = (Array.isArray(result) ? result : [result]) as ({ id?: number } | null)[];
          const idList = rows.map((r) => r?.id).filter((id): id is number => typeof id === 'number');
          ctx.io.out(`Recorded ${spec.split(' ')[0]}${idList.length ? ` ${idList.join(', ')}` : ''}\n`);
        }
      });
    });
    return cmd;
  };
}

export const publishable = (c: Command) => c.option('--publishable', 'may appear in the public summary');
