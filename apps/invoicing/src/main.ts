import 'reflect-metadata';
import { runService } from '@ar/http';
import { INVOICING_SERVICE } from './invoicing-service';

void runService(INVOICING_SERVICE);
