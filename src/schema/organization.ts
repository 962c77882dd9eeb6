/** A Clerk organization, as a membership or an invitation shows it. */
import type { Organization } from '../providers/types.js';
import { builder } from './builder.js';

/** An invitation carries only an organization's public data: no member count or creation time. */
export type OrganizationShape = Pick<Organization, 'id' | 'name' | 'slug' | 'imageUrl'> &
  Partial<Pick<Organization, 'membersCount' | 'createdAt'>>;

export const OrganizationRef = builder.objectRef<OrganizationShape>('Organization').implement({
  description: 'A Clerk organization: a team or company its users belong to.',
  fields: (t) => ({
    id: t.exposeID('id', { description: "Clerk's organization id (`org_...`)." }),
    name: t.exposeString('name', { description: 'The display name.' }),
    slug: t.exposeString('slug', { description: 'The unique URL-friendly name.' }),
    imageUrl: t.exposeString('imageUrl', { nullable: true, description: 'The logo, if set.' }),
    membersCount: t.int({
      nullable: true,
      description: "How many members it has, where Clerk says; null on an invitation's organization.",
      resolve: (org) => org.membersCount ?? null,
    }),
    createdAt: t.field({
      type: 'DateTime',
      nullable: true,
      description:
        "When it was created; null on an invitation's organization, which carries public data only.",
      resolve: (org) => org.createdAt ?? null,
    }),
  }),
});
