import type { ParsedMessage } from '../../src/domain/message.js';
import type { Store } from '../../src/store/open-store.js';
import { toMessageRow, type NewMessage } from '../../src/store/types.js';

export function parsed(overrides: Partial<ParsedMessage> & { utc?: string } = {}): ParsedMessage {
  const { utc, ...rest } = overrides;
  const seq = rest.seq ?? 0;
  return {
    seq,
    sender: 'Alice',
    kind: 'text',
    text: 'hello',
    time: {
      localText: '28/04/2021, 10:15',
      zone: 'Europe/London',
      utc: utc ?? '2021-04-28T09:15:00.000Z',
      resolution: 'exact',
    },
    edited: false,
    media: null,
    poll: null,
    location: null,
    system: null,
    source: {
      type: 'text',
      lineStart: seq + 1,
      lineEnd: seq + 1,
      byteStart: seq * 40,
      byteEnd: seq * 40 + 39,
    },
    ...rest,
  };
}

export interface Seeded {
  readonly caseId: number;
  readonly exhibitId: number;
  readonly conversationId: number;
}

let shaCounter = 0;
export function fakeSha(): string {
  shaCounter++;
  return shaCounter.toString(16).padStart(64, 'a');
}

/** A case with one exhibit and one conversation. */
export async function seed(
  store: Pick<Store, 'cases' | 'exhibits' | 'conversations'>,
  name = 'Operation Test',
): Promise<Seeded> {
  const c = await store.cases.create({ name, createdBy: 'DC Tester' });
  const e = await store.exhibits.create({
    caseId: c.id,
    ref: 'AB/1',
    originalName: 'WhatsApp Chat with Team.txt',
    size: 1234,
    sha256: fakeSha(),
    storedPath: 'exhibits/1/original.txt',
    format: 'whatsapp-text' as const,
    timezone: 'Europe/London',
    dateOrder: 'dmy',
    parser: 'whatsapp-text',
    parserVersion: '1',
    addedBy: 'DC Tester',
  });
  const conv = await store.conversations.create({ caseId: c.id, name: 'Team', exhibitId: e.id });
  return { caseId: c.id, exhibitId: e.id, conversationId: conv.id };
}

export function rows(s: Seeded, messages: ParsedMessage[]): NewMessage[] {
  return messages.map((m) => toMessageRow(m, s));
}
