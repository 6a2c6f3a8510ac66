import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { UsageError } from '../../domain/errors.js';
import {
  caseConduct,
  caseLinkProposals,
  caseMembership,
  decideIdentity,
  loadConductInput,
} from '../../analysis/conduct-case.js';
import { countsFor, summariseConduct } from '../../analysis/conduct/index.js';
import { PERSON_ROLES, PERSON_STATUSES, type PersonRole, type PersonStatus } from '../../contract/record.js';
import type { Employment } from '../../store/repositories/people.js';
import type { Store } from '../../store/open-store.js';
import { PeopleService, findPerson } from '../../cases/people-service.js';
import { actor, globalOptions, withStore, type CliContext } from '../context.js';
import { printJson, printTable } from '../output.js';
import { registerPersonUpdate } from './person-update.js';
import { requireCase } from './shared.js';

interface PersonOptions {
  name: string;
  role: string;
  force?: string;
  rank?: string;
  warrantNumber?: string;
  status?: string;
  barredListApplies?: string;
  employment?: string[];
}

/** "Force:2015-01-01:2019-06-30" (either date may be empty). */
function parseEmployment(spec: string): Employment {
  const [force, from, to] = spec.split(':');
  const date = (d: string | undefined) => {
    if (!d) return null;
    if (!DateTime.fromISO(d).isValid)
      throw new UsageError(`--employment "${spec}": "${d}" is not a date (YYYY-MM-DD)`);
    return d;
  };
  if (!force) throw new UsageError(`--employment "${spec}": give FORCE[:FROM[:TO]]`);
  return { force, from: date(from), to: date(to) };
}

async function resolvePerson(store: Store, caseId: number, ref: string): Promise<number> {
  return findPerson(await store.people.list(caseId), ref).id;
}

function windowOptions(o: { windowMessages?: string; windowMinutes?: string }) {
  const w: { messages?: number; minutes?: number } = {};
  if (o.windowMessages !== undefined) w.messages = Number(o.windowMessages);
  if (o.windowMinutes !== undefined) w.minutes = Number(o.windowMinutes);
  for (const [k, v] of Object.entries(w))
    if (!(v > 0)) throw new UsageError(`--window-${k} must be a positive number`);
  return Object.keys(w).length ? { window: w } : {};
}

export function registerPeople(program: Command, ctx: CliContext): void {
  const person = program.command('person').description("the case's people: subjects, witnesses and others");
  registerPersonAdd(person, ctx);
  registerPersonUpdate(person, ctx);
  registerPersonList(person, ctx);
  registerIdentify(program, ctx);
  registerConduct(program, ctx);
  registerMembership(program, ctx);
  registerCounts(program, ctx);
}

/** `person add`: a person of the case, checked before anything is written. */
function registerPersonAdd(person: Command, ctx: CliContext): void {
  person
    .command('add <case>')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', PERSON_ROLES.join(' | '))
    .option('--force <force>', 'current or last force')
    .option('--rank <rank>')
    .option('--warrant-number <number>')
    .option('--status <status>', PERSON_STATUSES.join(' | '))
    .option('--barred-list-applies <yes|no>')
    .option('--employment <force:from:to...>', 'employment history, e.g. "Met:2012-04-01:2018-09-30"')
    .action(async (caseName: string, o: PersonOptions, c: Command) => {
      const opts = globalOptions(c, ctx);
      if (!(PERSON_ROLES as readonly string[]).includes(o.role))
        throw new UsageError(`--role must be one of ${PERSON_ROLES.join(', ')}`);
      if (o.status && !(PERSON_STATUSES as readonly string[]).includes(o.status))
        throw new UsageError(`--status must be one of ${PERSON_STATUSES.join(', ')}`);
      if (o.barredListApplies && !['yes', 'no'].includes(o.barredListApplies))
        throw new UsageError('--barred-list-applies must be yes or no');
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const created = await new PeopleService(store, theCase.id, actor(ctx), () => new Date()).add({
          name: o.name,
          role: o.role as PersonRole,
          force: o.force ?? null,
          rank: o.rank ?? null,
          warrantNumber: o.warrantNumber ?? null,
          status: (o.status as PersonStatus | undefined) ?? null,
          barredListApplies: o.barredListApplies === undefined ? null : o.barredListApplies === 'yes',
          employment: (o.employment ?? []).map(parseEmployment),
        });
        if (opts.json) printJson(ctx.io, created);
        else ctx.io.out(`Person ${created.id}: ${created.name} (${created.role})\n`);
      });
    });
}

/** `person list`: the case's people with their employment. */
function registerPersonList(person: Command, ctx: CliContext): void {
  person.command('list <case>').action(async (caseName: string, _o, c: Command) => {
    const opts = globalOptions(c, ctx);
    await withStore(opts, async (store) => {
      const theCase = await requireCase(store, caseName);
      const people = await new PeopleService(store, theCase.id, actor(ctx), () => new Date()).list();
      if (opts.json) printJson(ctx.io, people);
      else
        printTable(
          ctx.io,
          people.map((p) => ({
            id: p.id,
            name: p.name,
            role: p.role,
            force: p.force,
            rank: p.rank,
            status: p.status,
            employment: p.employment.map((e) => `${e.force} ${e.from ?? '?'}–${e.to ?? ''}`).join('; '),
          })),
        );
    });
  });
}

/** `identify`: proposed participant links, or a decision on one. */
function registerIdentify(program: Command, ctx: CliContext): void {
  program
    .command('identify <case>')
    .description(
      'propose participant links from numbers, JIDs and names; --confirm/--reject record a decision',
    )
    .option('--confirm <participant>', 'participant id to confirm as --person')
    .option('--reject <participant>', 'participant id to reject as --person')
    .option('--person <person>', 'person id or name')
    .action(
      async (caseName: string, o: { confirm?: string; reject?: string; person?: string }, c: Command) => {
        const opts = globalOptions(c, ctx);
        await withStore(opts, async (store) => {
          const theCase = await requireCase(store, caseName);
          if (o.confirm || o.reject) {
            if (!o.person) throw new UsageError('--person is required with --confirm or --reject');
            const personId = await resolvePerson(store, theCase.id, o.person);
            const participant = Number(o.confirm ?? o.reject);
            await decideIdentity(
              store,
              theCase.id,
              participant,
              personId,
              o.confirm ? 'confirmed' : 'rejected',
              actor(ctx),
            );
            if (opts.json)
              printJson(ctx.io, {
                participant,
                person: personId,
                decision: o.confirm ? 'confirmed' : 'rejected',
              });
            else
              ctx.io.out(
                `Participant ${participant} ${o.confirm ? 'confirmed as' : 'rejected as'} person ${personId}\n`,
              );
            return;
          }
          const input = await loadConductInput(store, theCase.id);
          const proposals = await caseLinkProposals(store, theCase.id);
          // Every stored participant, also those a merge reads as another phone's same sender.
          const participants = input.allParticipants.map((p) => ({
            participant: Number(p.key.slice(1)),
            conversation: p.conversationId,
            name: p.displayName,
            phone: p.phone ?? null,
            jid: p.jid ?? null,
            pushName: p.pushName ?? null,
            // The phone's owner ("You" in an export, linked by --owner-name).
            owner: p.isOwner ?? false,
            confirmedAs: input.allConfirmedLinks.find((l) => l.participantKey === p.key)?.name ?? null,
          }));
          const named = (k: string) => input.participants.find((p) => p.key === k)?.displayName ?? k;
          if (opts.json) {
            printJson(ctx.io, {
              participants,
              proposals: proposals.map((p) => ({ ...p, a: Number(p.a.slice(1)), b: Number(p.b.slice(1)) })),
            });
            return;
          }
          printTable(ctx.io, participants);
          ctx.io.out('\nProposed links (confirm each with --confirm PARTICIPANT --person X)\n');
          printTable(
            ctx.io,
            proposals.map((p) => ({
              a: `${p.a.slice(1)} ${named(p.a)}`,
              b: `${p.b.slice(1)} ${named(p.b)}`,
              confidence: p.confidence,
              evidence: p.evidence.map((e) => `${e.kind}: ${e.detail}`).join('; '),
            })),
          );
        });
      },
    );
}

/** `conduct`: each person's conduct picture (suggestions, never findings). */
function registerConduct(program: Command, ctx: CliContext): void {
  program
    .command('conduct <case>')
    .description(
      "each person's conduct picture: sent, offensive sent, received while a member, endorsed, challenged, silent, standards (suggestions, never findings)",
    )
    .option('--window-messages <n>', 'responses: how many following messages (default 10)')
    .option('--window-minutes <n>', 'responses: how many minutes after (default 30)')
    .action(async (caseName: string, o: { windowMessages?: string; windowMinutes?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const { input, report } = await caseConduct(store, theCase.id, windowOptions(o));
        const summary = summariseConduct(report);
        if (opts.json) {
          printJson(ctx.io, {
            ...summary,
            basis: input.basis,
            offensiveMessages: report.offensiveMessages,
            merged: input.merged,
          });
          return;
        }
        ctx.io.out(
          `Offensive messages from ${input.basis.flagRun ? `flagger run ${input.basis.flagRun}` : 'no flagger run (run `scrutineer analyse` first)'}; suggestions, not findings.\n\n`,
        );
        printTable(
          ctx.io,
          summary.people.map((p) => ({
            person: p.name,
            sent: p.sent,
            offensive: p.sentOffensive,
            received: p.receivedOffensiveWhileMember,
            endorsed: p.endorsed,
            challenged: p.challenged,
            silent: p.silent,
            standards: p.standards.map((s) => s.standard).join('; '),
          })),
        );
      });
    });
}

/** `membership`: who was a member of each conversation, from when to when. */
function registerMembership(program: Command, ctx: CliContext): void {
  program
    .command('membership <case>')
    .description('who was a member of each conversation from when to when, with certainty and conflicts')
    .action(async (caseName: string, _o, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const timelines = await caseMembership(store, theCase.id);
        if (opts.json) {
          printJson(ctx.io, { timelines });
          return;
        }
        for (const t of timelines) {
          ctx.io.out(`\nConversation ${t.conversationId}\n`);
          printTable(
            ctx.io,
            t.intervals.map((i) => ({
              member: i.participant,
              from: i.from.utc ?? '(start)',
              to: i.to.utc ?? '(end)',
              certainty: i.certainty,
              conflicts: i.conflicts.length || '',
            })),
          );
        }
      });
    });
}

/** `counts`: candidate s127 counts per sender with their limitation dates. */
function registerCounts(program: Command, ctx: CliContext): void {
  program
    .command('counts <case>')
    .description('candidate s127(1)(a) counts per sender with their limitation dates')
    .option('--today <date>', 'YYYY-MM-DD (default: today)')
    .option('--evidence-sufficient <date>', 'the date the prosecutor had sufficient evidence (6-month limit)')
    .action(async (caseName: string, o: { today?: string; evidenceSufficient?: string }, c: Command) => {
      const opts = globalOptions(c, ctx);
      await withStore(opts, async (store) => {
        const theCase = await requireCase(store, caseName);
        const { input, report } = await caseConduct(store, theCase.id);
        const today = o.today ?? DateTime.now().setZone('Europe/London').toISODate()!;
        const counts = countsFor(report, input.messages, {
          today,
          evidenceSufficient: o.evidenceSufficient ?? null,
        });
        if (opts.json) printJson(ctx.io, { today, counts });
        else if (counts.length === 0)
          // Say so: an empty screen reads as a failure (issue 15 defect 8).
          ctx.io.out('No candidate counts: no offensive message is attributed to any person.\n');
        else
          for (const p of counts) {
            ctx.io.out(`\n${p.name}: ${p.counts.length} candidate count(s)\n`);
            printTable(
              ctx.io,
              p.counts.map((k) => ({
                message: k.messageId,
                sent: k.sentOn,
                categories: k.categories.join(', '),
                limitation: k.limitationDate,
                by: k.limitedBy,
                'days left': k.daysLeft,
              })),
            );
          }
      });
    });
}
