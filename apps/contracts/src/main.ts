import 'reflect-metadata';
import { runService } from '@ar/http';
import { CONTRACTS_SERVICE } from './contracts-service';

void runService(CONTRACTS_SERVICE);
