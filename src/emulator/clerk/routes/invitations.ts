/**
 * Invitations to sign up to the application: `GET /invitations` (`status`, `query`, `order_by`,
 * newest first; a bare array, or `{data, total_count}` with `paginated=true` as @clerk/backend
 * asks), `POST /invitations`, `POST /invitations/bulk` (1–10) and `POST /invitations/{id}/revoke`.
 * An address with a pending invitation or a user is refused unless `ignore_existing`.
 */
import * as z from 'zod';
import { isEmailAddress } from '../../../input-rules.js';
import type { Route } from '../../provider.js';
import { metadataSchema, readJsonBody } from '../body.js';
import {
  ClerkApiError,
  formParamInvalid,
  identifierExists,
  notFound,
  paramError,
  requestBodyInvalid,
  unprocessable,
} from '../errors.js';
import { paginate, readBoolean, readOrderBy, readPage, readString } from '../query-params.js';
import type { InstanceInvitationRecord, InvitationStatus } from '../records.js';
import type { ClerkState } from '../state.js';
import { ok, type ClerkContext } from './context.js';

const DAY = 86_400_000;
const STATUSES: readonly InvitationStatus[] = ['pending', 'accepted', 'revoked', 'expired'];

const invitationSchema = z.strictObject({
  email_address: z.string(),
  public_metadata: metadataSchema.nullish(),
  redirect_url: z.string().nullish(),
  notify: z.boolean().nullish(),
  ignore_existing: z.boolean().nullish(),
  expires_in_days: z.int().min(1).max(365).nullish(),
  template_slug: z.enum(['invitation', 'waitlist_invitation']).nullish(),
});
type InvitationBody = z.output<typeof invitationSchema>;

export function serializeInstanceInvitation(invitation: InstanceInvitationRecord) {
  return {
    object: 'invitation',
    id: invitation.id,
    email_address: invitation.email_address,
    public_metadata: invitation.public_metadata,
    revoked: invitation.status === 'revoked',
    status: invitation.status,
    url: `https://accounts.emulator.clerk.test/sign-up?__clerk_ticket=${invitation.id}`,
    expires_at: invitation.expires_at,
    created_at: invitation.created_at,
    updated_at: invitation.updated_at,
  };
}

export function instanceInvitationRoutes({ state, now }: ClerkContext): Route[] {
  /** Checks one invitation against the instance (and the ones before it in a bulk request). */
  function create(body: InvitationBody, earlier: readonly string[]): InstanceInvitationRecord {
    const email = body.email_address;
    if (!isEmailAddress(email)) {
      throw unprocessable([
        paramError(
          'form_param_format_invalid',
          'email_address',
          'is invalid',
          'email_address must be a valid email address.',
        ),
      ]);
    }
    const key = email.toLowerCase();
    if (body.ignore_existing !== true) {
      const invited = [...state.instanceInvitations.values()].some(
        (i) => i.status === 'pending' && i.email_address.toLowerCase() === key,
      );
      if (invited || earlier.includes(key) || state.userIdFor('email', email)) {
        throw unprocessable([identifierExists('email_address')]);
      }
    }
    const at = now();
    return {
      id: state.newId('inv'),
      email_address: email,
      public_metadata: body.public_metadata ?? {},
      status: 'pending',
      expires_at: at + (body.expires_in_days ?? 30) * DAY,
      created_at: at,
      updated_at: at,
    };
  }

  return [
    {
      method: 'GET',
      template: '/invitations',
      handle: ({ query }) => {
        const page = readPage(query);
        const status = readString(query, 'status');
        if (status !== undefined && !STATUSES.includes(status as InvitationStatus)) {
          throw formParamInvalid('status', `status must be one of ${STATUSES.join(', ')}, got ${status}.`);
        }
        const text = readString(query, 'query')?.toLowerCase();
        const order = readOrderBy(
          query,
          ['created_at', 'email_address', 'expires_at'] as const,
          '-created_at',
        );
        const matches = [...state.instanceInvitations.values()]
          .filter((i) => (status === undefined ? i.status !== 'revoked' : i.status === status))
          .filter((i) => text === undefined || i.email_address.toLowerCase().includes(text) || i.id === text)
          .sort((a, b) => compare(a[order.field] ?? 0, b[order.field] ?? 0) * (order.descending ? -1 : 1));
        const data = paginate(matches, page).map(serializeInstanceInvitation);
        return ok(readBoolean(query, 'paginated') ? { data, total_count: matches.length } : data);
      },
    },
    {
      method: 'POST',
      template: '/invitations',
      handle: (req) => {
        const invitation = create(readJsonBody(req, invitationSchema), []);
        state.instanceInvitations.set(invitation.id, invitation);
        return ok(serializeInstanceInvitation(invitation));
      },
    },
    {
      method: 'POST',
      template: '/invitations/bulk',
      handle: (req) => {
        const body = req.json();
        if (!Array.isArray(body)) throw requestBodyInvalid('The request body must be a JSON array.');
        if (body.length < 1 || body.length > 10) {
          throw formParamInvalid(
            'invitations',
            `between 1 and 10 invitations per request, got ${body.length}.`,
          );
        }
        // Every invitation is checked before any is stored: a bad entry creates none.
        const created: InstanceInvitationRecord[] = [];
        for (const entry of body) {
          const parsed = invitationSchema.safeParse(entry);
          if (!parsed.success)
            throw requestBodyInvalid('Each invitation must be an object as POST /invitations takes.');
          created.push(
            create(
              parsed.data,
              created.map((i) => i.email_address.toLowerCase()),
            ),
          );
        }
        for (const invitation of created) state.instanceInvitations.set(invitation.id, invitation);
        return ok(created.map(serializeInstanceInvitation));
      },
    },
    {
      method: 'POST',
      template: '/invitations/{invitation_id}/revoke',
      handle: ({ params }) => {
        const invitation = requireInvitation(state, params.invitation_id!);
        if (invitation.status !== 'pending') {
          throw new ClerkApiError(400, [
            {
              code: 'invitation_not_pending',
              message: 'invitation is not pending',
              long_message: `Only pending invitations can be revoked; this one is ${invitation.status}.`,
              meta: {},
            },
          ]);
        }
        invitation.status = 'revoked';
        invitation.updated_at = now();
        return ok(serializeInstanceInvitation(invitation));
      },
    },
  ];
}

function requireInvitation(state: ClerkState, id: string): InstanceInvitationRecord {
  const invitation = state.instanceInvitations.get(id);
  if (!invitation) throw notFound('invitation', id);
  return invitation;
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
