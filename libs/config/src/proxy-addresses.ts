import { compile } from '@fastify/proxy-addr';
import { registerDecorator, ValidationOptions } from 'class-validator';
import { isIP } from 'node:net';

const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** A written-out IP address, optionally with a prefix length; ipaddr.js alone would take "2" for 0.0.0.2. */
function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  return rest.length === 0 && isIP(address) !== 0 && (prefix === undefined || /^\d{1,3}$/.test(prefix));
}

/**
 * Whether every entry is an IP address, a CIDR range or a named range, as Fastify's own proxy-address
 * parser reads them (which also checks the prefix length against the address family).
 */
export function isProxyAddressList(entries: unknown): boolean {
  if (!Array.isArray(entries)) return false;
  if (!entries.every((entry) => typeof entry === 'string' && (NAMED_RANGES.has(entry) || isAddressOrRange(entry)))) return false;
  try {
    compile(entries);
    return true;
  } catch {
    return false;
  }
}

export function IsProxyAddressList(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isProxyAddressList',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: `${String(propertyName)} must be comma-separated IP addresses or CIDR ranges (or loopback, linklocal, uniquelocal)`,
        ...options,
      },
      validator: { validate: isProxyAddressList },
    });
}
