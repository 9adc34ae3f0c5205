/**
 * The Tenancy API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run `npm run client` after changing a route or schema.
 */

export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["serviceHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This OpenAPI document */
        get: operations["serviceOpenapi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/problems/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a problem code means: the page a problem document's `type` leads to */
        get: operations["serviceProblemType"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/signup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create my profile, my organization (14-day trial) and its first workspace */
        post: operations["meSignup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My profile, organizations and workspaces */
        get: operations["meGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my name or default workspace */
        patch: operations["mePatch"];
        trace?: never;
    };
    "/orgs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My organizations, filtered by name */
        get: operations["orgsList"];
        put?: never;
        /** Create an organization (I become its owner; 14-day trial) */
        post: operations["orgsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An organization */
        get: operations["orgsGet"];
        put?: never;
        post?: never;
        /** Delete the organization and everything in it */
        delete: operations["orgsDelete"];
        options?: never;
        head?: never;
        /** Edit organization details (If-Match honoured) */
        patch: operations["orgsPatch"];
        trace?: never;
    };
    "/orgs/{orgId}/transfer-ownership": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make another member the owner; I become admin */
        post: operations["orgsTransferOwnership"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/plan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Change the plan; a paid plan re-enables what the trial's end disabled */
        put: operations["orgsPlan"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/billing/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The billing provider's signed webhook (Billing-Signature): plan.changed sets the organization's plan, once per event id */
        post: operations["billingEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of workspaces, members, invitations, devices, SIMs and traffic (one read) */
        get: operations["orgsOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orgs/{orgId}/trial": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Extend an organization's trial (platform operators) */
        post: operations["adminExtendTrial"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit events, newest first */
        get: operations["auditList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The change feed: every audited change as a CloudEvents 1.0 event, oldest first, from `since`, of one `type` (for replay) */
        get: operations["auditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's invitations, by status */
        get: operations["invitationsList"];
        put?: never;
        /** Invite someone by email with an org role and optional workspace roles */
        post: operations["invitationsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/invitations/{invitationId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Withdraw a pending invitation (its link dies) */
        delete: operations["invitationsDelete"];
        options?: never;
        head?: never;
        /** Change the roles of a pending invitation */
        patch: operations["invitationsPatch"];
        trace?: never;
    };
    "/orgs/{orgId}/invitations/{invitationId}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a new link (the old one dies); at most once a minute */
        post: operations["invitationsResend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an invitation link offers (no sign-in needed) */
        get: operations["invitationsPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Join with the invited roles (the invitee only; once) */
        post: operations["invitationsAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/invitations/{token}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decline the invitation (the invitee only) */
        post: operations["invitationsDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/identity-providers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's own SAML and OIDC providers (never a secret) */
        get: operations["identityProvidersList"];
        put?: never;
        /** Register a SAML or OIDC provider (name unique in the deployment) and enable it on the portal client: usable as a workspace's SSO providerName */
        post: operations["identityProvidersCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/identity-providers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the provider from the portal client and the user pool (409 while a workspace requires SSO through it) */
        delete: operations["identityProvidersDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The member directory */
        get: operations["membersList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One member (the shareable per-member link) */
        get: operations["membersGet"];
        put?: never;
        post?: never;
        /** Remove a member (or leave), with their workspace roles in the org */
        delete: operations["membersDelete"];
        options?: never;
        head?: never;
        /** Change a member's role (never to or from owner) */
        patch: operations["membersPatch"];
        trace?: never;
    };
    "/orgs/{orgId}/workspaces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspaces of the organization that I can see */
        get: operations["workspacesList"];
        put?: never;
        /** Create a workspace within the plan's quota */
        post: operations["workspacesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A workspace */
        get: operations["workspacesGet"];
        put?: never;
        post?: never;
        /** Delete the workspace and its memberships */
        delete: operations["workspacesDelete"];
        options?: never;
        head?: never;
        /** Edit workspace details; SSO needs workspace admin (If-Match honoured) */
        patch: operations["workspacesPatch"];
        trace?: never;
    };
    "/workspaces/{workspaceId}/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Counts of members, devices, streams, SIMs and traffic (one read) */
        get: operations["workspacesOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/move": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move the workspace into another organization (owner/admin of both; the target's quota applies) */
        post: operations["workspacesMove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Explicit members and the implicit admins (org owner/admins), by name */
        get: operations["workspacesMembersList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give an org member a workspace role (up to my own), or change one's role (admin) */
        put: operations["workspacesMembersPut"];
        post?: never;
        /** Remove a member's workspace role (admin), or leave the workspace */
        delete: operations["workspacesMembersDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's devices (a caller with per-device grants only: the granted ones) */
        get: operations["devicesList"];
        put?: never;
        /** Create a device (name unique in the workspace); its key is shown in this answer only */
        post: operations["devicesCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/devices/{deviceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A device */
        get: operations["devicesGet"];
        put?: never;
        post?: never;
        /** Delete a device with its grants */
        delete: operations["devicesDelete"];
        options?: never;
        head?: never;
        /** Rename or describe a device (If-Match honoured) */
        patch: operations["devicesPatch"];
        trace?: never;
    };
    "/workspaces/{workspaceId}/devices/{deviceId}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who has access to this one device (its per-device grants, in one page: nextCursor is always null) */
        get: operations["devicesGrantsList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/devices/{deviceId}/grants/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Give an org member read or write access to this one device */
        put: operations["devicesGrantsPut"];
        post?: never;
        /** Take a user's access to this device away */
        delete: operations["devicesGrantsDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/streams": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's streams, by name */
        get: operations["streamsList"];
        put?: never;
        /** Create a stream (name unique in the workspace) */
        post: operations["streamsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/streams/{streamName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a stream */
        delete: operations["streamsDelete"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ingest/{workspaceId}/devices/{deviceName}/streams/{streamName}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A device sends a JSON document to a stream of its workspace (Authorization: Device <deviceKey>) */
        post: operations["ingestPost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orgs/{orgId}/sims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Provision SIM cards to an organization with their activation codes (platform operators; at most 25, all or nothing) */
        post: operations["adminProvisionSims"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/sims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's SIMs, by ICCID */
        get: operations["simsList"];
        put?: never;
        /** Claim a SIM provisioned to the workspace's organization with its activation code (an ICCID lives in exactly one workspace platform-wide) */
        post: operations["simsCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/sims/{iccid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Activate or suspend a SIM; attach it to a device of the workspace or detach it (If-Match honoured) */
        patch: operations["simsPatch"];
        trace?: never;
    };
    "/sims/{iccid}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move a SIM to another workspace (admin of both): detached, an active SIM suspended, usage split at this instant */
        post: operations["simsTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/sims/{iccid}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record usage of a SIM (network feed): attributed to the workspace that held it at `at` */
        post: operations["simsRecordUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/workspaces/{workspaceId}/usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The workspace's traffic per SIM in [from, to) (default: the current month, UTC) */
        get: operations["simsUsage"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-workspace and combined figures over the given workspaces (404 if any is not mine) or all I can access */
        get: operations["reportsGet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organization's webhook endpoints (never a secret) */
        get: operations["webhooksList"];
        put?: never;
        /** Register an endpoint for some or all event types: its signing secret is answered this once */
        post: operations["webhooksCreate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/webhooks/{webhookId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint: its state, whether it is failing, a rotation under way */
        get: operations["webhooksGet"];
        put?: never;
        post?: never;
        /** Remove the endpoint: nothing more is sent to it */
        delete: operations["webhooksDelete"];
        options?: never;
        head?: never;
        /** Change the URL, the event types, the description; disable or enable (If-Match honoured) */
        patch: operations["webhooksPatch"];
        trace?: never;
    };
    "/orgs/{orgId}/webhooks/{webhookId}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, answered this once; the previous one keeps signing beside it for the overlap */
        post: operations["webhooksRotateSecret"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/webhooks/{webhookId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries, newest event first, each with its attempts (kept 30 days) */
        get: operations["webhooksDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orgs/{orgId}/webhooks/{webhookId}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the delivery again now (same webhook-id, new signature): the attempt is answered */
        post: operations["webhooksReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Branding: {
            primaryColor?: string;
            accentColor?: string;
            emailFooter?: string;
        };
        /**
         * @example {
         *       "id": "evt_1Q2w3E4r5T",
         *       "type": "plan.changed",
         *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "plan": "pro"
         *     }
         */
        BillingEvent: {
            /** @description The provider's event id: an event is applied once, whatever the number of deliveries */
            id: string;
            /** @constant */
            type: "plan.changed";
            /** Format: uuid */
            organizationId: string;
            /** @enum {string} */
            plan: "free" | "pro" | "enterprise";
        };
        /**
         * @description tenancy.<resource>.<what happened>: one per audited change
         * @enum {string}
         */
        EventType: "tenancy.device.access_granted" | "tenancy.device.access_revoked" | "tenancy.device.created" | "tenancy.device.deleted" | "tenancy.device.updated" | "tenancy.identity_provider.created" | "tenancy.identity_provider.deleted" | "tenancy.invitation.accepted" | "tenancy.invitation.created" | "tenancy.invitation.declined" | "tenancy.invitation.resent" | "tenancy.invitation.updated" | "tenancy.invitation.withdrawn" | "tenancy.member.added" | "tenancy.member.left" | "tenancy.member.removed" | "tenancy.member.role_changed" | "tenancy.organization.created" | "tenancy.organization.ownership_transferred" | "tenancy.organization.plan_changed" | "tenancy.organization.updated" | "tenancy.sim.provisioned" | "tenancy.sim.registered" | "tenancy.sim.transferred" | "tenancy.sim.updated" | "tenancy.stream.created" | "tenancy.stream.deleted" | "tenancy.trial.ended" | "tenancy.trial.extended" | "tenancy.webhook.created" | "tenancy.webhook.deleted" | "tenancy.webhook.disabled" | "tenancy.webhook.secret_rotated" | "tenancy.webhook.updated" | "tenancy.workspace.created" | "tenancy.workspace.deleted" | "tenancy.workspace.disabled" | "tenancy.workspace.enabled" | "tenancy.workspace.member_added" | "tenancy.workspace.member_removed" | "tenancy.workspace.member_role_changed" | "tenancy.workspace.moved" | "tenancy.workspace.updated";
        /** @enum {string} */
        AssignableOrgRole: "admin" | "editor" | "member";
        /** @enum {string} */
        WorkspaceRole: "admin" | "editor" | "viewer";
        /** @enum {string} */
        InvitationStatus: "pending" | "accepted" | "declined" | "withdrawn" | "expired";
        /**
         * @example {
         *       "name": "acme-okta",
         *       "type": "SAML",
         *       "metadataUrl": "https://acme.okta.com/app/exk1/sso/saml/metadata",
         *       "attributeMapping": {
         *         "email": "user.email"
         *       }
         *     }
         */
        IdentityProviderCreate: {
            /** @description unique across the deployment (compared case-insensitively); a workspace's `sso.providerName`. Cognito's own names (COGNITO, Google, Facebook, LoginWithAmazon, SignInWithApple) and the deployment's providers are refused */
            name: string;
            /** @constant */
            type: "SAML";
            /**
             * Format: uri
             * @description where Cognito fetches the provider's SAML metadata
             */
            metadataUrl: string;
            attributeMapping?: components["schemas"]["IdentityProviderAttributeMapping"];
        } | {
            /** @description unique across the deployment (compared case-insensitively); a workspace's `sso.providerName`. Cognito's own names (COGNITO, Google, Facebook, LoginWithAmazon, SignInWithApple) and the deployment's providers are refused */
            name: string;
            /** @constant */
            type: "OIDC";
            /**
             * Format: uri
             * @description the OpenID Connect issuer; Cognito discovers the endpoints from it
             */
            issuer: string;
            clientId: string;
            /** @description handed to Cognito only: never stored by this API, never answered */
            clientSecret: string;
            /** @description default openid email profile */
            scopes?: string[];
            attributeMapping?: components["schemas"]["IdentityProviderAttributeMapping"];
        };
        /** @description user pool attribute → the provider's claim. Defaults: SAML {"email":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress","given_name":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/givenname","family_name":"http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname"}; OIDC {"email":"email","email_verified":"email_verified","given_name":"given_name","family_name":"family_name"} */
        IdentityProviderAttributeMapping: {
            email?: string;
            email_verified?: string;
            given_name?: string;
            family_name?: string;
        };
        /** @enum {string} */
        OrgRole: "owner" | "admin" | "editor" | "member";
        WorkspaceSso: {
            required: boolean;
            /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
            providerName: string;
        };
        /** @enum {string} */
        DeviceGrantLevel: "read" | "write";
        /**
         * @description 19–20 digits, the last a Luhn check digit over the others (ITU-T E.118)
         * @example 89882280000000000006
         */
        Iccid: string;
        /** @description The code printed on the SIM card: 8–32 letters and digits, case-insensitive, optionally grouped by hyphens (ignored) */
        ActivationCode: string;
        /** @enum {string} */
        SimStatus: "active" | "suspended";
        /**
         * @example {
         *       "url": "https://hooks.example.com/tenancy",
         *       "eventTypes": [
         *         "tenancy.member.added",
         *         "tenancy.trial.ended"
         *       ],
         *       "description": "CRM sync"
         *     }
         */
        WebhookCreate: {
            /**
             * Format: uri
             * @description https; it must resolve to public addresses only (never private, loopback, link-local or metadata ones). Plain http to loopback only in the local stack
             */
            url: string;
            /** @description the event types to deliver, or `["*"]` for all of them */
            eventTypes: (components["schemas"]["EventType"] | "*")[];
            description?: string;
            /** @description default true */
            enabled?: boolean;
        };
        /**
         * @description enabling an endpoint the service disabled for failing clears that
         * @example {
         *       "enabled": true
         *     }
         */
        WebhookPatch: {
            /**
             * Format: uri
             * @description https; it must resolve to public addresses only (never private, loopback, link-local or metadata ones). Plain http to loopback only in the local stack
             */
            url?: string;
            /** @description the event types to deliver, or `["*"]` for all of them */
            eventTypes?: (components["schemas"]["EventType"] | "*")[];
            description?: string;
            enabled?: boolean;
        };
        /**
         * @example {
         *       "overlapSeconds": 3600
         *     }
         */
        WebhookRotate: {
            /** @description how long the previous secret keeps signing beside the new one (default 86400, at most 604800) */
            overlapSeconds?: number;
        };
        /**
         * @example {
         *       "user": {
         *         "id": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *         "email": "ada@example.com",
         *         "givenName": "Ada",
         *         "familyName": "Lovelace",
         *         "defaultWorkspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *         "createdAt": "2026-03-02T09:30:00.000Z"
         *       },
         *       "organizations": [
         *         {
         *           "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *           "name": "Analytical Engines",
         *           "role": "owner"
         *         }
         *       ],
         *       "workspaces": [
         *         {
         *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *           "name": "Default",
         *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *           "role": "admin",
         *           "state": "enabled",
         *           "disabledReason": null
         *         }
         *       ],
         *       "sso": {
         *         "required": false,
         *         "providerName": null,
         *         "satisfied": true
         *       }
         *     }
         */
        Me: {
            user: components["schemas"]["User"];
            organizations: components["schemas"]["MyOrganization"][];
            workspaces: components["schemas"]["MyWorkspace"][];
            /** @description Whether my default workspace requires single sign-on, through which identity provider, and whether this token came through it (if not, every route but GET and PATCH /me answers 403 sso_required) */
            sso: {
                required: boolean;
                providerName: string | null;
                satisfied: boolean;
            };
        };
        User: {
            id: string;
            email: string;
            givenName: string;
            familyName: string;
            defaultWorkspaceId: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
        };
        MyOrganization: {
            id: string;
            name: string;
            role: components["schemas"]["OrgRole"];
        };
        MyWorkspace: {
            id: string;
            name: string;
            organizationId: string;
            role: components["schemas"]["WorkspaceRole"];
            state: components["schemas"]["WorkspaceState"];
            disabledReason: string | null;
        };
        /** @enum {string} */
        WorkspaceState: "enabled" | "disabled";
        /**
         * @example {
         *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "name": "Analytical Engines",
         *       "role": "owner"
         *     }
         */
        OrganizationSummary: {
            id: string;
            name: string;
            role: components["schemas"]["OrgRole"];
        };
        /**
         * @example {
         *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "name": "Analytical Engines",
         *       "description": "Fleet telemetry",
         *       "logoUrl": null,
         *       "branding": null,
         *       "plan": "trial",
         *       "trialEndsAt": "2026-03-16T09:30:00.000Z",
         *       "ownerId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "createdAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        Organization: {
            id: string;
            name: string;
            description: string | null;
            logoUrl: string | null;
            branding: components["schemas"]["Branding"] | null;
            plan: components["schemas"]["Plan"];
            trialEndsAt: string | null;
            ownerId: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
        };
        /** @enum {string} */
        Plan: "trial" | "free" | "pro" | "enterprise";
        /**
         * @example {
         *       "id": "evt_1Q2w3E4r5T",
         *       "outcome": "applied",
         *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "plan": "pro",
         *       "detail": "The organization is now on the pro plan."
         *     }
         */
        BillingEventOutcome: {
            id: string;
            /**
             * @description `applied`: the plan is set; `duplicate`: the event id was seen before, nothing changed; `ignored`: no such organization (deleted), nothing changed
             * @enum {string}
             */
            outcome: "applied" | "duplicate" | "ignored";
            /** Format: uuid */
            organizationId: string;
            plan: components["schemas"]["Plan"] | null;
            detail: string;
        };
        /**
         * @example {
         *       "workspaces": 2,
         *       "members": 5,
         *       "pendingInvitations": 1,
         *       "devices": 12,
         *       "sims": 10,
         *       "trafficBytes": 73400320,
         *       "freeTrafficBytes": 1000000000000
         *     }
         */
        OrganizationOverview: {
            workspaces: number;
            members: number;
            pendingInvitations: number;
            devices: number;
            sims: number;
            trafficBytes: number;
            freeTrafficBytes: number;
        };
        /**
         * @example {
         *       "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
         *       "at": "2026-03-02T09:30:00.000Z",
         *       "actorId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "action": "device.created",
         *       "target": {
         *         "type": "device",
         *         "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
         *       },
         *       "details": {
         *         "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *         "name": "pump-07"
         *       }
         *     }
         */
        AuditEvent: {
            id: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            at: string;
            actorId: string;
            action: string;
            target: {
                type: string;
                id: string;
            };
            details: {
                [key: string]: unknown;
            };
        };
        /**
         * @example {
         *       "specversion": "1.0",
         *       "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
         *       "source": "/orgs/5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "type": "tenancy.device.created",
         *       "subject": "device/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
         *       "time": "2026-03-02T09:30:00.000Z",
         *       "datacontenttype": "application/json",
         *       "data": {
         *         "actorId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *         "target": {
         *           "type": "device",
         *           "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
         *         },
         *         "details": {
         *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *           "name": "pump-07"
         *         }
         *       }
         *     }
         */
        CloudEvent: {
            /** @constant */
            specversion: "1.0";
            id: string;
            /** @description the organization: /orgs/<orgId> */
            source: string;
            type: components["schemas"]["EventType"];
            /** @description the resource: <type>/<id> */
            subject: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            time: string;
            /** @constant */
            datacontenttype: "application/json";
            data: {
                actorId: string;
                target: {
                    type: string;
                    id: string;
                };
                details: {
                    [key: string]: unknown;
                };
            };
        };
        /**
         * @example {
         *       "id": "e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8",
         *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "email": "grace@example.com",
         *       "role": "member",
         *       "workspaces": [
         *         {
         *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *           "role": "editor"
         *         }
         *       ],
         *       "message": "Welcome aboard!",
         *       "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "invitedByName": "Ada Lovelace",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "expiresAt": "2026-03-16T09:30:00.000Z",
         *       "status": "pending",
         *       "emailStatus": "sent"
         *     }
         */
        Invitation: {
            id: string;
            organizationId: string;
            email: string;
            role: components["schemas"]["AssignableOrgRole"];
            workspaces: {
                workspaceId: string;
                role: components["schemas"]["WorkspaceRole"];
            }[];
            message: string | null;
            invitedBy: string;
            invitedByName: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            expiresAt: string;
            status: components["schemas"]["InvitationStatus"];
            /** @enum {string} */
            emailStatus: "sent" | "failed";
        };
        /**
         * @example {
         *       "organizationName": "Analytical Engines",
         *       "invitedByName": "Ada Lovelace",
         *       "email": "grace@example.com",
         *       "role": "member",
         *       "expiresAt": "2026-03-16T09:30:00.000Z"
         *     }
         */
        InvitationPreview: {
            organizationName: string;
            invitedByName: string;
            email: string;
            role: components["schemas"]["AssignableOrgRole"];
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            expiresAt: string;
        };
        /**
         * @description The membership just created: the organization with my role in it, and the invited workspaces that still exist with my role in each (as GET /me now lists them; an org admin is moreover admin of every workspace of the organization)
         * @example {
         *       "organization": {
         *         "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *         "name": "Analytical Engines",
         *         "role": "member"
         *       },
         *       "workspaces": [
         *         {
         *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *           "name": "Default",
         *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *           "role": "editor",
         *           "state": "enabled",
         *           "disabledReason": null
         *         }
         *       ]
         *     }
         */
        InvitationAcceptance: {
            organization: components["schemas"]["MyOrganization"];
            workspaces: components["schemas"]["MyWorkspace"][];
        };
        /**
         * @example {
         *       "name": "acme-okta",
         *       "status": "active",
         *       "attributeMapping": {
         *         "email": "user.email"
         *       },
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "type": "SAML",
         *       "metadataUrl": "https://acme.okta.com/app/exk1/sso/saml/metadata"
         *     }
         */
        IdentityProvider: {
            name: string;
            status: components["schemas"]["IdentityProviderStatus"];
            attributeMapping: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            createdBy: string;
            /** @constant */
            type: "SAML";
            metadataUrl: string;
        } | {
            name: string;
            status: components["schemas"]["IdentityProviderStatus"];
            attributeMapping: {
                [key: string]: string;
            };
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            createdBy: string;
            /** @constant */
            type: "OIDC";
            issuer: string;
            clientId: string;
            scopes: string[];
        };
        /**
         * @description `pending` while being added (or after an add that could not be undone: DELETE removes it); `active` once usable
         * @enum {string}
         */
        IdentityProviderStatus: "pending" | "active";
        /**
         * @description An active member (userId) or a pending invitation (invitationId)
         * @example {
         *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
         *       "email": "grace@example.com",
         *       "givenName": "Grace",
         *       "familyName": "Hopper",
         *       "role": "member",
         *       "status": "active",
         *       "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "invitedAt": "2026-03-02T09:30:00.000Z",
         *       "memberSince": "2026-03-02T09:30:00.000Z",
         *       "workspaces": [
         *         {
         *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *           "role": "editor"
         *         }
         *       ]
         *     }
         */
        Member: {
            userId?: string;
            invitationId?: string;
            email: string;
            givenName?: string;
            familyName?: string;
            role: components["schemas"]["OrgRole"];
            /** @enum {string} */
            status: "active" | "pending";
            invitedBy: string | null;
            invitedByName?: string;
            invitedAt: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            memberSince?: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            expiresAt?: string;
            workspaces: {
                workspaceId: string;
                role: components["schemas"]["WorkspaceRole"];
            }[];
        };
        /**
         * @example {
         *       "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "name": "Field trials",
         *       "description": "Devices on the test farm",
         *       "state": "enabled",
         *       "disabledReason": null,
         *       "disabledAt": null,
         *       "sso": null,
         *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "role": "admin"
         *     }
         */
        Workspace: {
            id: string;
            organizationId: string;
            name: string;
            description: string | null;
            state: components["schemas"]["WorkspaceState"];
            disabledReason: string | null;
            disabledAt: string | null;
            sso: components["schemas"]["WorkspaceSso"] | null;
            createdBy: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            /** @description the caller's effective role in this workspace */
            role: components["schemas"]["WorkspaceRole"];
        };
        /**
         * @example {
         *       "members": 4,
         *       "devices": 12,
         *       "streams": 3,
         *       "sims": 10,
         *       "trafficBytes": 73400320
         *     }
         */
        WorkspaceOverview: {
            members: number;
            devices: number;
            streams: number;
            sims: number;
            trafficBytes: number;
        };
        /**
         * @example {
         *       "workspace": {
         *         "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *         "organizationId": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
         *         "name": "Field trials",
         *         "description": "Devices on the test farm",
         *         "state": "enabled",
         *         "disabledReason": null,
         *         "disabledAt": null,
         *         "sso": null,
         *         "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *         "createdAt": "2026-03-02T09:30:00.000Z",
         *         "role": "admin"
         *       },
         *       "removedMembers": [
         *         "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"
         *       ]
         *     }
         */
        WorkspaceMove: {
            workspace: components["schemas"]["Workspace"];
            /** @description explicit members who are not members of the target organization: they lost their role in the workspace */
            removedMembers: string[];
        };
        /**
         * @example {
         *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
         *       "email": "grace@example.com",
         *       "givenName": "Grace",
         *       "familyName": "Hopper",
         *       "organizationRole": "member",
         *       "workspaceRole": "editor",
         *       "implicit": false
         *     }
         */
        WorkspaceMember: {
            userId: string;
            email: string;
            givenName: string;
            familyName: string;
            organizationRole: components["schemas"]["OrgRole"];
            workspaceRole: components["schemas"]["WorkspaceRole"];
            /** @description admin through the organization (owner/admin); cannot be given a role or removed */
            implicit: boolean;
        };
        /**
         * @example {
         *       "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
         *       "name": "pump-07",
         *       "description": "Irrigation pump, north field",
         *       "simIccid": "89882280000000000006",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "lastSeenAt": "2026-03-16T09:30:00.000Z"
         *     }
         */
        Device: {
            id: string;
            /** @description unique within the workspace, compared case-insensitively */
            name: string;
            description: string | null;
            /** @description the attached SIM, null until one is attached */
            simIccid: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            lastSeenAt: string | null;
        };
        /**
         * @example {
         *       "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
         *       "name": "pump-07",
         *       "description": "Irrigation pump, north field",
         *       "simIccid": null,
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "lastSeenAt": null,
         *       "deviceKey": "dk_4v7Qm2xR9tLpW3sZ8nK1bY6cH0jF5aE"
         *     }
         */
        CreatedDevice: {
            id: string;
            /** @description unique within the workspace, compared case-insensitively */
            name: string;
            description: string | null;
            /** @description the attached SIM, null until one is attached */
            simIccid: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            lastSeenAt: string | null;
            /** @description shown once, never again: the device sends it as `Authorization: Device <deviceKey>` */
            deviceKey: string;
        };
        /**
         * @example {
         *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *       "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
         *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
         *       "access": "read",
         *       "grantedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "grantedAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        DeviceGrant: {
            workspaceId: string;
            deviceId: string;
            userId: string;
            access: components["schemas"]["DeviceGrantLevel"];
            grantedBy: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            grantedAt: string;
        };
        /**
         * @example {
         *       "name": "soil-moisture",
         *       "description": "Readings every 10 minutes",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
         *     }
         */
        Stream: {
            name: string;
            description: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            createdBy: string;
        };
        /**
         * @example {
         *       "receivedAt": "2026-03-16T09:30:00.000Z"
         *     }
         */
        IngestAccepted: {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            receivedAt: string;
        };
        /**
         * @example {
         *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *       "sims": [
         *         {
         *           "iccid": "89882280000000000006",
         *           "provisionedAt": "2026-03-02T09:30:00.000Z",
         *           "alreadyProvisioned": false
         *         }
         *       ]
         *     }
         */
        ProvisionedSims: {
            organizationId: string;
            sims: {
                iccid: components["schemas"]["Iccid"];
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC timestamp
                 */
                provisionedAt: string;
                alreadyProvisioned: boolean;
            }[];
        };
        /**
         * @example {
         *       "iccid": "89882280000000000006",
         *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *       "status": "active",
         *       "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "updatedAt": "2026-03-16T09:30:00.000Z"
         *     }
         */
        Sim: {
            iccid: components["schemas"]["Iccid"];
            workspaceId: string;
            status: components["schemas"]["SimStatus"];
            deviceId: string | null;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            updatedAt: string;
        };
        /**
         * @example {
         *       "id": "b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e",
         *       "iccid": "89882280000000000006",
         *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *       "at": "2026-03-02T09:30:00.000Z",
         *       "bytes": 1048576,
         *       "recordedAt": "2026-03-02T09:30:00.000Z"
         *     }
         */
        UsageRecord: {
            id: string;
            iccid: string;
            workspaceId: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            at: string;
            bytes: number;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            recordedAt: string;
        };
        /**
         * @description Traffic of the workspace in [from, to)
         * @example {
         *       "from": "2026-03-01T00:00:00.000Z",
         *       "to": "2026-04-01T00:00:00.000Z",
         *       "trafficBytes": 3145728,
         *       "bySim": [
         *         {
         *           "iccid": "89882280000000000006",
         *           "bytes": 3145728
         *         }
         *       ]
         *     }
         */
        Usage: {
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            from: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            to: string;
            trafficBytes: number;
            bySim: {
                iccid: string;
                bytes: number;
            }[];
        };
        /**
         * @example {
         *       "workspaces": [
         *         {
         *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
         *           "name": "Field trials",
         *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
         *           "members": 4,
         *           "devices": 12,
         *           "sims": 10,
         *           "trafficBytes": 3145728
         *         }
         *       ],
         *       "combined": {
         *         "members": 4,
         *         "devices": 12,
         *         "sims": 10,
         *         "trafficBytes": 3145728
         *       }
         *     }
         */
        Report: {
            workspaces: {
                workspaceId: string;
                name: string;
                organizationId: string;
                members: number;
                devices: number;
                sims: number;
                trafficBytes: number;
            }[];
            combined: {
                members: number;
                devices: number;
                sims: number;
                trafficBytes: number;
            };
        };
        /**
         * @description an endpoint (at most 10 per organization); its signing secret is never read back
         * @example {
         *       "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
         *       "url": "https://hooks.example.com/tenancy",
         *       "description": "CRM sync",
         *       "eventTypes": [
         *         "tenancy.member.added"
         *       ],
         *       "enabled": true,
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
         *     }
         */
        Webhook: {
            id: string;
            url: string;
            description: string;
            eventTypes: string[];
            enabled: boolean;
            /**
             * @description set when the service disabled it: every delivery failed for 5 days
             * @enum {string}
             */
            disabledReason?: "failing";
            /**
             * Format: date-time
             * @description the first failed attempt since the last success
             */
            failingSince?: string;
            /** @description while the previous secret still signs beside the current one */
            secretRotation?: {
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC timestamp
                 */
                previousExpiresAt: string;
            };
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            createdBy: string;
        };
        /**
         * @example {
         *       "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
         *       "url": "https://hooks.example.com/tenancy",
         *       "description": "CRM sync",
         *       "eventTypes": [
         *         "tenancy.member.added"
         *       ],
         *       "enabled": true,
         *       "createdAt": "2026-03-02T09:30:00.000Z",
         *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
         *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
         *     }
         */
        WebhookWithSecret: {
            id: string;
            url: string;
            description: string;
            eventTypes: string[];
            enabled: boolean;
            /**
             * @description set when the service disabled it: every delivery failed for 5 days
             * @enum {string}
             */
            disabledReason?: "failing";
            /**
             * Format: date-time
             * @description the first failed attempt since the last success
             */
            failingSince?: string;
            /** @description while the previous secret still signs beside the current one */
            secretRotation?: {
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC timestamp
                 */
                previousExpiresAt: string;
            };
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            createdAt: string;
            createdBy: string;
            /** @description the signing secret (`whsec_…`, Standard Webhooks): shown this once, store it now */
            secret: string;
        };
        /**
         * @example {
         *       "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
         *       "webhookId": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
         *       "eventType": "tenancy.member.added",
         *       "eventAt": "2026-03-02T09:30:00.000Z",
         *       "status": "succeeded",
         *       "attempts": [
         *         {
         *           "at": "2026-03-02T09:30:00.000Z",
         *           "status": 200,
         *           "durationMs": 84,
         *           "response": "ok",
         *           "trigger": "event"
         *         }
         *       ],
         *       "payload": "{\"specversion\":\"1.0\",\"id\":\"f0e1d2c3-b4a5-4968-8776-655443322110\",\"source\":\"/orgs/5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70\",\"type\":\"tenancy.member.added\"}"
         *     }
         */
        WebhookDelivery: {
            /** @description the event's id: the `webhook-id` of every attempt */
            id: string;
            webhookId: string;
            eventType: string;
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            eventAt: string;
            /**
             * @description `pending` while the schedule will try again (`nextAttemptAt`); `failed` once it gave up (24 h), or the endpoint was disabled
             * @enum {string}
             */
            status: "pending" | "succeeded" | "failed";
            /** @description the last 20 attempts, oldest first */
            attempts: {
                /**
                 * Format: date-time
                 * @description ISO-8601 UTC timestamp
                 */
                at: string;
                /** @description the receiver's status code; absent when it did not answer */
                status?: number;
                durationMs: number;
                error?: string;
                /** @description the first 1 KB of the receiver's answer */
                response?: string;
                /** @enum {string} */
                trigger: "event" | "retry" | "replay";
            }[];
            /**
             * Format: date-time
             * @description ISO-8601 UTC timestamp
             */
            nextAttemptAt?: string;
            /** @description the body sent, exactly: a CloudEvent (JSON) */
            payload: string;
        };
        /**
         * @description API Gateway's own answer (in AWS), not a problem document
         * @example {
         *       "message": "Unauthorized"
         *     }
         */
        GatewayMessage: {
            message: string;
        };
        /** @description RFC 9457 problem document */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            code: string;
            errors?: {
                path: string;
                message: string;
            }[];
        };
    };
    responses: {
        /** @description API Gateway's answer to a method and path that no operation has (in AWS): 404, before any function runs */
        UnknownRoute: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                /**
                 * @example {
                 *       "message": "Not Found"
                 *     }
                 */
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /**
         * @description Payload too large
         *
         *     API Gateway itself (in AWS), as `{ "message": "..." }`: a request over its 10 MB payload limit.
         */
        "413-gateway": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /**
         * @description Too many requests
         *
         *     API Gateway itself (in AWS), as `{ "message": "..." }`: the stage throttle.
         */
        "429-gateway": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /**
         * @description Internal server error
         *
         *     `internal_error`: something unexpected; the answer reveals nothing.
         *
         *     API Gateway itself (in AWS), as `{ "message": "..." }`: when the function itself fails or times out.
         */
        "500-internal_error-gateway": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 500;
                    /** @enum {unknown} */
                    code?: "internal_error";
                };
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /**
         * @description Bad request
         *
         *     `bad_request`: invalid input: `errors` lists each field at fault; also a forged or foreign cursor.
         */
        "400-bad_request": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 400;
                    /** @enum {unknown} */
                    code?: "bad_request";
                };
            };
        };
        /**
         * @description Not found
         *
         *     `not_found`: does not exist, or the caller may not see it (the same answer).
         */
        "404-not_found": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 404;
                    /** @enum {unknown} */
                    code?: "not_found";
                };
            };
        };
        /**
         * @description Bad request
         *
         *     `bad_request`: invalid input: `errors` lists each field at fault; also a forged or foreign cursor.
         *
         *     `invalid_email`: the email address holds look-alike or invisible characters.
         */
        "400-bad_request-invalid_email": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 400;
                    /** @enum {unknown} */
                    code?: "bad_request" | "invalid_email";
                };
            };
        };
        /**
         * @description Unauthorized
         *
         *     `unauthorized`: no valid credential: an ID token, the device key, or the billing webhook's signature is missing or wrong.
         *
         *     API Gateway itself (in AWS), as `{ "message": "..." }`: no token, or one its Cognito JWT authorizer refuses (`WWW-Authenticate` says why).
         */
        "401-unauthorized-gateway": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description The `Bearer` challenge, with the reason a token was refused. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 401;
                    /** @enum {unknown} */
                    code?: "unauthorized";
                };
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /**
         * @description Forbidden
         *
         *     `forbidden`: visible, but not allowed to this caller (role, operators only, another invitee, no email claim).
         *
         *     `sso_required`: the workspace, or the default workspace, requires single sign-on through a provider this token did not come through.
         */
        "403-forbidden-sso_required": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {unknown} */
                    code?: "forbidden" | "sso_required";
                };
            };
        };
        /**
         * @description Conflict
         *
         *     `conflict`: a uniqueness or state rule, or a concurrent change: reload and try again.
         */
        "409-conflict": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 409;
                    /** @enum {unknown} */
                    code?: "conflict";
                };
            };
        };
        /**
         * @description Payload too large
         *
         *     `payload_too_large`: the body is over 64 KB.
         *
         *     API Gateway itself (in AWS), as `{ "message": "..." }`: a request over its 10 MB payload limit.
         */
        "413-payload_too_large-gateway": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 413;
                    /** @enum {unknown} */
                    code?: "payload_too_large";
                };
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /**
         * @description Unsupported media type
         *
         *     `unsupported_media_type`: a body that is not `application/json`.
         */
        "415-unsupported_media_type": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 415;
                    /** @enum {unknown} */
                    code?: "unsupported_media_type";
                };
            };
        };
        /**
         * @description Too many requests
         *
         *     `rate_limited`: an allowance of the service is spent until `Retry-After`.
         *
         *     API Gateway itself (in AWS), as `{ "message": "..." }`: the stage throttle.
         */
        "429-rate_limited-gateway": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description Seconds until the allowance that was spent renews. */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 429;
                    /** @enum {unknown} */
                    code?: "rate_limited";
                };
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
        /**
         * @description Service unavailable
         *
         *     `unavailable`: the database (or Cognito) is busy or did not answer: try again after `Retry-After`.
         */
        "503-unavailable": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description Seconds to wait before trying again. */
                "Retry-After": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 503;
                    /** @enum {unknown} */
                    code?: "unavailable";
                };
            };
        };
        /**
         * @description Forbidden
         *
         *     `forbidden`: visible, but not allowed to this caller (role, operators only, another invitee, no email claim).
         */
        "403-forbidden": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 403;
                    /** @enum {unknown} */
                    code?: "forbidden";
                };
            };
        };
        /**
         * @description Precondition failed
         *
         *     `precondition_failed`: `If-Match` does not match the current ETag (strong comparison).
         */
        "412-precondition_failed": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 412;
                    /** @enum {unknown} */
                    code?: "precondition_failed";
                };
            };
        };
        /**
         * @description Conflict
         *
         *     `conflict`: a uniqueness or state rule, or a concurrent change: reload and try again.
         */
        "409-conflict-2": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description While a request with the same `Idempotency-Key` is still in progress: when to try again. */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 409;
                    /** @enum {unknown} */
                    code?: "conflict";
                };
            };
        };
        /**
         * @description Unprocessable content
         *
         *     `idempotency_key_reused`: this `Idempotency-Key` came with another body.
         */
        "422-idempotency_key_reused": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 422;
                    /** @enum {unknown} */
                    code?: "idempotency_key_reused";
                };
            };
        };
        /**
         * @description Payment required
         *
         *     `payment_required`: a paid plan asked of a deployment that leaves paid plans to billing (no self-serve plans): pay through billing.
         */
        "402-payment_required": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 402;
                    /** @enum {unknown} */
                    code?: "payment_required";
                };
            };
        };
        /**
         * @description Unauthorized
         *
         *     `unauthorized`: no valid credential: an ID token, the device key, or the billing webhook's signature is missing or wrong.
         */
        "401-unauthorized": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description The `Billing-Signature` challenge: sign `<t>.<raw body>` with the shared secret. */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 401;
                    /** @enum {unknown} */
                    code?: "unauthorized";
                };
            };
        };
        /**
         * @description Conflict
         *
         *     `conflict`: a uniqueness or state rule, or a concurrent change: reload and try again.
         *
         *     `quota_exceeded`: the plan or a per-member allowance holds no more.
         */
        "409-conflict-quota_exceeded": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description While a request with the same `Idempotency-Key` is still in progress: when to try again. */
                "Retry-After"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 409;
                    /** @enum {unknown} */
                    code?: "conflict" | "quota_exceeded";
                };
            };
        };
        /**
         * @description Conflict
         *
         *     `conflict`: a uniqueness or state rule, or a concurrent change: reload and try again.
         *
         *     `quota_exceeded`: the plan or a per-member allowance holds no more.
         */
        "409-conflict-quota_exceeded-2": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 409;
                    /** @enum {unknown} */
                    code?: "conflict" | "quota_exceeded";
                };
            };
        };
        /**
         * @description Locked
         *
         *     `workspace_disabled`: the workspace is disabled (the organization's trial ended): its assets cannot change.
         */
        "423-workspace_disabled": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 423;
                    /** @enum {unknown} */
                    code?: "workspace_disabled";
                };
            };
        };
        /**
         * @description Unauthorized
         *
         *     `unauthorized`: no valid credential: an ID token, the device key, or the billing webhook's signature is missing or wrong.
         */
        "401-unauthorized-2": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description The `Device` challenge: send `Authorization: Device <deviceKey>`. */
                "WWW-Authenticate": string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"] & {
                    /** @constant */
                    status?: 401;
                    /** @enum {unknown} */
                    code?: "unauthorized";
                };
            };
        };
        /**
         * @description Too many requests
         *
         *     API Gateway itself (in AWS), as `{ "message": "..." }`: the route throttle devices share, or the stage throttle.
         */
        "429-gateway-2": {
            headers: {
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["GatewayMessage"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: {
        /** @description CORS: the portal's origin, on answers to requests from it (no other origin is allowed) */
        "Access-Control-Allow-Origin": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    serviceHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok"
                     *     }
                     */
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
        };
    };
    serviceOpenapi: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "openapi": "3.1.0",
                     *       "info": {
                     *         "title": "Tenancy API",
                     *         "version": "1.0.0"
                     *       },
                     *       "paths": {}
                     *     }
                     */
                    "application/json": {
                        openapi: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
        };
    };
    serviceProblemType: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /** @example <!doctype html><html lang="en"><head><title>not_found — Tenancy API problem</title></head><body>…</body></html> */
                    "text/html": string;
                };
            };
            400: components["responses"]["400-bad_request"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
        };
    };
    meSignup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "givenName": "Ada",
                 *       "familyName": "Lovelace",
                 *       "organizationName": "Analytical Engines"
                 *     }
                 */
                "application/json": {
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    givenName: string;
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    familyName: string;
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    organizationName?: string;
                };
            };
        };
        responses: {
            /** @description OK: a repeat: the profile exists already, nothing is created */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "email": "ada@example.com",
                     *         "givenName": "Ada",
                     *         "familyName": "Lovelace",
                     *         "defaultWorkspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *         "createdAt": "2026-03-02T09:30:00.000Z"
                     *       },
                     *       "organizations": [
                     *         {
                     *           "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "name": "Analytical Engines",
                     *           "role": "owner"
                     *         }
                     *       ],
                     *       "workspaces": [
                     *         {
                     *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "name": "Default",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "role": "admin",
                     *           "state": "enabled",
                     *           "disabledReason": null
                     *         }
                     *       ],
                     *       "sso": {
                     *         "required": false,
                     *         "providerName": null,
                     *         "satisfied": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "email": "ada@example.com",
                     *         "givenName": "Ada",
                     *         "familyName": "Lovelace",
                     *         "defaultWorkspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *         "createdAt": "2026-03-02T09:30:00.000Z"
                     *       },
                     *       "organizations": [
                     *         {
                     *           "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "name": "Analytical Engines",
                     *           "role": "owner"
                     *         }
                     *       ],
                     *       "workspaces": [
                     *         {
                     *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "name": "Default",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "role": "admin",
                     *           "state": "enabled",
                     *           "disabledReason": null
                     *         }
                     *       ],
                     *       "sso": {
                     *         "required": false,
                     *         "providerName": null,
                     *         "satisfied": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["400-bad_request-invalid_email"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-rate_limited-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    meGet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "email": "ada@example.com",
                     *         "givenName": "Ada",
                     *         "familyName": "Lovelace",
                     *         "defaultWorkspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *         "createdAt": "2026-03-02T09:30:00.000Z"
                     *       },
                     *       "organizations": [
                     *         {
                     *           "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "name": "Analytical Engines",
                     *           "role": "owner"
                     *         }
                     *       ],
                     *       "workspaces": [
                     *         {
                     *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "name": "Default",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "role": "admin",
                     *           "state": "enabled",
                     *           "disabledReason": null
                     *         }
                     *       ],
                     *       "sso": {
                     *         "required": false,
                     *         "providerName": null,
                     *         "satisfied": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
                };
            };
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    mePatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "givenName": "Ada",
                 *       "defaultWorkspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c"
                 *     }
                 */
                "application/json": {
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    givenName?: string;
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    familyName?: string;
                    /** Format: uuid */
                    defaultWorkspaceId?: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "user": {
                     *         "id": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "email": "ada@example.com",
                     *         "givenName": "Ada",
                     *         "familyName": "Lovelace",
                     *         "defaultWorkspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *         "createdAt": "2026-03-02T09:30:00.000Z"
                     *       },
                     *       "organizations": [
                     *         {
                     *           "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "name": "Analytical Engines",
                     *           "role": "owner"
                     *         }
                     *       ],
                     *       "workspaces": [
                     *         {
                     *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "name": "Default",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "role": "admin",
                     *           "state": "enabled",
                     *           "disabledReason": null
                     *         }
                     *       ],
                     *       "sso": {
                     *         "required": false,
                     *         "providerName": null,
                     *         "satisfied": true
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Me"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                q?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "name": "Analytical Engines",
                     *           "role": "owner"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["OrganizationSummary"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Analytical Engines",
                 *       "description": "Fleet telemetry",
                 *       "logoUrl": "https://example.com/logo.png"
                 *     }
                 */
                "application/json": {
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    name: string;
                    description?: string;
                    /** Format: uri */
                    logoUrl?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Analytical Engines",
                     *       "description": "Fleet telemetry",
                     *       "logoUrl": null,
                     *       "branding": null,
                     *       "plan": "trial",
                     *       "trialEndsAt": "2026-03-16T09:30:00.000Z",
                     *       "ownerId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Analytical Engines",
                     *       "description": "Fleet telemetry",
                     *       "logoUrl": null,
                     *       "branding": null,
                     *       "plan": "trial",
                     *       "trialEndsAt": "2026-03-16T09:30:00.000Z",
                     *       "ownerId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsPatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Analytical Engines Ltd",
                 *       "branding": {
                 *         "primaryColor": "#1a2b3c",
                 *         "accentColor": "#ffcc00"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    name?: string;
                    description?: string | null;
                    logoUrl?: string | null;
                    branding?: components["schemas"]["Branding"] | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Analytical Engines",
                     *       "description": "Fleet telemetry",
                     *       "logoUrl": null,
                     *       "branding": null,
                     *       "plan": "trial",
                     *       "trialEndsAt": "2026-03-16T09:30:00.000Z",
                     *       "ownerId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsTransferOwnership: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"
                 *     }
                 */
                "application/json": {
                    /** Format: uuid */
                    userId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Analytical Engines",
                     *       "description": "Fleet telemetry",
                     *       "logoUrl": null,
                     *       "branding": null,
                     *       "plan": "trial",
                     *       "trialEndsAt": "2026-03-16T09:30:00.000Z",
                     *       "ownerId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsPlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "plan": "pro"
                 *     }
                 */
                "application/json": {
                    /** @enum {string} */
                    plan: "free" | "pro" | "enterprise";
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Analytical Engines",
                     *       "description": "Fleet telemetry",
                     *       "logoUrl": null,
                     *       "branding": null,
                     *       "plan": "trial",
                     *       "trialEndsAt": "2026-03-16T09:30:00.000Z",
                     *       "ownerId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            402: components["responses"]["402-payment_required"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    billingEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "id": "evt_1Q2w3E4r5T",
                 *       "type": "plan.changed",
                 *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                 *       "plan": "pro"
                 *     }
                 */
                "application/json": components["schemas"]["BillingEvent"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "evt_1Q2w3E4r5T",
                     *       "outcome": "applied",
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "plan": "pro",
                     *       "detail": "The organization is now on the pro plan."
                     *     }
                     */
                    "application/json": components["schemas"]["BillingEventOutcome"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    orgsOverview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspaces": 2,
                     *       "members": 5,
                     *       "pendingInvitations": 1,
                     *       "devices": 12,
                     *       "sims": 10,
                     *       "trafficBytes": 73400320,
                     *       "freeTrafficBytes": 1000000000000
                     *     }
                     */
                    "application/json": components["schemas"]["OrganizationOverview"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    adminExtendTrial: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "extendDays": 14
                 *     }
                 */
                "application/json": {
                    extendDays: number;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Analytical Engines",
                     *       "description": "Fleet telemetry",
                     *       "logoUrl": null,
                     *       "branding": null,
                     *       "plan": "trial",
                     *       "trialEndsAt": "2026-03-16T09:30:00.000Z",
                     *       "ownerId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Organization"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    auditList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
                     *           "at": "2026-03-02T09:30:00.000Z",
                     *           "actorId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *           "action": "device.created",
                     *           "target": {
                     *             "type": "device",
                     *             "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
                     *           },
                     *           "details": {
                     *             "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *             "name": "pump-07"
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["AuditEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    auditEvents: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                type?: components["schemas"]["EventType"];
                /** @description events at or after this time (inclusive) */
                since?: string;
            };
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "specversion": "1.0",
                     *           "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
                     *           "source": "/orgs/5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "type": "tenancy.device.created",
                     *           "subject": "device/c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *           "time": "2026-03-02T09:30:00.000Z",
                     *           "datacontenttype": "application/json",
                     *           "data": {
                     *             "actorId": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *             "target": {
                     *               "type": "device",
                     *               "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
                     *             },
                     *             "details": {
                     *               "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *               "name": "pump-07"
                     *             }
                     *           }
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["CloudEvent"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                status?: components["schemas"]["InvitationStatus"];
            };
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "email": "grace@example.com",
                     *           "role": "member",
                     *           "workspaces": [
                     *             {
                     *               "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *               "role": "editor"
                     *             }
                     *           ],
                     *           "message": "Welcome aboard!",
                     *           "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *           "invitedByName": "Ada Lovelace",
                     *           "createdAt": "2026-03-02T09:30:00.000Z",
                     *           "expiresAt": "2026-03-16T09:30:00.000Z",
                     *           "status": "pending",
                     *           "emailStatus": "sent"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Invitation"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "email": "grace@example.com",
                 *       "role": "member",
                 *       "workspaces": [
                 *         {
                 *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                 *           "role": "editor"
                 *         }
                 *       ],
                 *       "message": "Welcome aboard!",
                 *       "expiresInDays": 7
                 *     }
                 */
                "application/json": {
                    /** Format: email */
                    email: string;
                    role: components["schemas"]["AssignableOrgRole"];
                    workspaces?: {
                        /** Format: uuid */
                        workspaceId: string;
                        role: components["schemas"]["WorkspaceRole"];
                    }[];
                    message?: string;
                    expiresInDays?: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8",
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "email": "grace@example.com",
                     *       "role": "member",
                     *       "workspaces": [
                     *         {
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "role": "editor"
                     *         }
                     *       ],
                     *       "message": "Welcome aboard!",
                     *       "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "invitedByName": "Ada Lovelace",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "expiresAt": "2026-03-16T09:30:00.000Z",
                     *       "status": "pending",
                     *       "emailStatus": "sent"
                     *     }
                     */
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-rate_limited-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsPatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                orgId: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "editor",
                 *       "workspaces": [
                 *         {
                 *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                 *           "role": "viewer"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    role?: components["schemas"]["AssignableOrgRole"];
                    workspaces?: {
                        /** Format: uuid */
                        workspaceId: string;
                        role: components["schemas"]["WorkspaceRole"];
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8",
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "email": "grace@example.com",
                     *       "role": "member",
                     *       "workspaces": [
                     *         {
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "role": "editor"
                     *         }
                     *       ],
                     *       "message": "Welcome aboard!",
                     *       "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "invitedByName": "Ada Lovelace",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "expiresAt": "2026-03-16T09:30:00.000Z",
                     *       "status": "pending",
                     *       "emailStatus": "sent"
                     *     }
                     */
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsResend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                invitationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "e4f5a6b7-c8d9-4e0f-a1b2-c3d4e5f6a7b8",
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "email": "grace@example.com",
                     *       "role": "member",
                     *       "workspaces": [
                     *         {
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "role": "editor"
                     *         }
                     *       ],
                     *       "message": "Welcome aboard!",
                     *       "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "invitedByName": "Ada Lovelace",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "expiresAt": "2026-03-16T09:30:00.000Z",
                     *       "status": "pending",
                     *       "emailStatus": "sent"
                     *     }
                     */
                    "application/json": components["schemas"]["Invitation"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-rate_limited-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsPreview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the link token from the invitation email (base64url); any other string is simply not found */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organizationName": "Analytical Engines",
                     *       "invitedByName": "Ada Lovelace",
                     *       "email": "grace@example.com",
                     *       "role": "member",
                     *       "expiresAt": "2026-03-16T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["InvitationPreview"];
                };
            };
            400: components["responses"]["400-bad_request"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the link token from the invitation email (base64url); any other string is simply not found */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organization": {
                     *         "id": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *         "name": "Analytical Engines",
                     *         "role": "member"
                     *       },
                     *       "workspaces": [
                     *         {
                     *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "name": "Default",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "role": "editor",
                     *           "state": "enabled",
                     *           "disabledReason": null
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["InvitationAcceptance"];
                };
            };
            400: components["responses"]["400-bad_request-invalid_email"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    invitationsDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the link token from the invitation email (base64url); any other string is simply not found */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request-invalid_email"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    identityProvidersList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "name": "acme-okta",
                     *           "status": "active",
                     *           "attributeMapping": {
                     *             "email": "user.email"
                     *           },
                     *           "createdAt": "2026-03-02T09:30:00.000Z",
                     *           "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *           "type": "SAML",
                     *           "metadataUrl": "https://acme.okta.com/app/exk1/sso/saml/metadata"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["IdentityProvider"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    identityProvidersCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "acme-okta",
                 *       "type": "SAML",
                 *       "metadataUrl": "https://acme.okta.com/app/exk1/sso/saml/metadata",
                 *       "attributeMapping": {
                 *         "email": "user.email"
                 *       }
                 *     }
                 */
                "application/json": components["schemas"]["IdentityProviderCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "acme-okta",
                     *       "status": "active",
                     *       "attributeMapping": {
                     *         "email": "user.email"
                     *       },
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "type": "SAML",
                     *       "metadataUrl": "https://acme.okta.com/app/exk1/sso/saml/metadata"
                     *     }
                     */
                    "application/json": components["schemas"]["IdentityProvider"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-quota_exceeded"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    identityProvidersDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                /** @description unique across the deployment (compared case-insensitively); a workspace's `sso.providerName`. Cognito's own names (COGNITO, Google, Facebook, LoginWithAmazon, SignInWithApple) and the deployment's providers are refused */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    membersList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
                role?: components["schemas"]["OrgRole"];
                status?: "active" | "pending";
                q?: string;
                sort?: "name" | "email" | "invitedAt" | "role";
                order?: "asc" | "desc";
            };
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                     *           "email": "grace@example.com",
                     *           "givenName": "Grace",
                     *           "familyName": "Hopper",
                     *           "role": "member",
                     *           "status": "active",
                     *           "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *           "invitedAt": "2026-03-02T09:30:00.000Z",
                     *           "memberSince": "2026-03-02T09:30:00.000Z",
                     *           "workspaces": [
                     *             {
                     *               "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *               "role": "editor"
                     *             }
                     *           ]
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Member"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    membersGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                     *       "email": "grace@example.com",
                     *       "givenName": "Grace",
                     *       "familyName": "Hopper",
                     *       "role": "member",
                     *       "status": "active",
                     *       "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "invitedAt": "2026-03-02T09:30:00.000Z",
                     *       "memberSince": "2026-03-02T09:30:00.000Z",
                     *       "workspaces": [
                     *         {
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "role": "editor"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    membersDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    membersPatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                orgId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "admin"
                 *     }
                 */
                "application/json": {
                    role: components["schemas"]["AssignableOrgRole"];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                     *       "email": "grace@example.com",
                     *       "givenName": "Grace",
                     *       "familyName": "Hopper",
                     *       "role": "member",
                     *       "status": "active",
                     *       "invitedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "invitedAt": "2026-03-02T09:30:00.000Z",
                     *       "memberSince": "2026-03-02T09:30:00.000Z",
                     *       "workspaces": [
                     *         {
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "role": "editor"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Member"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "name": "Field trials",
                     *           "description": "Devices on the test farm",
                     *           "state": "enabled",
                     *           "disabledReason": null,
                     *           "disabledAt": null,
                     *           "sso": null,
                     *           "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *           "createdAt": "2026-03-02T09:30:00.000Z",
                     *           "role": "admin"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Workspace"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Field trials",
                 *       "description": "Devices on the test farm"
                 *     }
                 */
                "application/json": {
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Field trials",
                     *       "description": "Devices on the test farm",
                     *       "state": "enabled",
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "sso": null,
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "role": "admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-quota_exceeded"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Field trials",
                     *       "description": "Devices on the test farm",
                     *       "state": "enabled",
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "sso": null,
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "role": "admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesPatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Field trials 2026",
                 *       "sso": {
                 *         "required": true,
                 *         "providerName": "acme-okta"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description trimmed; single-line: no control, zero-width or bidirectional-control characters */
                    name?: string;
                    description?: string | null;
                    sso?: components["schemas"]["WorkspaceSso"] | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "name": "Field trials",
                     *       "description": "Devices on the test farm",
                     *       "state": "enabled",
                     *       "disabledReason": null,
                     *       "disabledAt": null,
                     *       "sso": null,
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "role": "admin"
                     *     }
                     */
                    "application/json": components["schemas"]["Workspace"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesOverview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "members": 4,
                     *       "devices": 12,
                     *       "streams": 3,
                     *       "sims": 10,
                     *       "trafficBytes": 73400320
                     *     }
                     */
                    "application/json": components["schemas"]["WorkspaceOverview"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesMove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "targetOrganizationId": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b"
                 *     }
                 */
                "application/json": {
                    /** Format: uuid */
                    targetOrganizationId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspace": {
                     *         "id": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *         "organizationId": "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
                     *         "name": "Field trials",
                     *         "description": "Devices on the test farm",
                     *         "state": "enabled",
                     *         "disabledReason": null,
                     *         "disabledAt": null,
                     *         "sso": null,
                     *         "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *         "createdAt": "2026-03-02T09:30:00.000Z",
                     *         "role": "admin"
                     *       },
                     *       "removedMembers": [
                     *         "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d"
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["WorkspaceMove"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-quota_exceeded-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesMembersList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                     *           "email": "grace@example.com",
                     *           "givenName": "Grace",
                     *           "familyName": "Hopper",
                     *           "organizationRole": "member",
                     *           "workspaceRole": "editor",
                     *           "implicit": false
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["WorkspaceMember"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesMembersPut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "role": "editor"
                 *     }
                 */
                "application/json": {
                    role: components["schemas"]["WorkspaceRole"];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                     *       "email": "grace@example.com",
                     *       "givenName": "Grace",
                     *       "familyName": "Hopper",
                     *       "organizationRole": "member",
                     *       "workspaceRole": "editor",
                     *       "implicit": false
                     *     }
                     */
                    "application/json": components["schemas"]["WorkspaceMember"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    workspacesMembersDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *           "name": "pump-07",
                     *           "description": "Irrigation pump, north field",
                     *           "simIccid": "89882280000000000006",
                     *           "createdAt": "2026-03-02T09:30:00.000Z",
                     *           "lastSeenAt": "2026-03-16T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Device"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "pump-07",
                 *       "description": "Irrigation pump, north field"
                 *     }
                 */
                "application/json": {
                    /** @description unique within the workspace, compared case-insensitively */
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *       "name": "pump-07",
                     *       "description": "Irrigation pump, north field",
                     *       "simIccid": null,
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "lastSeenAt": null,
                     *       "deviceKey": "dk_4v7Qm2xR9tLpW3sZ8nK1bY6cH0jF5aE"
                     *     }
                     */
                    "application/json": components["schemas"]["CreatedDevice"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *       "name": "pump-07",
                     *       "description": "Irrigation pump, north field",
                     *       "simIccid": "89882280000000000006",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "lastSeenAt": "2026-03-16T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Device"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesPatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                workspaceId: string;
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "pump-07b",
                 *       "description": null
                 *     }
                 */
                "application/json": {
                    /** @description unique within the workspace, compared case-insensitively */
                    name?: string;
                    description?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *       "name": "pump-07",
                     *       "description": "Irrigation pump, north field",
                     *       "simIccid": "89882280000000000006",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "lastSeenAt": "2026-03-16T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Device"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesGrantsList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *           "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                     *           "access": "read",
                     *           "grantedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *           "grantedAt": "2026-03-02T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["DeviceGrant"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesGrantsPut: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                deviceId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "access": "read"
                 *     }
                 */
                "application/json": {
                    access: components["schemas"]["DeviceGrantLevel"];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *       "userId": "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d",
                     *       "access": "read",
                     *       "grantedBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "grantedAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["DeviceGrant"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-quota_exceeded-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    devicesGrantsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                deviceId: string;
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    streamsList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "name": "soil-moisture",
                     *           "description": "Readings every 10 minutes",
                     *           "createdAt": "2026-03-02T09:30:00.000Z",
                     *           "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Stream"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    streamsCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "soil-moisture",
                 *       "description": "Readings every 10 minutes"
                 *     }
                 */
                "application/json": {
                    name: string;
                    description?: string;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "name": "soil-moisture",
                     *       "description": "Readings every 10 minutes",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["Stream"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    streamsDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                streamName: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    ingestPost: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                workspaceId: string;
                /** @description unique within the workspace, compared case-insensitively */
                deviceName: string;
                streamName: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "moisture": 0.31,
                 *       "temperatureC": 18.5
                 *     }
                 */
                "application/json": unknown;
            };
        };
        responses: {
            /** @description Accepted */
            202: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "receivedAt": "2026-03-16T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["IngestAccepted"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-2"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway-2"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    adminProvisionSims: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "sims": [
                 *         {
                 *           "iccid": "89882280000000000006",
                 *           "activationCode": "K7QX-2M9P-4HTR"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    sims: {
                        iccid: components["schemas"]["Iccid"];
                        activationCode: components["schemas"]["ActivationCode"];
                    }[];
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *       "sims": [
                     *         {
                     *           "iccid": "89882280000000000006",
                     *           "provisionedAt": "2026-03-02T09:30:00.000Z",
                     *           "alreadyProvisioned": false
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["ProvisionedSims"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    simsList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "iccid": "89882280000000000006",
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "status": "active",
                     *           "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *           "createdAt": "2026-03-02T09:30:00.000Z",
                     *           "updatedAt": "2026-03-16T09:30:00.000Z"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Sim"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    simsCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "iccid": "89882280000000000006",
                 *       "activationCode": "K7QX-2M9P-4HTR"
                 *     }
                 */
                "application/json": {
                    iccid: components["schemas"]["Iccid"];
                    activationCode: components["schemas"]["ActivationCode"];
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "iccid": "89882280000000000006",
                     *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "status": "active",
                     *       "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "updatedAt": "2026-03-16T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Sim"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-rate_limited-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    simsPatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                workspaceId: string;
                /** @description 19–20 digits, the last a Luhn check digit over the others (ITU-T E.118) */
                iccid: components["schemas"]["Iccid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "status": "active",
                 *       "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"
                 *     }
                 */
                "application/json": {
                    status?: components["schemas"]["SimStatus"];
                    deviceId?: string | null;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "iccid": "89882280000000000006",
                     *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "status": "active",
                     *       "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "updatedAt": "2026-03-16T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Sim"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    simsTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description 19–20 digits, the last a Luhn check digit over the others (ITU-T E.118) */
                iccid: components["schemas"]["Iccid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "targetWorkspaceId": "3c5e7a9b-1d2f-4b4c-8d6e-0f2a4c6e8a0b"
                 *     }
                 */
                "application/json": {
                    /** Format: uuid */
                    targetWorkspaceId: string;
                };
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "iccid": "89882280000000000006",
                     *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "status": "active",
                     *       "deviceId": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "updatedAt": "2026-03-16T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["Sim"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            423: components["responses"]["423-workspace_disabled"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    simsRecordUsage: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                /** @description 19–20 digits, the last a Luhn check digit over the others (ITU-T E.118) */
                iccid: components["schemas"]["Iccid"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "at": "2026-03-02T09:30:00.000Z",
                 *       "bytes": 1048576
                 *     }
                 */
                "application/json": {
                    /**
                     * Format: date-time
                     * @description ISO-8601 UTC timestamp
                     */
                    at: string;
                    bytes: number;
                };
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "b7c8d9e0-f1a2-4b3c-9d4e-5f6a7b8c9d0e",
                     *       "iccid": "89882280000000000006",
                     *       "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *       "at": "2026-03-02T09:30:00.000Z",
                     *       "bytes": 1048576,
                     *       "recordedAt": "2026-03-02T09:30:00.000Z"
                     *     }
                     */
                    "application/json": components["schemas"]["UsageRecord"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-2"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    simsUsage: {
        parameters: {
            query?: {
                from?: string;
                to?: string;
            };
            header?: never;
            path: {
                workspaceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "from": "2026-03-01T00:00:00.000Z",
                     *       "to": "2026-04-01T00:00:00.000Z",
                     *       "trafficBytes": 3145728,
                     *       "bySim": [
                     *         {
                     *           "iccid": "89882280000000000006",
                     *           "bytes": 3145728
                     *         }
                     *       ]
                     *     }
                     */
                    "application/json": components["schemas"]["Usage"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    reportsGet: {
        parameters: {
            query?: {
                /** @description comma-separated workspace ids (at most 100); without it, every workspace I can access */
                workspaceIds?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "workspaces": [
                     *         {
                     *           "workspaceId": "0d4b6a2c-8e1f-4a3b-b5c7-9d1e3f5a7b9c",
                     *           "name": "Field trials",
                     *           "organizationId": "5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70",
                     *           "members": 4,
                     *           "devices": 12,
                     *           "sims": 10,
                     *           "trafficBytes": 3145728
                     *         }
                     *       ],
                     *       "combined": {
                     *         "members": 4,
                     *         "devices": 12,
                     *         "sims": 10,
                     *         "trafficBytes": 3145728
                     *       }
                     *     }
                     */
                    "application/json": components["schemas"]["Report"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksList: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
                     *           "url": "https://hooks.example.com/tenancy",
                     *           "description": "CRM sync",
                     *           "eventTypes": [
                     *             "tenancy.member.added"
                     *           ],
                     *           "enabled": true,
                     *           "createdAt": "2026-03-02T09:30:00.000Z",
                     *           "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["Webhook"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksCreate: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                orgId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "url": "https://hooks.example.com/tenancy",
                 *       "eventTypes": [
                 *         "tenancy.member.added",
                 *         "tenancy.trial.ended"
                 *       ],
                 *       "description": "CRM sync"
                 *     }
                 */
                "application/json": components["schemas"]["WebhookCreate"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    /** @description The path of the resource just created. */
                    Location: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
                     *       "url": "https://hooks.example.com/tenancy",
                     *       "description": "CRM sync",
                     *       "eventTypes": [
                     *         "tenancy.member.added"
                     *       ],
                     *       "enabled": true,
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict-quota_exceeded"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            422: components["responses"]["422-idempotency_key_reused"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksGet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
                     *       "url": "https://hooks.example.com/tenancy",
                     *       "description": "CRM sync",
                     *       "eventTypes": [
                     *         "tenancy.member.added"
                     *       ],
                     *       "enabled": true,
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksDelete: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description No content */
            204: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksPatch: {
        parameters: {
            query?: never;
            header?: {
                "if-match"?: string;
            };
            path: {
                orgId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "enabled": true
                 *     }
                 */
                "application/json": components["schemas"]["WebhookPatch"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
                     *       "url": "https://hooks.example.com/tenancy",
                     *       "description": "CRM sync",
                     *       "eventTypes": [
                     *         "tenancy.member.added"
                     *       ],
                     *       "enabled": true,
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b"
                     *     }
                     */
                    "application/json": components["schemas"]["Webhook"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            412: components["responses"]["412-precondition_failed"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksRotateSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "overlapSeconds": 3600
                 *     }
                 */
                "application/json": components["schemas"]["WebhookRotate"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    /** @description The resource's version (strong); send it back as `If-Match` to change it only if unchanged. */
                    ETag: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
                     *       "url": "https://hooks.example.com/tenancy",
                     *       "description": "CRM sync",
                     *       "eventTypes": [
                     *         "tenancy.member.added"
                     *       ],
                     *       "enabled": true,
                     *       "createdAt": "2026-03-02T09:30:00.000Z",
                     *       "createdBy": "2f6e1c8a-3b4d-4e5f-8a9b-0c1d2e3f4a5b",
                     *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookWithSecret"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-payload_too_large-gateway"];
            415: components["responses"]["415-unsupported_media_type"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                cursor?: string;
            };
            header?: never;
            path: {
                orgId: string;
                webhookId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "items": [
                     *         {
                     *           "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
                     *           "webhookId": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
                     *           "eventType": "tenancy.member.added",
                     *           "eventAt": "2026-03-02T09:30:00.000Z",
                     *           "status": "succeeded",
                     *           "attempts": [
                     *             {
                     *               "at": "2026-03-02T09:30:00.000Z",
                     *               "status": 200,
                     *               "durationMs": 84,
                     *               "response": "ok",
                     *               "trigger": "event"
                     *             }
                     *           ],
                     *           "payload": "{\"specversion\":\"1.0\",\"id\":\"f0e1d2c3-b4a5-4968-8776-655443322110\",\"source\":\"/orgs/5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70\",\"type\":\"tenancy.member.added\"}"
                     *         }
                     *       ],
                     *       "nextCursor": null
                     *     }
                     */
                    "application/json": {
                        items: components["schemas"]["WebhookDelivery"][];
                        nextCursor: string | null;
                    };
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
    webhooksReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orgId: string;
                webhookId: string;
                /** @description the event's id, which is the delivery's `webhook-id` */
                deliveryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "f0e1d2c3-b4a5-4968-8776-655443322110",
                     *       "webhookId": "6b7c8d9e-0f1a-4b2c-9d3e-4f5a6b7c8d9e",
                     *       "eventType": "tenancy.member.added",
                     *       "eventAt": "2026-03-02T09:30:00.000Z",
                     *       "status": "succeeded",
                     *       "attempts": [
                     *         {
                     *           "at": "2026-03-02T09:30:00.000Z",
                     *           "status": 200,
                     *           "durationMs": 84,
                     *           "response": "ok",
                     *           "trigger": "event"
                     *         }
                     *       ],
                     *       "payload": "{\"specversion\":\"1.0\",\"id\":\"f0e1d2c3-b4a5-4968-8776-655443322110\",\"source\":\"/orgs/5f0c1a2e-7b3d-4c8e-9f1a-2b3c4d5e6f70\",\"type\":\"tenancy.member.added\"}"
                     *     }
                     */
                    "application/json": components["schemas"]["WebhookDelivery"];
                };
            };
            400: components["responses"]["400-bad_request"];
            401: components["responses"]["401-unauthorized-gateway"];
            403: components["responses"]["403-forbidden-sso_required"];
            404: components["responses"]["404-not_found"];
            409: components["responses"]["409-conflict"];
            413: components["responses"]["413-gateway"];
            429: components["responses"]["429-gateway"];
            500: components["responses"]["500-internal_error-gateway"];
            503: components["responses"]["503-unavailable"];
        };
    };
}
