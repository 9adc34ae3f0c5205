/**
 * Email bodies, HTML and plain text, from user-supplied values that are always escaped in
 * HTML (names, messages). Links come from configuration (PORTAL_URL) only, never from a request.
 */
import { escape } from 'html-escaper';
import type { Branding } from '#domain/organizations.js';
import type { Email } from '#email/ses.js';

interface Layout {
  to: string;
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  quote?: string;
  logoUrl?: string | null;
  branding?: Branding | null;
  footer: string;
}

/**
 * One line end in both parts: `\n`, as the rest of the text is joined (SES builds the MIME
 * message from Simple content and writes its line ends). A value typed with CRLF, a lone CR or a
 * Unicode line or paragraph separator would otherwise leave stray CRs, and the quote's `> `
 * prefix (a `^` matches after each of them) would land between CR and LF.
 */
const oneLineEnd = (s: string): string => s.replace(/\r\n?|[\u2028\u2029]/g, '\n');

function render(layout: Layout): Email {
  const color = layout.branding?.primaryColor ?? '#1f6feb';
  const footer = oneLineEnd(layout.branding?.emailFooter ?? layout.footer);
  const quote = layout.quote === undefined ? undefined : oneLineEnd(layout.quote);
  const html = [
    '<!doctype html><html><body style="font-family:Arial,Helvetica,sans-serif;color:#1b1f24;max-width:560px;margin:0 auto;padding:24px">',
    layout.logoUrl ? `<img src="${escape(layout.logoUrl)}" alt="" height="40" style="display:block;margin-bottom:16px">` : '',
    `<h1 style="font-size:20px">${escape(layout.heading)}</h1>`,
    ...layout.paragraphs.map((p) => `<p>${escape(p)}</p>`),
    quote ? `<blockquote style="border-left:3px solid ${escape(color)};margin:16px 0;padding:4px 12px;white-space:pre-wrap">${escape(quote)}</blockquote>` : '',
    layout.action
      ? `<p><a href="${escape(layout.action.url)}" style="background:${escape(color)};color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none;display:inline-block">${escape(layout.action.label)}</a></p>` +
        `<p style="font-size:12px;color:#57606a">Or open this link: ${escape(layout.action.url)}</p>`
      : '',
    `<p style="font-size:12px;color:#57606a">${escape(footer)}</p>`,
    '</body></html>',
  ].join('');
  const text = oneLineEnd([
    layout.heading,
    '',
    ...layout.paragraphs.flatMap((p) => [p, '']),
    ...(quote ? [quote.replace(/^/gm, '> '), ''] : []),
    ...(layout.action ? [`${layout.action.label}: ${layout.action.url}`, ''] : []),
    footer,
  ].join('\n'));
  return { to: layout.to, subject: layout.subject, html, text };
}

export function invitationEmail(input: {
  to: string;
  organizationName: string;
  inviterName: string;
  role: string;
  message: string | null;
  link: string;
  expiresAt: string;
  logoUrl: string | null;
  branding: Branding | null;
}): Email {
  const expires = new Date(input.expiresAt).toUTCString();
  return render({
    to: input.to,
    subject: `${input.inviterName} invited you to ${input.organizationName}`,
    heading: `Join ${input.organizationName}`,
    paragraphs: [
      `${input.inviterName} invited you to join ${input.organizationName} as ${input.role}.`,
      `The invitation expires on ${expires}.`,
    ],
    quote: input.message ?? undefined,
    action: { label: 'Accept the invitation', url: input.link },
    logoUrl: input.logoUrl,
    branding: input.branding,
    footer: 'If you did not expect this invitation, you can ignore this email.',
  });
}

export function trialReminderEmail(input: { to: string; ownerName: string; organizationName: string; trialEndsAt: string; portalUrl: string }): Email {
  return render({
    to: input.to,
    subject: `Your trial of ${input.organizationName} ends in 3 days`,
    heading: 'Your trial ends soon',
    paragraphs: [
      `Hello ${input.ownerName},`,
      `the trial of ${input.organizationName} ends on ${new Date(input.trialEndsAt).toUTCString()}. After that its workspaces are disabled: devices can no longer send data, and devices, streams and SIM cards can no longer be changed.`,
      'Choose a paid plan before then to keep everything running.',
    ],
    action: { label: 'Choose a plan', url: `${input.portalUrl}/billing` },
    footer: 'You receive this email because you own this organization.',
  });
}

export function trialEndedEmail(input: { to: string; ownerName: string; organizationName: string; portalUrl: string }): Email {
  return render({
    to: input.to,
    subject: `Your trial of ${input.organizationName} has ended`,
    heading: 'Your trial has ended',
    paragraphs: [
      `Hello ${input.ownerName},`,
      `the trial of ${input.organizationName} has ended and its workspaces are now disabled. Nothing was deleted: members, devices, streams and SIM cards are all still there and can still be read.`,
      'To enable the workspaces again, choose a paid plan. If you need more time to evaluate, reply to this email and we can extend your trial.',
    ],
    action: { label: 'Choose a plan', url: `${input.portalUrl}/billing` },
    footer: 'You receive this email because you own this organization.',
  });
}

export function webhookDisabledEmail(input: { to: string; ownerName: string; organizationName: string; url: string; failingSince: string; portalUrl: string }): Email {
  return render({
    to: input.to,
    subject: `A webhook endpoint of ${input.organizationName} was disabled`,
    heading: 'A webhook endpoint was disabled',
    paragraphs: [
      `Hello ${input.ownerName},`,
      `every delivery to ${input.url} has failed since ${new Date(input.failingSince).toUTCString()}, so we stopped sending events there. Nothing was lost: the events are in the organization's change feed and in the endpoint's delivery log.`,
      'Fix the receiver, enable the endpoint again in the organization settings, then replay the deliveries it missed.',
    ],
    action: { label: 'Open the organization settings', url: `${input.portalUrl}/` },
    footer: 'You receive this email because you own this organization.',
  });
}
