/**
 * Who already exists in the target: users holding one of the batch's external ids, e-mail
 * addresses or phone numbers, asked as many values to a call as the target's filters take.
 * The calls of a batch go out together (the pacer keeps them within the rate): one after
 * another, a 1,000-user batch's ~25 calls at Clerk's ~150 ms each cost the run 4 s of waiting.
 */
import PQueue from 'p-queue';
import type { Provider, User, UserFilter } from '../providers/types.js';
import { emailKey } from './mapping.js';
import type { Pacer } from './pacer.js';

export interface TargetMatches {
  byExternalId: Map<string, User>;
  byEmail: Map<string, User>;
  byPhone: Map<string, User>;
}

export async function lookUpTargets(
  target: Provider,
  pacer: Pacer,
  wanted: { externalIds: string[]; emails: string[]; phones: string[] },
  signal?: AbortSignal,
): Promise<TargetMatches> {
  const matches: TargetMatches = { byExternalId: new Map(), byEmail: new Map(), byPhone: new Map() };
  const calls = new PQueue({ concurrency: LOOKUPS_IN_FLIGHT });
  const asked: Promise<void>[] = [];
  const ask = (values: string[], filterOf: (chunk: string[]) => UserFilter) => {
    const perCall = target.limits.maxFilterValuesPerCall;
    for (let i = 0; i < values.length; i += perCall) {
      const filter = filterOf(values.slice(i, i + perCall));
      asked.push(
        calls.add(async () => {
          const page = await pacer.run(
            () =>
              target.listUsers(filter, { offset: 0, limit: target.limits.maxPageSize }, undefined, {
                signal,
              }),
            signal,
          );
          for (const user of page.items) index(matches, user);
        }),
      );
    }
  };
  ask(wanted.externalIds, (externalIds) => ({ externalIds }));
  ask(wanted.emails, (emails) => ({ emails }));
  ask(wanted.phones, (phones) => ({ phones }));
  try {
    await Promise.all(asked);
  } catch (error) {
    // The first failure is the batch's: the calls not started yet are not sent.
    calls.clear();
    throw error;
  }
  return matches;
}

/** Enough to cover a batch's calls at a provider's latency; the pacer, not this, sets the rate. */
const LOOKUPS_IN_FLIGHT = 16;

function index(matches: TargetMatches, user: User): void {
  if (user.externalId) matches.byExternalId.set(user.externalId, user);
  for (const email of user.emailAddresses) matches.byEmail.set(emailKey(email.address), user);
  for (const phone of user.phoneNumbers) matches.byPhone.set(phone.number, user);
}
