import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '@ar/config';
import { AuthGuard } from './auth.guard';
import { TokenVerifier } from './token-verifier';
import { VisibilityService } from './visibility.service';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: config.jwtSecret,
        signOptions: { algorithm: 'HS256' },
        verifyOptions: { algorithms: ['HS256'] },
      }),
    }),
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }, VisibilityService, TokenVerifier],
  // JwtModule too: the rate limiter verifies tokens to choose a caller's budget.
  exports: [VisibilityService, JwtModule, TokenVerifier],
})
export class AuthModule {}
