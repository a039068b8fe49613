/**
 * Types of the API contract, inferred from the server's zod schemas (type-only imports: no zod
 * code reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  CreatedTokenResponse,
  CreateOrganisationBody,
  CreateTokenBody,
  CreateUserBody,
  MeResponse,
  OrganisationResponse,
  SessionResponse,
  TokenResponse,
  TotpConfirmResponse,
  TotpEnrolmentResponse,
  UpdateUserBody,
  UserResponse,
} from '../../../src/modules/access/access.schema';
import type { Role as ServerRole } from '../../../src/modules/access/roles';
import type { AuditEntryResponse } from '../../../src/modules/audit/audit.schema';

export type Me = z.infer<typeof MeResponse>;
export type User = z.infer<typeof UserResponse>;
export type Organisation = z.infer<typeof OrganisationResponse>;
export type Session = z.infer<typeof SessionResponse>;
export type ApiToken = z.infer<typeof TokenResponse>;
export type CreatedApiToken = z.infer<typeof CreatedTokenResponse>;
export type TotpEnrolment = z.infer<typeof TotpEnrolmentResponse>;
export type TotpConfirmation = z.infer<typeof TotpConfirmResponse>;
export type AuditEntry = z.infer<typeof AuditEntryResponse>;

export type CreateUserInput = z.input<typeof CreateUserBody>;
export type UpdateUserInput = z.input<typeof UpdateUserBody>;
export type CreateOrganisationInput = z.input<typeof CreateOrganisationBody>;
export type CreateTokenInput = z.input<typeof CreateTokenBody>;

export type Role = ServerRole;
export type Locale = Me['user']['locale'];
export type OrganisationKind = NonNullable<CreateOrganisationInput['kind']>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface LoginInput {
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
}

/** One action the server allows on a user account (`allowed` in UserResponse). */
export type UserAction = 'rename' | 'changeRoles' | 'disable' | 'resetTotp' | 'unlock' | 'revokeSessions';
