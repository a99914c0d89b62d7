import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { isRole } from '@ar/auth';
import { loadAppConfig } from '@ar/config';

/** Prints an HS256 bearer token for local use: `npm run token -- admin [userId] [hours]` (at most JWT_MAX_LIFETIME_SECONDS). */
function main(): void {
  const [role = 'admin', sub = randomUUID(), hours = '12'] = process.argv.slice(2);
  if (!isRole(role)) throw new Error(`Unknown role ${role}`);
  const jwt = new JwtService({ secret: loadAppConfig().jwtSecret, signOptions: { algorithm: 'HS256' } });
  console.log(jwt.sign({ sub, role }, { expiresIn: `${Number(hours)}h` }));
}

main();
