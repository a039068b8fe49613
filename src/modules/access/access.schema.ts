import { z } from 'zod';
import { Id, IsoDateTime, text } from '../../server/http/schema-helpers.js';
import { ROLES } from './roles.js';

export const Email = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ error: 'must be an email address' }));

export const RoleSchema = z.enum(ROLES);
export const LocaleSchema = z.enum(['en', 'fr', 'ar']);
export const OrganisationKind = z.enum(['ngo', 'un_agency', 'authority']);

export const LoginBody = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(1024),
  totp: z.string().max(12).optional(),
  recoveryCode: z.string().max(64).optional(),
});

export const UserResponse = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  orgId: z.string(),
  roles: z.array(RoleSchema),
  locale: LocaleSchema,
  totpEnabled: z.boolean(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  allowed: z.array(z.string()),
});

export const MeResponse = z.object({
  user: UserResponse.omit({ allowed: true }),
  organisation: z.object({ id: z.string(), slug: z.string(), name: z.string(), kind: z.string() }),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable(),
  secondFactor: z.object({ required: z.boolean(), enrolled: z.boolean(), satisfied: z.boolean() }),
  demo: z.boolean(),
});

export const LoginResponse = MeResponse;

export const UpdateMeBody = z.strictObject({ locale: LocaleSchema });

export const CreateUserBody = z.strictObject({
  email: Email,
  name: text(120),
  roles: z.array(RoleSchema).min(1, 'choose at least one role').max(ROLES.length),
  password: z.string().max(256),
  locale: LocaleSchema.optional(),
});

export const UpdateUserBody = z.strictObject({
  name: text(120).optional(),
  roles: z.array(RoleSchema).min(1, 'choose at least one role').max(ROLES.length).optional(),
  disabled: z.boolean().optional(),
  resetTotp: z.literal(true).optional(),
  unlock: z.literal(true).optional(),
});

export const UsersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(300).optional(),
});

export const OrganisationResponse = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  kind: z.string(),
  createdAt: z.string(),
});

export const CreateOrganisationBody = z.strictObject({
  slug: z
    .string()
    .trim()
    .min(2, 'must be at least 2 characters')
    .max(40, 'must be at most 40 characters')
    .regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens only'),
  name: text(160),
  kind: OrganisationKind.default('ngo'),
});

export const TotpEnrolmentResponse = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrSvg: z.string(),
});
export const TotpConfirmBody = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'must be 6 digits') });
export const TotpConfirmResponse = z.object({ recoveryCodes: z.array(z.string()) });

export const SessionResponse = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const CreateTokenBody = z.strictObject({
  name: text(80),
  expiresAt: IsoDateTime.optional(),
});

export const TokenResponse = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});

export const CreatedTokenResponse = TokenResponse.extend({ token: z.string() });

export const UserIdParams = z.strictObject({ id: Id });
