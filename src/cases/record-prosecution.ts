/**
 * Record actions of the criminal side (s127(1)(a) Communications Act 2003): the file to the
 * prosecutor, charging decisions, counts, court appearances, verdicts, sentences and appeals. Each
 * runs in `RecordWriter.change` (one transaction with its audit entry); the rules are in rules.ts
 * and rules-process.ts.
 */
import { UserError } from '../domain/errors.js';
import type { Repos } from '../store/open-store.js';
import type { RecordWriter } from './record-writer.js';
import * as rules from './rules.js';
import { checkCountMessages } from './rules-process.js';
import { OFFENCE_S127, type ActionInput, type Verdict } from '../contract/record.js';

/** Participant -> person, for every identity confirmed and not since rejected (the latest decision). */
async function confirmedIdentities(repos: Repos, caseId: number): Promise<Map<number, number>> {
  const latest = new Map<string, { participantId: number; personId: number; decision: string }>();
  for (const d of await repos.people.decisions(caseId)) latest.set(`${d.participantId}:${d.personId}`, d);
  const out = new Map<number, number>();
  for (const d of latest.values()) if (d.decision === 'confirmed') out.set(d.participantId, d.personId);
  return out;
}

export type ReferInput = ActionInput<'refer'>;

export function refer(w: RecordWriter, i: ReferInput) {
  return w.change('refer', async (repos, record, dates) => {
    dates.check(i.on, '--on', { beforeStart: 'allow', partial: true });
    const missing: string[] = [];
    for (const ref of i.exhibits) if (!(await repos.exhibits.findByRef(w.caseId, ref))) missing.push(ref);
    rules.checkReferral(record, i.on, missing);
    const result = await w.insert(repos, 'record_referrals', {
      publishable: i.publishable ?? false,
      referredOn: i.on,
      prosecutor: i.prosecutor ?? 'Crown Prosecution Service',
      exhibits: i.exhibits,
    });
    return { subject: `referral ${result.id}`, detail: result, result };
  });
}

export type ChargingInput = ActionInput<'charging'>;

export function chargingDecision(w: RecordWriter, i: ChargingInput) {
  return w.change('charging', async (repos, record, dates) => {
    dates.check(i.on, '--on');
    rules.checkChargingDecision(record, i.personId, i.on);
    const result = await w.insert(repos, 'record_charging_decisions', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      decidedOn: i.on,
      decision: i.decision,
      note: i.note ?? null,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export type CountInput = ActionInput<'count'>;

/** A new count (proposed when `on` is absent, charged otherwise). */
export function count(w: RecordWriter, i: CountInput) {
  return w.change('charge', async (repos, record, dates) => {
    if (i.on) dates.check(i.on, '--on');
    const times = await repos.record.messageTimes(w.caseId, i.messageIds);
    rules.checkCount(
      record,
      { personId: i.personId, messageIds: i.messageIds, chargedOn: i.on ?? null },
      times,
    );
    checkCountMessages(
      record,
      rules.subject(record, i.personId),
      await repos.record.messageSenders(w.caseId, i.messageIds),
      await confirmedIdentities(repos, w.caseId),
    );
    if (new Set(i.messageIds).size !== i.messageIds.length)
      throw new UserError('a message appears twice in --messages', { code: 'count_duplicate' });
    const number =
      Math.max(0, ...record.counts.filter((c) => c.personId === i.personId).map((c) => c.number)) + 1;
    const result = await w.insert(repos, 'record_counts', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      number,
      offence: i.offence ?? OFFENCE_S127,
      description: i.description ?? null,
      messageIds: i.messageIds,
      chargedOn: i.on ?? null,
      verdict: null,
      verdictOn: null,
    });
    return { subject: `count ${result.id}`, detail: result, result };
  });
}

/** Charges a proposed count. */
export function chargeCount(w: RecordWriter, countId: number, on: string) {
  return w.change('charge', async (repos, record, dates) => {
    dates.check(on, '--on');
    const c = rules.findCount(record, countId);
    if (c.chargedOn) throw new UserError(`count ${countId} was already charged on ${c.chargedOn}`);
    const times = await repos.record.messageTimes(w.caseId, c.messageIds);
    rules.checkCharge(record, rules.subject(record, c.personId), c.messageIds, on, times);
    const result = await w.modify(repos, 'record_counts', countId, { chargedOn: on });
    return { subject: `count ${countId}`, detail: { chargedOn: on }, result };
  });
}

export type AppearanceInput = ActionInput<'appearance'>;

export function appearance(w: RecordWriter, i: AppearanceInput) {
  return w.change('appearance', async (repos, record, dates) => {
    dates.check(i.on, '--on', { partial: true });
    const p = rules.subject(record, i.personId);
    const charged = record.counts.filter((c) => c.personId === i.personId && c.chargedOn);
    if (charged.length === 0) throw new UserError(`${p.name} has not been charged: no court appearance`);
    rules.checkOrder(
      charged.map((c) => c.chargedOn!).sort()[0],
      i.on,
      `the court appearance (${i.on}) cannot be before the charge`,
    );
    const result = await w.insert(repos, 'record_appearances', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      appearedOn: i.on,
      court: i.court,
      purpose: i.purpose ?? null,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export function verdict(w: RecordWriter, countId: number, verdict: Verdict, on: string) {
  return w.change('verdict', async (repos, record, dates) => {
    dates.check(on, '--on', { partial: true });
    rules.checkVerdict(record, countId, on);
    const result = await w.modify(repos, 'record_counts', countId, { verdict, verdictOn: on });
    return { subject: `count ${countId}`, detail: { verdict, on }, result };
  });
}

export type SentenceInput = ActionInput<'sentence'>;

export function sentence(w: RecordWriter, i: SentenceInput) {
  return w.change('sentence', async (repos, record, dates) => {
    dates.check(i.on, '--on', { partial: true });
    rules.checkSentence(record, i.personId, i.on);
    const result = await w.insert(repos, 'record_sentences', {
      publishable: i.publishable ?? false,
      personId: i.personId,
      sentencedOn: i.on,
      sentence: i.sentence,
    });
    return { subject: `person ${i.personId}`, detail: result, result };
  });
}

export type AppealInput = ActionInput<'appeal'>;

/** Lodges an appeal (`on`), or records the outcome of the defendant's latest appeal. */
export function appeal(w: RecordWriter, i: AppealInput) {
  return w.change('appeal', async (repos, record, dates) => {
    if (i.outcomeOn) dates.check(i.outcomeOn, '--outcome-on', { partial: true });
    if (i.outcome && !i.outcomeOn) throw new UserError('give the date of the appeal outcome: --outcome-on');
    if (i.on) {
      dates.check(i.on, '--on', { partial: true });
      rules.checkAppeal(record, i.personId, i.on, i.outcomeOn ?? null);
      const result = await w.insert(repos, 'record_appeals', {
        publishable: i.publishable ?? false,
        personId: i.personId,
        lodgedOn: i.on,
        grounds: i.grounds ?? null,
        outcome: i.outcome ?? null,
        outcomeOn: i.outcomeOn ?? null,
      });
      return { subject: `person ${i.personId}`, detail: result, result };
    }
    const latest = record.appeals.filter((a) => a.personId === i.personId).at(-1);
    if (!latest) throw new UserError('no appeal is recorded for this defendant: give --on to lodge one');
    if (!i.outcome) throw new UserError('give --on to lodge an appeal, or --outcome and --outcome-on');
    rules.checkAppeal(record, i.personId, latest.lodgedOn, i.outcomeOn ?? null);
    const result = await w.modify(repos, 'record_appeals', latest.id, {
      outcome: i.outcome,
      outcomeOn: i.outcomeOn,
    });
    return { subject: `person ${i.personId}`, detail: { outcome: i.outcome, on: i.outcomeOn }, result };
  });
}
