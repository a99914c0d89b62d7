import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import type { Role } from '@ar/auth';

const jwt = () => new JwtService({ secret: process.env.JWT_SECRET as string, signOptions: { algorithm: 'HS256' } });

/** A bearer token as the finance system's or a person's identity provider would issue it. */
export function tokenFor(role: Role, sub: string = randomUUID(), options: { expiresIn?: number; secret?: string } = {}): string {
  const service = options.secret ? new JwtService({ secret: options.secret, signOptions: { algorithm: 'HS256' } }) : jwt();
  return service.sign({ sub, role }, { expiresIn: options.expiresIn ?? 3600 });
}
