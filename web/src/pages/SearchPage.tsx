import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { getCase } from '../api/cases';
import { useMemo, useState, type Dispatch, type FormEvent, type SetStateAction } from 'react';
import { search } from '../api/search';
import { FLAG_CATEGORIES } from '@contract/coding';
import { MESSAGE_KINDS } from '../../../src/domain/message.js';
import type { Message } from '../api/types';
import { QueryState } from '../components/QueryState';
import { SearchResultRow } from '../components/SearchResultRow';
import { SearchTermReportPanel } from '../components/SearchTermReportPanel';
import { SenderSuggestions } from '../components/SenderSuggestions';
import { TermListEditor } from '../components/TermListEditor';
import { useSession } from '../hooks/session';
import { categoryLabel } from '../lib/format';
import { navigate } from '../lib/router';
import { caseQueryKey } from '../lib/case-query';
import { saveHitTrail } from '../lib/hit-trail';
import { senderOrder } from '../lib/sender-colour';
import { saveHighlight, termsFromQuery } from '../lib/search-terms';

const FIELDS = ['q', 'sender', 'from', 'to', 'kind', 'category', 'minScore', 'status'] as const;
type Field = (typeof FIELDS)[number];
type Filters = Record<Field, string>;

function filtersFrom(params: URLSearchParams): Filters {
  return Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Filters;
}

const PAGE = 50;

export function SearchPage({ caseId, params }: { caseId: number; params: URLSearchParams }) {
  const applied = useMemo(() => filtersFrom(params), [params]);
  const [form, setForm] = useState<Filters>(applied);
  const active = FIELDS.some((f) => applied[f]);
  const terms = useMemo(() => termsFromQuery(applied.q), [applied.q]);
  const role = useSession().session?.user.role;
  const caseQ = useQuery({ queryKey: caseQueryKey(caseId), queryFn: () => getCase(caseId) });
  const senders = useMemo(() => senderOrder(caseQ.data?.activity ?? []).sort(), [caseQ.data]);

  const q = useInfiniteQuery({
    queryKey: ['search', caseId, applied],
    enabled: active,
    initialPageParam: null as string | number | null,
    queryFn: ({ pageParam }) => search(caseId, { ...applied, limit: PAGE, after: pageParam }),
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const hits: Message[] = q.data?.pages.flatMap((p) => p.hits) ?? [];
  // Counted with the first page (issue 18: totals, not "50 so far").
  const total = q.data?.pages[0]?.total ?? null;

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const f of FIELDS) if (form[f]) next.set(f, form[f]);
    // Persistent highlighting: the search terms stay marked in the thread view.
    if (form.q) saveHighlight(caseId, form.q);
    navigate({ page: 'search', caseId, params: next });
  }

  return (
    <section aria-labelledby="search-title" className="search-page">
      <h1 id="search-title">Search</h1>
      <SearchForm form={form} setForm={setForm} senders={senders} onSubmit={submit} />
      {active && <QueryState query={q} />}
      {active && q.data && <HitCount shown={hits.length} total={total} more={q.hasNextPage} />}
      {active && q.data && hits.length === 0 && applied.sender && (
        <SenderSuggestions
          caseId={caseId}
          name={applied.sender}
          onPick={(name) => {
            setForm({ ...form, sender: name });
            const next = new URLSearchParams(params);
            next.set('sender', name);
            navigate({ page: 'search', caseId, params: next });
          }}
        />
      )}
      <ol
        className="hits"
        onClickCapture={(e) => {
          // Opening a hit: the thread then offers the next and previous hit and the way back here.
          if ((e.target as Element).closest('a.hit-link'))
            saveHitTrail({
              caseId,
              back: window.location.hash,
              hits: hits.map((h) => ({ conversationId: h.conversationId, seq: h.seq })),
            });
        }}
      >
        {hits.map((m) => (
          <SearchResultRow key={m.id} caseId={caseId} message={m} terms={terms} />
        ))}
      </ol>
      {q.hasNextPage && (
        <button type="button" onClick={() => void q.fetchNextPage()} disabled={q.isFetchingNextPage}>
          {q.isFetchingNextPage ? 'Loading…' : 'More results'}
        </button>
      )}
      <SearchTermReportPanel caseId={caseId} canSave={role !== undefined && role !== 'readonly'} />
      {(role === 'lead' || role === 'admin') && <TermListEditor caseId={caseId} />}
    </section>
  );
}

/** How many hits: the total where the server counted it, else how many are shown so far. */
function HitCount({ shown, total, more }: { shown: number; total: number | null; more: boolean }) {
  const n = total ?? shown;
  return (
    <p className="muted" role="status">
      {total !== null && more ? `${shown} of ` : ''}
      {n} {n === 1 ? 'hit' : 'hits'}
      {total === null && more ? ' so far' : ''}
    </p>
  );
}

function SearchForm({
  form,
  setForm,
  senders,
  onSubmit,
}: {
  form: Filters;
  setForm: Dispatch<SetStateAction<Filters>>;
  senders: readonly string[];
  onSubmit: (e: FormEvent) => void;
}) {
  const set = (f: Field) => (e: { target: { value: string } }) => setForm({ ...form, [f]: e.target.value });
  return (
    <form className="search-form" onSubmit={onSubmit} role="search">
      <label className="search-q">
        Search terms
        <input
          type="search"
          name="q"
          value={form.q}
          onChange={set('q')}
          placeholder='words, "phrases", prefix*, AND/OR/NOT, emoji'
        />
      </label>
      <label>
        Sender
        <input name="sender" value={form.sender} onChange={set('sender')} list="case-senders" />
        {/* The case's senders to pick from (typing still finds any name). */}
        <datalist id="case-senders">
          {senders.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      </label>
      <label>
        From
        <input type="date" name="from" value={form.from} onChange={set('from')} />
      </label>
      <label>
        To
        <input type="date" name="to" value={form.to} onChange={set('to')} />
      </label>
      <label>
        Kind
        <select name="kind" value={form.kind} onChange={set('kind')}>
          <option value="">any</option>
          {MESSAGE_KINDS.map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        Flag category
        <select name="category" value={form.category} onChange={set('category')}>
          <option value="">any</option>
          {FLAG_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        Min score
        <input
          type="number"
          name="minScore"
          min={0}
          max={1}
          step={0.05}
          value={form.minScore}
          onChange={set('minScore')}
        />
      </label>
      <label>
        Review status
        <select name="status" value={form.status} onChange={set('status')}>
          <option value="">any</option>
          <option value="unreviewed">unreviewed</option>
          <option value="reviewed">reviewed</option>
          <option value="offensive">offensive</option>
          <option value="unsure">unsure</option>
        </select>
      </label>
      <button type="submit">Search</button>
    </form>
  );
}
