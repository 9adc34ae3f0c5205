/**
 * The one rule on where this service may send a request on a customer's behalf (webhook
 * deliveries): only to public unicast addresses. Private (RFC 1918, unique-local), loopback,
 * link-local (which holds the instance metadata service, 169.254.169.254 and fd00:ec2::254),
 * carrier-grade NAT, multicast, broadcast, reserved and unspecified addresses are refused, and so
 * is an IPv6 address that carries one of those as IPv4 (mapped, 6to4, Teredo, NAT64). Applied at
 * registration, to every address the host resolves to, and at delivery, to the address the
 * connection is about to use (no second lookup in between: no DNS rebinding).
 *
 * The local stack alone also allows loopback (its receivers listen on 127.0.0.1), by
 * `WEBHOOKS_ALLOW_LOOPBACK=true` (never set in AWS).
 */
import ipaddr from 'ipaddr.js';

/** The AWS metadata endpoint's IPv6 address, outside every range ipaddr.js names. */
const METADATA_IPV6 = ipaddr.parse('fd00:ec2::254');

/** Whether `address` is a loopback address (127/8, ::1, or one of them mapped into IPv6). */
export function isLoopbackAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  return parsed.range() === 'loopback';
}

/** Why `address` may not be connected to, or undefined when it may. */
export function forbiddenAddress(address: string, options: { allowLoopback: boolean }): string | undefined {
  if (!ipaddr.isValid(address)) return 'is not an IP address';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    if (v6.toNormalizedString() === METADATA_IPV6.toNormalizedString()) return 'is the instance metadata address';
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
    else {
      // 6to4 (2002::/16) and NAT64 (64:ff9b::/96) embed an IPv4 address; Teredo (2001::/32) hides one: all refused.
      const range = v6.range();
      if (range === '6to4' || range === 'teredo' || range === 'rfc6052' || range === 'rfc6145') return `is in a ${range} range (it reaches IPv4 addresses)`;
    }
  }
  const range = parsed.range();
  if (range === 'unicast') return undefined;
  if (range === 'loopback' && options.allowLoopback) return undefined;
  return `is a ${range} address`;
}
