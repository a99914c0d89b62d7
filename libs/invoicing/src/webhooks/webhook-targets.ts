import ipaddr from 'ipaddr.js';
import { lookup, LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, Dispatcher } from 'undici';

/** Which addresses outbound webhooks may reach: any, or only the public internet (see WEBHOOK_TARGETS). */
export type WebhookTargets = 'any' | 'public';

export const TARGET_NOT_PUBLIC = 'ERR_WEBHOOK_TARGET_NOT_PUBLIC';

/** Cloud metadata services that do not sit in a link-local range (AWS over IPv6, Alibaba Cloud). */
const METADATA_ADDRESSES = new Set(['fd00:ec2::254', '100.100.100.200']);

/**
 * The address an IPv6 address really names: the IPv4 address in an IPv4-mapped (`::ffff:a.b.c.d`) or
 * IPv4-compatible (`::a.b.c.d`, the deprecated `::/96`) address, otherwise itself.
 */
function effectiveAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  if (!ipaddr.isValid(address)) return null;
  const parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv4') return parsed;
  const v6 = parsed as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const parts = v6.parts;
  const compatible = parts.slice(0, 6).every((p) => p === 0) && (parts[6] !== 0 || parts[7] > 1);
  return compatible ? ipaddr.fromByteArray(v6.toByteArray().slice(12)) : v6;
}

/**
 * Whether an address is public: not loopback, private, link-local (cloud metadata services live there),
 * unique-local, carrier-grade NAT, multicast, reserved or a tunnel/translation prefix that could lead
 * back inside. An IPv4-mapped or IPv4-compatible IPv6 address is judged by its IPv4 address.
 */
export function isPublicAddress(address: string): boolean {
  const effective = effectiveAddress(address);
  return effective !== null && effective.range() === 'unicast' && !METADATA_ADDRESSES.has(effective.toString());
}

/** Link-local and cloud metadata addresses: never a webhook target, whatever WEBHOOK_TARGETS says. */
export function isLinkLocalOrMetadata(address: string): boolean {
  const effective = effectiveAddress(address);
  if (effective === null) return false;
  return effective.range() === 'linkLocal' || effective.range() === 'unspecified' || METADATA_ADDRESSES.has(effective.toString());
}

function notPublic(host: string, address: string): Error {
  return Object.assign(new Error(`${host} resolves to ${address}, which is not a public address`), { code: TARGET_NOT_PUBLIC });
}

/**
 * dns.lookup for the connection itself, refusing any name with a refused address among its answers.
 * The socket connects to the address checked here, so a name cannot resolve to an allowed address for the
 * check and to a refused one for the connection (DNS rebinding).
 */
function lookupAllowing(allowed: (address: string) => boolean) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const refused = addresses.find((a) => !allowed(a.address));
      if (refused) return callback(notPublic(hostname, refused.address), []);
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };
}

function allowedBy(targets: WebhookTargets): (address: string) => boolean {
  return targets === 'public' ? isPublicAddress : (address) => !isLinkLocalOrMetadata(address);
}

/** The connection pool outbound webhooks use under a target policy. */
export function dispatcherFor(targets: WebhookTargets): Dispatcher {
  return new Agent({ connect: { lookup: lookupAllowing(allowedBy(targets)) } });
}

/**
 * A URL whose host is written as an address that the policy refuses, or (under `public`) `localhost`.
 * Link-local and metadata addresses are refused under either policy. Names are checked again when a
 * delivery connects (an IP literal never goes through DNS, hence this check as well).
 */
export function refusedTarget(url: string, targets: WebhookTargets): string | null {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0 && isLinkLocalOrMetadata(host)) return `${host} is a link-local or metadata address, not a public address`;
  if (targets === 'any') return null;
  if (host === 'localhost' || host.endsWith('.localhost')) return `${host} is not a public host`;
  if (isIP(host) !== 0 && !isPublicAddress(host)) return `${host} is not a public address`;
  return null;
}
