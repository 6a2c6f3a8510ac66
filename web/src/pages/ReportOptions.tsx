import { useQuery } from '@tanstack/react-query';
import { getCase } from '../api/cases';
import { getConduct } from '../api/people';
import { count } from '../lib/format';

type Setter<T> = (value: T) => void;

/** The charge schedule's options: its format and the date its "days left" count from. */
export function ChargesOptions(props: {
  chargesFormat: 'xlsx' | 'pdf';
  setChargesFormat: Setter<'xlsx' | 'pdf'>;
  today: string;
  setToday: Setter<string>;
}) {
  const { chargesFormat, setChargesFormat, today, setToday } = props;
  return (
    <>
      <label>
        Format{' '}
        <select value={chargesFormat} onChange={(e) => setChargesFormat(e.target.value as 'xlsx' | 'pdf')}>
          <option value="xlsx">XLSX (spreadsheet)</option>
          <option value="pdf">PDF</option>
        </select>
      </label>
      <label>
        Days left as at <input type="date" value={today} onChange={(e) => setToday(e.target.value)} />{' '}
        <span className="muted small">(default: the date the inputs last changed)</span>
      </label>
    </>
  );
}

/** The unused-material schedule's options: its format. */
export function UnusedOptions(props: {
  unusedFormat: 'xlsx' | 'csv';
  setUnusedFormat: Setter<'xlsx' | 'csv'>;
}) {
  const { unusedFormat, setUnusedFormat } = props;
  return (
    <label>
      Format{' '}
      <select value={unusedFormat} onChange={(e) => setUnusedFormat(e.target.value as 'xlsx' | 'csv')}>
        <option value="xlsx">XLSX (spreadsheet, appendices as sheets)</option>
        <option value="csv">CSV (appendices as separate files)</option>
      </select>
    </label>
  );
}

/** The evidence bundle's options: its subject (chosen from the case's people) and the context around messages. */
export function BundleOptions(props: {
  caseId: number;
  person: string;
  setPerson: Setter<string>;
  context: number;
  setContext: Setter<number>;
}) {
  const { caseId, person, setPerson, context, setContext } = props;
  const people = useQuery({
    queryKey: ['conduct', caseId],
    queryFn: () => getConduct(caseId),
    staleTime: 60_000,
  });
  const subjects = (people.data?.people ?? []).filter(
    (p) => p.sent > 0 || p.receivedOffensiveWhileMember > 0,
  );
  return (
    <>
      {people.error || (people.data && subjects.length === 0) ? (
        <label>
          Subject (person id or name, or a participant's name){' '}
          <input value={person} onChange={(e) => setPerson(e.target.value)} />
        </label>
      ) : (
        <label>
          Subject{' '}
          <select value={person} onChange={(e) => setPerson(e.target.value)} disabled={!people.data}>
            <option value="">{people.data ? 'Choose…' : 'Loading people…'}</option>
            {subjects.map((p) => (
              <option key={p.person} value={p.person}>
                {p.name}
                {p.provisional ? ' (not yet identified)' : ''} — {count(p.sentOffensive)} offensive sent
              </option>
            ))}
          </select>
        </label>
      )}
      <ContextField value={context} onChange={setContext} />
    </>
  );
}

/** The RSMF export's options: which conversation, which dates, and whether only the hits (with context). */
export function RsmfOptions(props: {
  caseId: number;
  conversationId: string;
  setConversationId: Setter<string>;
  from: string;
  setFrom: Setter<string>;
  to: string;
  setTo: Setter<string>;
  hits: boolean;
  setHits: Setter<boolean>;
  context: number;
  setContext: Setter<number>;
}) {
  const { caseId, conversationId, setConversationId, from, setFrom, to, setTo, hits, setHits } = props;
  const { context, setContext } = props;
  const theCase = useQuery({
    queryKey: ['case', caseId],
    queryFn: () => getCase(caseId),
  });
  return (
    <>
      <label>
        Conversation{' '}
        <select value={conversationId} onChange={(e) => setConversationId(e.target.value)}>
          <option value="">All conversations</option>
          {(theCase.data?.conversations ?? []).map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label>
        From <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label>
        To (not including) <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label>
        <input type="checkbox" checked={hits} onChange={(e) => setHits(e.target.checked)} /> Only the
        offensive messages (codes, else flags), with context
      </label>
      {hits && <ContextField value={context} onChange={setContext} />}
    </>
  );
}

function ContextField({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  return (
    <label>
      Messages of context before and after{' '}
      <input
        type="number"
        min={0}
        max={500}
        value={value}
        onChange={(e) => onChange(Math.max(0, Math.min(500, Math.round(Number(e.target.value) || 0))))}
      />
    </label>
  );
}
