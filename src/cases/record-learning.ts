/**
 * Learning recommendations (Police Reform Act 2002, Sch. 3 para 28A): making one, extending the
 * time for the response, recording the response and its publication. Each runs in
 * `RecordWriter.change` (one transaction with its audit entry).
 */
import { UserError } from '../domain/errors.js';
import type { RecordWriter } from './record-writer.js';
import * as rules from './rules.js';
import { RECOMMENDATION_BASIS, type ActionInput, type RecommendationResponse } from '../contract/record.js';

export type RecommendationInput = ActionInput<'recommendation'>;

export function recommendation(w: RecordWriter, i: RecommendationInput) {
  return w.change('recommendation', async (repos, _record, dates) => {
    dates.check(i.on, '--on', { partial: true });
    if (i.recipients.length === 0)
      throw new UserError('a learning recommendation needs a --recipient organisation');
    const result = await w.insert(repos, 'record_recommendations', {
      publishable: i.publishable ?? false,
      reference: i.reference,
      recipients: i.recipients,
      text: i.text,
      rationale: i.rationale ?? null,
      legalBasis: i.legalBasis ?? RECOMMENDATION_BASIS,
      madeOn: i.on,
      extensions: [],
      responseText: null,
      responseOn: null,
      response: null,
      publishedOn: null,
    });
    return { subject: `recommendation ${i.reference}`, detail: result, result };
  });
}

export function extend(w: RecordWriter, ref: string, i: { days: number; reason: string; on: string }) {
  return w.change('extend', async (repos, record, dates) => {
    dates.check(i.on, '--on');
    const rec = rules.findRecommendation(record, ref);
    if (!(Number.isInteger(i.days) && i.days > 0))
      throw new UserError('--days must be a whole number above 0');
    if (rec.responseOn) throw new UserError(`recommendation ${rec.reference} already has its response`);
    rules.checkOrder(
      rec.madeOn,
      i.on,
      `the extension (${i.on}) cannot be before the recommendation (${rec.madeOn})`,
    );
    const extensions = [...rec.extensions, { days: i.days, reason: i.reason, grantedOn: i.on }];
    const result = await w.modify(repos, 'record_recommendations', rec.id, { extensions });
    return {
      subject: `recommendation ${rec.reference}`,
      detail: { days: i.days, reason: i.reason, on: i.on },
      result,
    };
  });
}

export function response(
  w: RecordWriter,
  ref: string,
  i: { on: string; text: string; response: RecommendationResponse },
) {
  return w.change('response', async (repos, record, dates) => {
    dates.check(i.on, '--on', { partial: true });
    const rec = rules.findRecommendation(record, ref);
    rules.checkResponse(rec, i.on);
    const result = await w.modify(repos, 'record_recommendations', rec.id, {
      responseText: i.text,
      responseOn: i.on,
      response: i.response,
    });
    return { subject: `recommendation ${rec.reference}`, detail: i, result };
  });
}

export function publishResponse(w: RecordWriter, ref: string, on: string, url?: string) {
  return w.change('publish', async (repos, record, dates) => {
    dates.check(on, '--on');
    const rec = rules.findRecommendation(record, ref);
    rules.checkPublication(rec, on);
    const result = await w.modify(repos, 'record_recommendations', rec.id, {
      publishedOn: on,
      responseUrl: url ?? null,
    });
    return {
      subject: `recommendation ${rec.reference}`,
      detail: { publishedOn: on, url: url ?? null },
      result,
    };
  });
}
