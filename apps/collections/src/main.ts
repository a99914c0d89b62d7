import 'reflect-metadata';
import { runService } from '@ar/http';
import { COLLECTIONS_SERVICE } from './collections-service';

void runService(COLLECTIONS_SERVICE);
