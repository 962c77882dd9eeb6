/**
 * Who already exists in the target: users holding one of the batch's external ids, e-mail
 * addresses or phone numbers, asked as many values to a call as the target's filters take.
 */
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
  const ask = async (values: string[], filterOf: (chunk: string[]) => UserFilter) => {
    const perCall = target.limits.maxFilterValuesPerCall;
    for (let i = 0; i < values.length; i += perCall) {
      const filter = filterOf(values.slice(i, i + perCall));
      const page = await pacer.run(
        () =>
          target.listUsers(filter, { offset: 0, limit: target.limits.maxPageSize }, undefined, { signal }),
        signal,
      );
      for (const user of page.items) index(matches, user);
    }
  };
  await ask(wanted.externalIds, (externalIds) => ({ externalIds }));
  await ask(wanted.emails, (emails) => ({ emails }));
  await ask(wanted.phones, (phones) => ({ phones }));
  return matches;
}

function index(matches: TargetMatches, user: User): void {
  if (user.externalId) matches.byExternalId.set(user.externalId, user);
  for (const email of user.emailAddresses) matches.byEmail.set(emailKey(email.address), user);
  for (const phone of user.phoneNumbers) matches.byPhone.set(phone.number, user);
}
