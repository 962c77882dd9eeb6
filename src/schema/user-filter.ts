/**
 * The filter and order inputs of the user list: every filter either provider has, each
 * documented with the provider that serves it. A provider given a filter it cannot express
 * refuses it before any upstream call: an `INVALID_INPUT` error naming `filter` and the field.
 */
import type { UserFilter, UserOrder } from '../providers/types.js';
import { builder } from './builder.js';
import { mostValues, onlyOn, valuesPerProvider } from './support.js';

const TimeRange = builder.inputType('TimeRange', {
  description: 'A range of time; either end may be open, both ends are exclusive.',
  fields: (t) => ({
    after: t.field({ type: 'DateTime', description: 'Only moments after this.' }),
    before: t.field({ type: 'DateTime', description: 'Only moments before this.' }),
  }),
});

const StringCondition = builder.inputType('StringCondition', {
  description: "A comparison on a string, in Passage's filter language; set exactly one field.",
  fields: (t) => ({
    equals: t.string({ description: 'Equal to.' }),
    notEquals: t.string({ description: 'Not equal to.' }),
    greaterThan: t.string({ description: 'Sorts after.' }),
    lessThan: t.string({ description: 'Sorts before.' }),
    like: t.string({ description: 'Matches: `%` is any run of characters; without `%`, a substring match.' }),
    notLike: t.string({ description: 'Does not match (as `like`).' }),
  }),
});

const IntCondition = builder.inputType('IntCondition', {
  description: 'A comparison on an integer; set exactly one field.',
  fields: (t) => ({
    equals: t.int({ description: 'Equal to.' }),
    notEquals: t.int({ description: 'Not equal to.' }),
    greaterThan: t.int({ description: 'Greater than.' }),
    lessThan: t.int({ description: 'Less than.' }),
  }),
});

const ListedStatus = builder.enumType('ListedUserStatus', {
  description: "A Passage user's status, as its list filter takes it (Clerk: filter on `banned`).",
  values: {
    ACTIVE: { description: 'Can sign in.' },
    INACTIVE: { description: 'Deactivated by an admin.' },
    PENDING: { description: 'Registration not completed.' },
  } as const,
});

export const UserFilterInput = builder.inputType('UserFilter', {
  description: 'Which users to list. Every field narrows the list; fields one provider lacks say so.',
  fields: (t) => ({
    emails: t.stringList({ description: `Any of these e-mail addresses (${valuesPerProvider('emails')}).` }),
    phones: t.stringList({
      description: `Any of these E.164 phone numbers (${valuesPerProvider('phones')}).`,
    }),
    query: t.string({
      description:
        'Free text: Clerk searches ids, e-mails, phones, usernames and names; Passage the e-mail or phone.',
    }),
    createdAt: t.field({
      type: TimeRange,
      description: 'Created within this range (Passage: one end only).',
    }),
    lastSignInAt: t.field({
      type: TimeRange,
      description: 'Last signed in within this range (Passage: one end only).',
    }),
    externalIds: t.stringList({
      description: `${onlyOn('externalIds')}: any of these external ids (${mostValues('externalIds')}).`,
    }),
    usernames: t.stringList({
      description: `${onlyOn('usernames')}: any of these usernames (${mostValues('usernames')}).`,
    }),
    web3Wallets: t.stringList({
      description: `${onlyOn('web3Wallets')}: any of these web3 wallet addresses (${mostValues('web3Wallets')}).`,
    }),
    organizationIds: t.stringList({
      description: `${onlyOn('organizationIds')}: members of any of these organizations (${mostValues('organizationIds')}).`,
    }),
    emailQuery: t.string({ description: `${onlyOn('emailQuery')}: part of an e-mail address.` }),
    phoneQuery: t.string({ description: `${onlyOn('phoneQuery')}: part of a phone number.` }),
    usernameQuery: t.string({ description: `${onlyOn('usernameQuery')}: part of a username.` }),
    nameQuery: t.string({ description: `${onlyOn('nameQuery')}: part of a first or last name.` }),
    banned: t.boolean({ description: `${onlyOn('banned')}: banned, or not.` }),
    lastActiveAt: t.field({
      type: TimeRange,
      description: `${onlyOn('lastActiveAt')}: last active within this range.`,
    }),
    status: t.field({ type: ListedStatus, description: `${onlyOn('status')}: with this status.` }),
    emailVerified: t.boolean({ description: `${onlyOn('emailVerified')}: e-mail verified, or not.` }),
    loginCount: t.field({
      type: IntCondition,
      description: `${onlyOn('loginCount')}: by number of sign-ins.`,
    }),
    identifier: t.field({
      type: StringCondition,
      description: `${onlyOn('identifier')}: on the e-mail or phone.`,
    }),
    id: t.field({ type: StringCondition, description: `${onlyOn('idCondition')}: on the user id.` }),
    updatedAt: t.field({
      type: TimeRange,
      description: `${onlyOn('updatedAt')}: last changed within this range (one end).`,
    }),
  }),
});

const UserOrderField = builder.enumType('UserOrderField', {
  description: 'What a user list can be ordered by; each value says which provider has it.',
  values: {
    CREATED_AT: { description: 'Both providers (the default).' },
    UPDATED_AT: { description: 'Both providers.' },
    LAST_SIGN_IN_AT: { description: 'Both providers.' },
    LAST_ACTIVE_AT: { description: 'Clerk only.' },
    EMAIL: { description: 'Clerk only.' },
    PHONE: { description: 'Clerk only.' },
    USERNAME: { description: 'Clerk only.' },
    FIRST_NAME: { description: 'Clerk only.' },
    LAST_NAME: { description: 'Clerk only.' },
    ID: { description: 'Passage only.' },
    LOGIN_COUNT: { description: 'Passage only.' },
    STATUS: { description: 'Passage only.' },
  } as const,
});

const OrderDirection = builder.enumType('OrderDirection', {
  description: 'Ascending or descending.',
  values: {
    ASC: { description: 'Smallest or oldest first.' },
    DESC: { description: 'Largest or newest first.' },
  } as const,
});

export const UserOrderInput = builder.inputType('UserOrder', {
  description: 'How to order a user list.',
  fields: (t) => ({
    field: t.field({ type: UserOrderField, required: true, description: 'What to order by.' }),
    direction: t.field({ type: OrderDirection, defaultValue: 'ASC', description: 'Which way.' }),
  }),
});

type Input<T> = { [K in keyof T]?: T[K] | null };

/** GraphQL's nulls dropped, so the provider sees only what was asked. */
export function toUserFilter(input: Input<Record<string, unknown>> | null | undefined): UserFilter {
  const { id, ...rest } = dropNulls(input ?? {}) as UserFilter & { id?: UserFilter['idCondition'] };
  return id === undefined ? rest : { ...rest, idCondition: id };
}

export function toUserOrder(
  input: { field: UserOrder['field']; direction?: UserOrder['direction'] | null } | null | undefined,
) {
  return input ? { field: input.field, direction: input.direction ?? 'ASC' } : undefined;
}

function dropNulls(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null && field !== undefined)
      .map(([key, field]) => [
        key,
        field && typeof field === 'object' && !Array.isArray(field) && !(field instanceof Date)
          ? dropNulls(field as Record<string, unknown>)
          : field,
      ]),
  );
}
