import type { SenderIdentity } from '../../domain/message.js';
import { displayNameOf, isLidJid, phoneFromJid, phoneFromNumber, type OwnerInfo } from './common.js';
import type { DeviceParticipant } from './types.js';

/** A contact as wa.db (or iOS member tables) knows them. */
export interface ContactInfo {
  readonly number: string | null;
  /** Address-book name the owner saved. */
  readonly displayName: string | null;
  /** Push name the contact chose. */
  readonly pushName: string | null;
}

export interface Person {
  readonly identity: SenderIdentity;
  readonly displayName: string;
  /** The JID as the source wrote it (an @lid where it used one). */
  readonly rawJid: string;
}

/**
 * Turns JIDs into people: @lid identities are mapped to phone JIDs where the database maps them,
 * then names come from contacts (address book, push name), then the phone, then the JID's user.
 */
export class IdentityBook {
  private readonly cache = new Map<string, Person>();

  constructor(
    readonly owner: OwnerInfo,
    private readonly contacts: ReadonlyMap<string, ContactInfo>,
    private readonly lidToPhoneJid: ReadonlyMap<string, string>,
    /** Extra push names (iOS ZWAPROFILEPUSHNAME), by JID. */
    private readonly pushNames: ReadonlyMap<string, string> = new Map(),
  ) {}

  ownerPerson(): Person {
    return {
      identity: this.owner.identity,
      displayName: this.owner.displayName,
      rawJid: this.owner.jid ?? 'owner',
    };
  }

  isOwnerJid(jid: string): boolean {
    const mapped = this.lidToPhoneJid.get(jid) ?? jid;
    return this.owner.jid !== null && mapped === this.owner.jid;
  }

  /** The person behind a JID, with an optional name the row itself carries (iOS member name). */
  person(rawJid: string, rowContactName: string | null = null, rowPushName: string | null = null): Person {
    if (this.isOwnerJid(rawJid)) return { ...this.ownerPerson(), rawJid };
    const cacheKey = `${rawJid}\u0000${rowContactName ?? ''}\u0000${rowPushName ?? ''}`;
    const hit = this.cache.get(cacheKey);
    if (hit) return hit;
    const mapped = isLidJid(rawJid) ? (this.lidToPhoneJid.get(rawJid) ?? null) : null;
    const jid = mapped ?? rawJid;
    const contact = this.contacts.get(jid) ?? this.contacts.get(rawJid) ?? null;
    const identity: SenderIdentity = {
      jid,
      phone: phoneFromJid(jid) ?? phoneFromNumber(contact?.number),
      pushName:
        rowPushName ?? contact?.pushName ?? this.pushNames.get(jid) ?? this.pushNames.get(rawJid) ?? null,
      contactName: rowContactName ?? contact?.displayName ?? null,
      isOwner: false,
    };
    const person = { identity, displayName: displayNameOf(identity), rawJid };
    this.cache.set(cacheKey, person);
    return person;
  }
}

/** Collects a conversation's participants, first mention wins, members listed now marked current. */
export class ParticipantList {
  private readonly byKey = new Map<string, DeviceParticipant>();

  add(person: Person, isAdmin: boolean | null, current: boolean | null): void {
    const key = person.identity.jid ?? person.rawJid;
    const had = this.byKey.get(key);
    if (had) {
      if (had.current !== true && current === true) this.byKey.set(key, { ...had, current, isAdmin });
      return;
    }
    this.byKey.set(key, {
      key,
      displayName: person.displayName,
      identity: person.identity,
      isAdmin,
      current,
    });
  }

  list(): DeviceParticipant[] {
    return [...this.byKey.values()];
  }
}
