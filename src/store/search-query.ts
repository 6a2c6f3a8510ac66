/**
 * The search box language, parsed once and rendered for each engine.
 *
 *   police racist            both words (implicit AND)
 *   police AND racist        the same
 *   police OR officer        either
 *   police NOT training      the first without the second (NOT needs something before it)
 *   "stop and search"        the words next to each other, in that order
 *   polic*                   any word starting with "polic"
 *   (a OR b) c               grouping
 *   😂                       the emoji (any skin tone or variant of a base emoji matches a search for the base)
 *
 * Operators are recognised only in upper case; "and", "or", "not" are ordinary words. Words are
 * normalised with `toSearchText` and split into the same tokens the index holds, so a word like
 * "stop-and-search" or "hi😂" becomes a phrase of its tokens. The rendered strings are always passed
 * to the database as bound parameters; tokens are quoted for each engine's query syntax as well.
 */
import { UserError } from '../domain/errors.js';
import { searchTokens, toSearchText } from './search-text.js';

export type SearchNode =
  /** One or more tokens that must appear next to each other; `prefix` applies to the last token. */
  | { readonly type: 'phrase'; readonly tokens: readonly string[]; readonly prefix: boolean }
  | { readonly type: 'and'; readonly children: readonly SearchNode[] }
  | { readonly type: 'or'; readonly children: readonly SearchNode[] }
  /** Matches `include` but not `exclude`. */
  | { readonly type: 'not'; readonly include: SearchNode; readonly exclude: SearchNode };

type Token =
  | { kind: 'word'; text: string; prefix: boolean; at: number }
  | { kind: 'phrase'; text: string; prefix: boolean; at: number }
  | { kind: 'and' | 'or' | 'not' | 'lparen' | 'rparen'; at: number };

/**
 * Levels of AND/OR/NOT nesting a search may have. SQLite's FTS5 parser has a fixed stack (about a
 * hundred entries) and fails with "parser stack overflow" well before a hundred nested groups; a
 * real search needs a handful. Chains of NOT are flattened (`a NOT b NOT c` is `a NOT (b OR c)`),
 * so they do not count towards it.
 */
export const MAX_SEARCH_DEPTH = 16;
/** Parentheses deeper than this are refused while parsing (the parser recurses per level). */
const MAX_PAREN_DEPTH = 64;

const HELP =
  'Use words, "quoted phrases", prefix* searches, AND, OR, NOT (in capitals) and parentheses, e.g. ' +
  '(police OR officer) NOT training';

function fail(query: string, problem: string, at?: number): never {
  const where = at === undefined ? '' : ` at character ${at + 1}`;
  throw new UserError(`Search "${query}": ${problem}${where}. ${HELP}`, { code: 'bad_search' });
}

function lex(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = query.length;
  while (i < n) {
    const ch = query[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch === '(' ? 'lparen' : 'rparen', at: i });
      i++;
      continue;
    }
    if (ch === '"' || ch === '\u201C' || ch === '\u201D') {
      const start = i;
      let j = i + 1;
      while (j < n && query[j] !== '"' && query[j] !== '\u201D' && query[j] !== '\u201C') j++;
      if (j >= n) fail(query, 'the quotation mark is never closed', start);
      const text = query.slice(i + 1, j);
      j++;
      let prefix = false;
      if (query[j] === '*') {
        prefix = true;
        j++;
      }
      tokens.push({ kind: 'phrase', text, prefix, at: start });
      i = j;
      continue;
    }
    const start = i;
    let j = i;
    while (j < n && !/[\s()"\u201C\u201D]/u.test(query[j]!)) j++;
    const raw = query.slice(start, j);
    i = j;
    if (raw === 'AND' || raw === 'OR' || raw === 'NOT') {
      tokens.push({ kind: raw === 'AND' ? 'and' : raw === 'OR' ? 'or' : 'not', at: start });
      continue;
    }
    let text = raw;
    let prefix = false;
    if (text.endsWith('*')) {
      text = text.replace(/\*+$/u, '');
      prefix = true;
    }
    if (text.includes('*')) fail(query, `"*" can only end a word ("${raw}")`, start);
    if (text === '') fail(query, '"*" must follow the start of a word, e.g. polic*', start);
    tokens.push({ kind: 'word', text, prefix, at: start });
  }
  return tokens;
}

export function parseSearchQuery(query: string): SearchNode {
  const tokens = lex(query);
  if (tokens.length === 0) fail(query, 'there is nothing to search for');
  const parser = new QueryParser(query, tokens);
  const node = parser.parseOr();
  parser.expectEnd();
  if (depth(node) > MAX_SEARCH_DEPTH)
    fail(
      query,
      `the search is nested more than ${MAX_SEARCH_DEPTH} levels deep (groups within groups); simplify it`,
    );
  return node;
}

function describe(t: Token): string {
  return t.kind === 'word' || t.kind === 'phrase' ? t.text : t.kind.toUpperCase();
}

/** Recursive descent over the tokens: OR binds loosest, then AND (or juxtaposition) and NOT. */
class QueryParser {
  private pos = 0;
  private parens = 0;

  constructor(
    private readonly query: string,
    private readonly tokens: readonly Token[],
  ) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  parseOr(): SearchNode {
    const children = [this.parseAnd()];
    while (this.peek()?.kind === 'or') {
      this.pos++;
      const next = this.peek();
      if (!next || next.kind === 'rparen')
        fail(this.query, 'OR needs something after it', this.tokens[this.pos - 1]!.at);
      children.push(this.parseAnd());
    }
    return children.length === 1 ? children[0]! : { type: 'or', children };
  }

  private parseAnd(): SearchNode {
    const first = this.peek();
    if (first?.kind === 'not')
      fail(this.query, 'NOT needs something before it, e.g. police NOT training', first.at);
    if (first?.kind === 'and' || first?.kind === 'or')
      fail(this.query, `${first.kind.toUpperCase()} needs something before it`, first.at);
    const parts: SearchNode[] = [this.parsePrimary()];
    for (;;) {
      const t = this.peek();
      if (!t || t.kind === 'or' || t.kind === 'rparen') break;
      if (t.kind === 'not') {
        this.pos++;
        const exclude = this.parseExcluded(t);
        const node = parts.length === 1 ? parts[0]! : { type: 'and' as const, children: [...parts] };
        parts.length = 0;
        parts.push(excluding(node, exclude));
        continue;
      }
      if (t.kind === 'and') {
        this.pos++;
        this.checkAfterAnd(t);
      }
      parts.push(this.parsePrimary());
    }
    return parts.length === 1 ? parts[0]! : { type: 'and', children: parts };
  }

  /** What follows a NOT: a word, phrase or group. */
  private parseExcluded(not: Token): SearchNode {
    const next = this.peek();
    if (!next || next.kind === 'rparen' || next.kind === 'or' || next.kind === 'and' || next.kind === 'not')
      fail(this.query, 'NOT needs a word, phrase or group after it', not.at);
    return this.parsePrimary();
  }

  private checkAfterAnd(and: Token): void {
    const next = this.peek();
    if (!next || next.kind === 'rparen' || next.kind === 'or' || next.kind === 'and')
      fail(this.query, 'AND needs something after it', and.at);
    if (next.kind === 'not') fail(this.query, 'write "a NOT b" rather than "a AND NOT b"', next.at);
  }

  private parsePrimary(): SearchNode {
    const t = this.peek();
    if (!t) return fail(this.query, 'the search ends too early');
    this.pos++;
    switch (t.kind) {
      case 'lparen':
        return this.parseGroup(t);
      case 'word':
      case 'phrase':
        return this.phrase(t);
      default:
        return fail(this.query, `unexpected ${describe(t)}`, t.at);
    }
  }

  /** A parenthesised group, its "(" already taken. */
  private parseGroup(open: Token): SearchNode {
    if (this.peek()?.kind === 'rparen') fail(this.query, 'the parentheses are empty', open.at);
    if (++this.parens > MAX_PAREN_DEPTH)
      fail(this.query, `the parentheses are nested more than ${MAX_PAREN_DEPTH} deep`, open.at);
    const inner = this.parseOr();
    this.parens--;
    const close = this.peek();
    if (close?.kind !== 'rparen') fail(this.query, 'the parenthesis is never closed', open.at);
    this.pos++;
    return inner;
  }

  private phrase(t: Extract<Token, { kind: 'word' | 'phrase' }>): SearchNode {
    const words = searchTokens(toSearchText(t.text));
    if (words.length === 0) {
      fail(
        this.query,
        t.kind === 'phrase'
          ? 'the quoted phrase has no letters, digits or emoji to search for'
          : `"${t.text}" has no letters, digits or emoji to search for`,
        t.at,
      );
    }
    return { type: 'phrase', tokens: words, prefix: t.prefix };
  }

  /** Every token must have been read: what is left is an error. */
  expectEnd(): void {
    const rest = this.peek();
    if (rest)
      fail(
        this.query,
        rest.kind === 'rparen' ? 'there is a ")" without a "("' : `unexpected ${describe(rest)}`,
        rest.at,
      );
  }
}

/** `node NOT exclude`; (x NOT b) NOT c is x NOT (b OR c): one level, however long the chain. */
function excluding(node: SearchNode, exclude: SearchNode): SearchNode {
  return node.type === 'not'
    ? { type: 'not', include: node.include, exclude: either(node.exclude, exclude) }
    : { type: 'not', include: node, exclude };
}

function either(a: SearchNode, b: SearchNode): SearchNode {
  return { type: 'or', children: [...(a.type === 'or' ? a.children : [a]), b] };
}

/** Levels of AND/OR/NOT above the deepest phrase. */
function depth(node: SearchNode): number {
  switch (node.type) {
    case 'phrase':
      return 0;
    case 'and':
    case 'or':
      return 1 + node.children.reduce((m, c) => Math.max(m, depth(c)), 0);
    case 'not':
      return 1 + Math.max(depth(node.include), depth(node.exclude));
  }
}

/** FTS5 string literal: double quotes, with any inner double quote doubled. */
function fts5Quote(token: string): string {
  return `"${token.replace(/"/gu, '""')}"`;
}

/** Whether any part of the query is a `prefix*` search (FTS5 expands those per lookup: slow to probe row by row). */
export function hasPrefix(node: SearchNode): boolean {
  switch (node.type) {
    case 'phrase':
      return node.prefix;
    case 'and':
    case 'or':
      return node.children.some(hasPrefix);
    case 'not':
      return hasPrefix(node.include) || hasPrefix(node.exclude);
  }
}

/** The distinct last tokens of the query's prefix* phrases (what a prefix expands from). */
export function prefixTokens(node: SearchNode): string[] {
  switch (node.type) {
    case 'phrase':
      return node.prefix && node.tokens.length ? [node.tokens[node.tokens.length - 1]!] : [];
    case 'and':
    case 'or':
      return [...new Set(node.children.flatMap(prefixTokens))];
    case 'not':
      return [...new Set([...prefixTokens(node.include), ...prefixTokens(node.exclude)])];
  }
}

/**
 * The same query with each prefix* phrase replaced by the phrases of the whole tokens it stands for
 * (`over*` → `overtime OR overdue`), where `expansion` lists them; a prefix it leaves out stays.
 * Exact: an index's prefix match is the OR of its tokens with that prefix.
 */
export function expandPrefixes(
  node: SearchNode,
  expansion: ReadonlyMap<string, readonly string[]>,
): SearchNode {
  switch (node.type) {
    case 'phrase': {
      const last = node.tokens[node.tokens.length - 1];
      const terms = node.prefix && last !== undefined ? expansion.get(last) : undefined;
      if (!terms || terms.length === 0) return node;
      const head = node.tokens.slice(0, -1);
      const phrases = terms.map((t): SearchNode => ({ type: 'phrase', tokens: [...head, t], prefix: false }));
      return phrases.length === 1 ? phrases[0]! : { type: 'or', children: phrases };
    }
    case 'and':
    case 'or':
      return { type: node.type, children: node.children.map((c) => expandPrefixes(c, expansion)) };
    case 'not':
      return {
        type: 'not',
        include: expandPrefixes(node.include, expansion),
        exclude: expandPrefixes(node.exclude, expansion),
      };
  }
}

/** Renders for SQLite FTS5 `MATCH`. Every token is a quoted string, so no token can act as syntax. */
export function toFts5Match(node: SearchNode): string {
  switch (node.type) {
    case 'phrase':
      return fts5Quote(node.tokens.join(' ')) + (node.prefix ? ' *' : '');
    case 'and':
      return node.children.map((c) => `(${toFts5Match(c)})`).join(' AND ');
    case 'or':
      return node.children.map((c) => `(${toFts5Match(c)})`).join(' OR ');
    case 'not':
      return `(${toFts5Match(node.include)}) NOT (${toFts5Match(node.exclude)})`;
  }
}

/** tsquery lexeme literal: single quotes, inner quotes and backslashes doubled. */
function tsQuote(token: string): string {
  return `'${token.replace(/\\/gu, '\\\\').replace(/'/gu, "''")}'`;
}

/** Renders for PostgreSQL `to_tsquery('simple', $1)`. */
export function toTsQuery(node: SearchNode): string {
  switch (node.type) {
    case 'phrase': {
      const parts = node.tokens.map(tsQuote);
      if (node.prefix) parts[parts.length - 1] += ':*';
      return parts.length === 1 ? parts[0]! : `(${parts.join(' <-> ')})`;
    }
    case 'and':
      return node.children.map((c) => `(${toTsQuery(c)})`).join(' & ');
    case 'or':
      return node.children.map((c) => `(${toTsQuery(c)})`).join(' | ');
    case 'not':
      return `(${toTsQuery(node.include)}) & !(${toTsQuery(node.exclude)})`;
  }
}
