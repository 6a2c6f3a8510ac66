import type { ReactNode } from 'react';
import { senderLabel } from '@contract/sender-label';
import type { CaseRecord, CitedMessage, Deadline, RecordView } from '../../api/record';
import { href } from '../../lib/router';
import { AddForm, type FormSpec } from './ActionForm';
import { FORMS } from './forms';
import { day, word } from './words';

export interface SectionProps {
  readonly caseId: number;
  readonly view: RecordView;
  /** The lead's forms are shown; read-only users see none. */
  readonly canEdit: boolean;
  readonly today: string | undefined;
}

function Forms({ p, specs }: { p: SectionProps; specs: readonly FormSpec[] }) {
  if (!p.canEdit) return null;
  return (
    <div className="record-forms">
      {specs.map((s) => (
        <AddForm key={s.action} caseId={p.caseId} spec={s} record={p.view.record} today={p.today} />
      ))}
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="panel record-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

const Public = ({ on }: { on: boolean }) =>
  on ? (
    <span className="badge record-public" title="may appear in the public summary">
      public
    </span>
  ) : null;

const nameOf = (r: CaseRecord, id: number) => r.people.find((p) => p.id === id)?.name ?? `person ${id}`;

/** Links to the cited messages' places in their threads. */
function Messages({
  caseId,
  ids,
  cited,
}: {
  caseId: number;
  ids: readonly number[];
  cited: readonly CitedMessage[];
}) {
  if (ids.length === 0) return <span className="muted">none</span>;
  return (
    <span className="record-messages">
      {ids.map((id, i) => {
        const m = cited.find((c) => c.id === id);
        return (
          <span key={id}>
            {i > 0 && ', '}
            {m ? (
              <a
                href={href({ page: 'thread', caseId, conversationId: m.conversationId, seq: m.seq })}
                title={`${senderLabel(m.sender, m.displayedAuthor)}: ${m.excerpt}`}
              >
                message {id}
              </a>
            ) : (
              `message ${id}`
            )}
          </span>
        );
      })}
    </span>
  );
}

export function DetailsSection(p: SectionProps) {
  const r = p.view.record;
  const d = r.details;
  const rows: [string, ReactNode][] = [
    ['Reference', d?.reference],
    ['Operation', d?.operation],
    ['Investigating body', d?.investigatingBody],
    ['Mode', word(d?.mode)],
    ['Forces', d?.forces.join(', ')],
    ['Status', word(d?.status)],
    ['Referral', day(d?.referralDate)],
    ['Investigation started', day(d?.startDate)],
    ['Sufficient evidence (s127)', day(d?.evidenceSufficientDate)],
    ['Investigation report', day(d?.reportDate)],
    [
      'Messages analysed',
      d?.messagesAnalysed == null
        ? null
        : `${d.messagesAnalysedMoreThan ? 'more than ' : ''}${d.messagesAnalysed.toLocaleString('en-GB')}`,
    ],
    ['Team', d?.team.map((t) => (t.role ? `${t.name} (${t.role})` : t.name)).join(', ')],
    ['Progress reports sent', r.progressReports.map((x) => day(x.sentOn)).join(', ')],
  ];
  return (
    <Section id="record-details-title" title="Case details">
      {d === null ? (
        <p className="muted">No case details recorded yet.</p>
      ) : (
        <>
          <dl className="record-details">
            {rows.map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v || <span className="muted">—</span>}</dd>
              </div>
            ))}
          </dl>
          <p className="muted small">
            Headline facts {d.publishable ? 'may appear in' : 'stay out of'} the public summary. Last changed
            by {d.updatedBy}.
          </p>
        </>
      )}
      <Forms p={p} specs={[FORMS.case, FORMS.progress]} />
    </Section>
  );
}

export function SubjectsSection(p: SectionProps) {
  const r = p.view.record;
  const subjects = r.people.filter((x) => x.role === 'subject');
  const findingsOf = (allegationId: number) =>
    r.findings
      .filter((f) => f.allegationId === allegationId)
      .map((f) => `${word(f.finding)} (${day(f.foundOn)})`)
      .join('; ');
  return (
    <Section id="record-subjects-title" title="Subjects">
      {subjects.length === 0 && <p className="muted">No subjects in this case yet.</p>}
      {subjects.map((s) => {
        const settings = r.subjects.find((x) => x.personId === s.id);
        const allegations = r.allegations.filter((a) => a.personId === s.id);
        return (
          <article key={s.id} className="record-subject" aria-label={s.name}>
            <h3>
              {s.name}{' '}
              <span className="muted small">
                {[s.rank, word(s.status), s.force].filter(Boolean).join(', ')}
                {settings?.label ? `; named "${settings.label}" in the public summary` : ''}
                {settings?.namePublic ? '; name may be published' : ''}
              </span>
            </h3>
            <ul className="record-facts">
              {r.assessments
                .filter((a) => a.personId === s.id)
                .map((a) => (
                  <li key={`a${a.id}`}>
                    {day(a.assessedOn)}: assessed <strong>{word(a.severity)}</strong>
                    {a.rationale ? `: ${a.rationale}` : ''} <Public on={a.publishable} />
                  </li>
                ))}
              {r.notices
                .filter((n) => n.personId === s.id)
                .map((n) => (
                  <li key={`n${n.id}`}>
                    {day(n.servedOn)}: <strong>{word(n.kind)}</strong> served
                    {n.severity ? ` (${word(n.severity)})` : ''}
                    {n.standards.length ? `; ${n.standards.join(', ')}` : ''}
                    {n.conduct ? `; ${n.conduct}` : ''} <Public on={n.publishable} />
                  </li>
                ))}
              {r.interviews
                .filter((i) => i.personId === s.id)
                .map((i) => (
                  <li key={`i${i.id}`}>
                    {day(i.heldOn)}: interviewed ({word(i.kind)}){i.note ? `: ${i.note}` : ''}{' '}
                    <Public on={i.publishable} />
                  </li>
                ))}
            </ul>
            {allegations.length > 0 && (
              <table className="table record-table" aria-label={`Allegations against ${s.name}`}>
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">Standard</th>
                    <th scope="col">Description</th>
                    <th scope="col">Messages</th>
                    <th scope="col">Case to answer</th>
                    <th scope="col">Finding</th>
                  </tr>
                </thead>
                <tbody>
                  {allegations.map((a) => (
                    <tr key={a.id}>
                      <td>{a.id}</td>
                      <td>
                        {a.standard} <Public on={a.publishable} />
                      </td>
                      <td>{a.description}</td>
                      <td>
                        <Messages caseId={p.caseId} ids={a.messageIds} cited={p.view.citedMessages} />
                      </td>
                      <td>{a.caseToAnswer ? `${word(a.caseToAnswer)} (${day(a.caseToAnswerOn)})` : ''}</td>
                      <td>{findingsOf(a.id)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </article>
        );
      })}
      <Forms p={p} specs={[FORMS.person, FORMS.assess, FORMS.notice, FORMS.interview, FORMS.allegation]} />
    </Section>
  );
}

function limitationOf(
  deadlines: readonly Deadline[],
  personId: number,
  countNumber: number,
): Deadline | undefined {
  return deadlines.find(
    (d) =>
      d.kind === 's127_limitation' &&
      d.personId === personId &&
      d.about.startsWith(`count ${countNumber} of `),
  );
}

export function CriminalSection(p: SectionProps) {
  const r = p.view.record;
  return (
    <Section id="record-criminal-title" title="Criminal route">
      {r.referrals.length === 0 && r.counts.length === 0 && (
        <p className="muted">Nothing referred or charged yet.</p>
      )}
      <ul className="record-facts">
        {r.referrals.map((x) => (
          <li key={`r${x.id}`}>
            {day(x.referredOn)}: file referred to <strong>{x.prosecutor}</strong>
            {x.exhibits.length ? ` (exhibits ${x.exhibits.join(', ')})` : ''} <Public on={x.publishable} />
          </li>
        ))}
        {r.chargingDecisions.map((c) => (
          <li key={`c${c.id}`}>
            {day(c.decidedOn)}: charging decision on {nameOf(r, c.personId)}:{' '}
            <strong>{word(c.decision)}</strong>
            {c.note ? ` (${c.note})` : ''}
          </li>
        ))}
      </ul>
      {r.counts.length > 0 && (
        <table className="table record-table" aria-label="Counts">
          <thead>
            <tr>
              <th scope="col">Defendant</th>
              <th scope="col">Count</th>
              <th scope="col">Messages</th>
              <th scope="col">Limitation date</th>
              <th scope="col">Charged</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {r.counts.map((c) => {
              const l = limitationOf(p.view.deadlines, c.personId, c.number);
              return (
                <tr key={c.id}>
                  <td>{nameOf(r, c.personId)}</td>
                  <td>
                    {c.number}: {c.offence}
                    {c.description ? ` (${c.description})` : ''} <Public on={c.publishable} />
                  </td>
                  <td>
                    <Messages caseId={p.caseId} ids={c.messageIds} cited={p.view.citedMessages} />
                  </td>
                  <td className={l ? `deadline-${l.status}` : ''} title={l?.basis}>
                    {l ? day(l.due) : ''}
                  </td>
                  <td>{c.chargedOn ? day(c.chargedOn) : <span className="muted">proposed</span>}</td>
                  <td>{c.verdict ? `${word(c.verdict)} (${day(c.verdictOn)})` : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ul className="record-facts">
        {r.appearances.map((a) => (
          <li key={`ap${a.id}`}>
            {day(a.appearedOn)}: {nameOf(r, a.personId)} at {a.court}
            {a.purpose ? ` (${a.purpose})` : ''}
          </li>
        ))}
        {r.sentences.map((s) => (
          <li key={`s${s.id}`}>
            {day(s.sentencedOn)}: {nameOf(r, s.personId)} sentenced: <strong>{s.sentence}</strong>{' '}
            <Public on={s.publishable} />
          </li>
        ))}
        {r.appeals.map((a) => (
          <li key={`al${a.id}`}>
            {day(a.lodgedOn)}: {nameOf(r, a.personId)} appealed{a.grounds ? ` (${a.grounds})` : ''}
            {a.outcome ? `; ${word(a.outcome)} on ${day(a.outcomeOn)}` : ''}
          </li>
        ))}
      </ul>
      <Forms
        p={p}
        specs={[
          FORMS.refer,
          FORMS.charging,
          FORMS.count,
          FORMS.charge,
          FORMS.appearance,
          FORMS.verdict,
          FORMS.sentence,
          FORMS.appeal,
        ]}
      />
    </Section>
  );
}

export function MisconductSection(p: SectionProps) {
  const r = p.view.record;
  const allegation = (id: number) => r.allegations.find((a) => a.id === id);
  return (
    <Section id="record-misconduct-title" title="Misconduct route">
      {r.proceedings.length === 0 && r.outcomes.length === 0 && (
        <p className="muted">No meetings, hearings or outcomes yet.</p>
      )}
      {r.proceedings.map((x) => {
        const findings = r.findings.filter((f) => f.proceedingId === x.id);
        return (
          <article key={x.id} className="record-proceeding" aria-label={`${x.kind} ${x.id}`}>
            <h3>
              {word(x.level)} {x.kind} {x.id}{' '}
              <span className="muted small">
                {day(x.startOn)}
                {x.endOn && x.endOn !== x.startOn ? ` to ${day(x.endOn)}` : ''},{' '}
                {x.public ? 'in public' : 'in private'}
              </span>{' '}
              <Public on={x.publishable} />
            </h3>
            {findings.length > 0 && (
              <ul className="record-facts">
                {findings.map((f) => {
                  const a = allegation(f.allegationId);
                  return (
                    <li key={f.id}>
                      {day(f.foundOn)}:{' '}
                      {a ? `${nameOf(r, a.personId)}, ${a.standard}` : `allegation ${f.allegationId}`}:{' '}
                      <strong>{word(f.finding)}</strong> <Public on={f.publishable} />
                    </li>
                  );
                })}
              </ul>
            )}
          </article>
        );
      })}
      {r.outcomes.length > 0 && (
        <>
          <h3>Outcomes</h3>
          <ul className="record-facts" aria-label="Outcomes">
            {r.outcomes.map((o) => (
              <li key={o.id}>
                {day(o.decidedOn)}: {nameOf(r, o.personId)}: <strong>{word(o.outcome)}</strong>
                {o.proceedingId ? ` (at ${o.proceedingId})` : ''} <Public on={o.publishable} />
              </li>
            ))}
          </ul>
        </>
      )}
      {r.barred.length > 0 && (
        <>
          <h3>Barred list</h3>
          <ul className="record-facts" aria-label="Barred list">
            {r.barred.map((b) => (
              <li key={b.id}>
                {nameOf(r, b.personId)}:{' '}
                {b.list === 'not_applicable'
                  ? `the barred list does not apply (${b.reason ?? ''})`
                  : `reported to the ${b.list} list${b.reportedOn ? ` on ${day(b.reportedOn)}` : ''}`}{' '}
                <Public on={b.publishable} />
              </li>
            ))}
          </ul>
        </>
      )}
      <Forms
        p={p}
        specs={[FORMS.caseToAnswer, FORMS.proceeding, FORMS.finding, FORMS.outcome, FORMS.barred]}
      />
    </Section>
  );
}

export function LearningSection(p: SectionProps) {
  const r = p.view.record;
  const due = (kind: Deadline['kind'], ref: string) =>
    p.view.deadlines.find((d) => d.kind === kind && d.about.endsWith(`recommendation ${ref}`));
  return (
    <Section id="record-learning-title" title="Learning recommendations">
      {r.recommendations.length === 0 ? (
        <p className="muted">No learning recommendations yet.</p>
      ) : (
        <table className="table record-table" aria-label="Learning recommendations">
          <thead>
            <tr>
              <th scope="col">Ref</th>
              <th scope="col">To</th>
              <th scope="col">Recommendation</th>
              <th scope="col">Made</th>
              <th scope="col">Response due</th>
              <th scope="col">Response</th>
              <th scope="col">Published</th>
            </tr>
          </thead>
          <tbody>
            {r.recommendations.map((x) => {
              const rd = due('recommendation_response', x.reference);
              const pd = due('response_publication', x.reference);
              return (
                <tr key={x.id}>
                  <td>
                    {x.reference} <Public on={x.publishable} />
                  </td>
                  <td>{x.recipients.join('; ')}</td>
                  <td>{x.text}</td>
                  <td>{day(x.madeOn)}</td>
                  <td className={rd ? `deadline-${rd.status}` : ''} title={rd?.basis}>
                    {rd ? day(rd.due) : ''}
                    {x.extensions.length
                      ? ` (extended ${x.extensions.map((e) => `${e.days} days`).join(', ')})`
                      : ''}
                  </td>
                  <td>
                    {x.response ? (
                      <>
                        <strong>{word(x.response)}</strong> {day(x.responseOn)}: {x.responseText}
                      </>
                    ) : (
                      ''
                    )}
                  </td>
                  <td className={pd && !x.publishedOn ? `deadline-${pd.status}` : ''}>
                    {x.publishedOn ? day(x.publishedOn) : pd ? `due ${day(pd.due)}` : ''}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Forms p={p} specs={[FORMS.recommendation, FORMS.extend, FORMS.response, FORMS.publish]} />
    </Section>
  );
}
