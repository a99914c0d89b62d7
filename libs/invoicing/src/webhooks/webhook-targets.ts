import ipaddr from 'ipaddr.js';
import { lookup, LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, Dispatcher } from 'undici';

/** Which addresses outbound webhooks may reach: any, or only the public internet (see WEBHOOK_TARGETS). */
export type WebhookTargets = 'any' | 'public';

export const TARGET_NOT_PUBLIC = 'ERR_WEBHOOK_TARGET_NOT_PUBLIC';

/**
 * Whether an address is public: not loopback, private, link-local (cloud metadata services live there),
 * unique-local, carrier-grade NAT, multicast, reserved or a tunnel/translation prefix that could lead
 * back inside. An IPv4-mapped IPv6 address is judged by its IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.parse(address);
  const effective = parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress() ? (parsed as ipaddr.IPv6).toIPv4Address() : parsed;
  return effective.range() === 'unicast';
}

function notPublic(host: string, address: string): Error {
  return Object.assign(new Error(`${host} resolves to ${address}, which is not a public address`), { code: TARGET_NOT_PUBLIC });
}

/**
 * dns.lookup for the connection itself, refusing any name with a non-public address among its answers.
 * The socket connects to the address checked here, so a name cannot resolve to a public address for the
 * check and to an internal one for the connection (DNS rebinding).
 */
function publicOnlyLookup(
  hostname: string,
  options: LookupOptions,
  callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(notPublic(hostname, refused.address), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** The connection pool outbound webhooks use under a target policy; undefined means fetch's default one. */
export function dispatcherFor(targets: WebhookTargets): Dispatcher | undefined {
  return targets === 'public' ? new Agent({ connect: { lookup: publicOnlyLookup } }) : undefined;
}

/**
 * A URL whose host is written as an address that the policy refuses, or `localhost`. Names are checked
 * again when a delivery connects (an IP literal never goes through DNS, hence this check as well).
 */
export function refusedTarget(url: string, targets: WebhookTargets): string | null {
  if (targets === 'any') return null;
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is not a public host`;
  if (isIP(host) !== 0 && !isPublicAddress(host)) return `${host} is not a public address`;
  return null;
}
