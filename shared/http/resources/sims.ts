/**
 * SIMs, their usage and the reports over workspaces: request and response schemas (they feed
 * validation and OpenAPI), and the SIM's view (record → API JSON). The answers about usage (a
 * usage record, a workspace's usage) and reports are shaped by their services
 * (shared/services/sims.ts, reports.ts).
 */
import * as z from 'zod';
import { ICCID_PATTERN, luhnValid, type Sim as SimRecord } from '#domain/sims.js';
import { EXAMPLE, Id, Timestamp } from './common.js';
import { MAX_USAGE_RECORD_BYTES } from '#domain/usage.js';
import {
  ACTIVATION_CODE_MAX, ACTIVATION_CODE_MAX_TYPED, ACTIVATION_CODE_MIN, ACTIVATION_CODE_PATTERN, isActivationCode, MAX_PROVISION_BATCH,
} from '#domain/provisioned-sims.js';

const NOT_AN_ICCID = 'must be an ICCID: 19 or 20 digits ending in a valid Luhn check digit';
/** The digits are a pattern (in the document); the Luhn check digit a refinement it describes. One message either way. */
export const Iccid = z
  .string()
  .regex(ICCID_PATTERN, { error: NOT_AN_ICCID, abort: true })
  .refine(luhnValid, NOT_AN_ICCID)
  .meta({ id: 'Iccid', description: '19–20 digits, the last a Luhn check digit over the others (ITU-T E.118)', examples: [EXAMPLE.iccid] });

export const SimStatus = z.enum(['active', 'suspended']).meta({ id: 'SimStatus' });

export const SimListParams = z.strictObject({ workspaceId: Id });
export const SimParams = z.strictObject({ workspaceId: Id, iccid: Iccid });
export const IccidParams = z.strictObject({ iccid: Iccid });

export const ActivationCode = z
  .string()
  .max(ACTIVATION_CODE_MAX_TYPED)
  .regex(ACTIVATION_CODE_PATTERN, 'must be letters and digits, optionally grouped by single hyphens')
  .refine(isActivationCode, `must hold ${ACTIVATION_CODE_MIN}–${ACTIVATION_CODE_MAX} letters and digits`)
  .meta({
    id: 'ActivationCode',
    description: `The code printed on the SIM card: ${ACTIVATION_CODE_MIN}–${ACTIVATION_CODE_MAX} letters and digits, case-insensitive, optionally grouped by hyphens (ignored)`,
  });

/** Claims a SIM provisioned to the workspace's organization. */
export const SimCreateBody = z.strictObject({ iccid: Iccid, activationCode: ActivationCode }).meta({ examples: [{ iccid: EXAMPLE.iccid, activationCode: 'K7QX-2M9P-4HTR' }] });

export const SimProvisionBody = z.strictObject({
  sims: z
    .array(z.strictObject({ iccid: Iccid, activationCode: ActivationCode }))
    .min(1)
    .max(MAX_PROVISION_BATCH, `at most ${MAX_PROVISION_BATCH} cards per request`)
    .refine((cards) => new Set(cards.map((c) => c.iccid)).size === cards.length, 'must not name an ICCID twice'),
}).meta({ examples: [{ sims: [{ iccid: EXAMPLE.iccid, activationCode: 'K7QX-2M9P-4HTR' }] }] });
export const ProvisionedSims = z
  .object({
    organizationId: z.string(),
    sims: z.array(z.object({ iccid: Iccid, provisionedAt: Timestamp, alreadyProvisioned: z.boolean() })),
  })
  .meta({ id: 'ProvisionedSims', examples: [{ organizationId: EXAMPLE.orgId, sims: [{ iccid: EXAMPLE.iccid, provisionedAt: EXAMPLE.at, alreadyProvisioned: false }] }] });
export const SimPatchBody = z
  .strictObject({ status: SimStatus.optional(), deviceId: Id.nullable().optional() })
  .refine((b) => b.status !== undefined || b.deviceId !== undefined, 'must change status or deviceId')
  .meta({ examples: [{ status: 'active', deviceId: EXAMPLE.deviceId }] });
export const SimTransferBody = z.strictObject({ targetWorkspaceId: Id }).meta({ examples: [{ targetWorkspaceId: EXAMPLE.otherWorkspaceId }] });

export const Sim = z
  .object({
    iccid: Iccid,
    workspaceId: z.string(),
    status: SimStatus,
    deviceId: z.string().nullable(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({
    id: 'Sim',
    examples: [{ iccid: EXAMPLE.iccid, workspaceId: EXAMPLE.workspaceId, status: 'active', deviceId: EXAMPLE.deviceId, createdAt: EXAMPLE.at, updatedAt: EXAMPLE.later }],
  });

/** Bytes are whole and non-negative, at most 1 TiB per record (`MAX_USAGE_RECORD_BYTES`). */
const Bytes = z.number().int('must be a whole number of bytes').min(0).max(MAX_USAGE_RECORD_BYTES, 'must be at most 1 TiB (2^40 bytes) per record');

export const UsageBody = z.strictObject({ at: Timestamp, bytes: Bytes }).meta({ examples: [{ at: EXAMPLE.at, bytes: 1_048_576 }] });
export const UsageRecord = z
  .object({ id: z.string(), iccid: z.string(), workspaceId: z.string(), at: Timestamp, bytes: z.number().int(), recordedAt: Timestamp })
  .meta({
    id: 'UsageRecord',
    examples: [
      { id: 'b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e', iccid: EXAMPLE.iccid, workspaceId: EXAMPLE.workspaceId, at: EXAMPLE.at, bytes: 1_048_576, recordedAt: EXAMPLE.at },
    ],
  });
export const UsageQuery = z.strictObject({ from: Timestamp.optional(), to: Timestamp.optional() });
export const Usage = z
  .object({
    from: Timestamp,
    to: Timestamp,
    trafficBytes: z.number().int(),
    bySim: z.array(z.object({ iccid: z.string(), bytes: z.number().int() })),
  })
  .meta({
    id: 'Usage',
    description: 'Traffic of the workspace in [from, to)',
    examples: [{ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', trafficBytes: 3_145_728, bySim: [{ iccid: EXAMPLE.iccid, bytes: 3_145_728 }] }],
  });

const MAX_REPORT_WORKSPACES = 100;
export const ReportQuery = z.strictObject({
  workspaceIds: z
    .string()
    .max(MAX_REPORT_WORKSPACES * 37)
    .transform((s) => [...new Set(s.split(',').map((id) => id.trim()))])
    .pipe(z.array(Id).min(1).max(MAX_REPORT_WORKSPACES, `at most ${MAX_REPORT_WORKSPACES} workspaces`))
    .optional()
    .meta({ description: 'comma-separated workspace ids (at most 100); without it, every workspace I can access' }),
});
const Figures = { members: z.number().int(), devices: z.number().int(), sims: z.number().int(), trafficBytes: z.number().int() };
export const Report = z
  .object({
    workspaces: z.array(z.object({ workspaceId: z.string(), name: z.string(), organizationId: z.string(), ...Figures })),
    combined: z.object(Figures),
  })
  .meta({
    id: 'Report',
    examples: [
      {
        workspaces: [{ workspaceId: EXAMPLE.workspaceId, name: 'Field trials', organizationId: EXAMPLE.orgId, members: 4, devices: 12, sims: 10, trafficBytes: 3_145_728 }],
        combined: { members: 4, devices: 12, sims: 10, trafficBytes: 3_145_728 },
      },
    ],
  });

export const simView = (s: SimRecord) => ({
  iccid: s.iccid,
  workspaceId: s.workspaceId,
  status: s.status,
  deviceId: s.deviceId,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
