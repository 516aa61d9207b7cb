import type { z } from 'zod';
import type { OperationDef } from './operation';
import { authOperations } from './auth';
import { staffOperations } from './staff';
import { clinicOperations } from './clinic';
import { auditOperations } from './audit';
import { patientsOperations } from './patients';
import { historyOperations } from './history';
import { consentsOperations } from './consents';
import { screeningOperations } from './screening';
import { productsOperations } from './products';
import { coursesOperations } from './courses';
import { sessionsOperations } from './sessions';
import { adverseEventsOperations } from './adverse-events';
import { recallOperations } from './recall';
import { chartOperations } from './chart';
import { photosOperations } from './photos';
import { documentsOperations } from './documents';
import { backupOperations } from './backup';
import { appointmentsOperations } from './appointments';
import { remindersOperations } from './reminders';
import { keysOperations } from './keys';

export type { OperationDef };

/**
 * Every operation Mesochart offers, named `domain.verb`. This table is the single source of
 * truth: the preload builds its API object from it, the main process validates against it, and
 * the renderer's types are inferred from it.
 */
export const operations = {
  ...authOperations,
  ...staffOperations,
  ...clinicOperations,
  ...auditOperations,
  ...patientsOperations,
  ...historyOperations,
  ...consentsOperations,
  ...screeningOperations,
  ...productsOperations,
  ...coursesOperations,
  ...sessionsOperations,
  ...adverseEventsOperations,
  ...recallOperations,
  ...chartOperations,
  ...photosOperations,
  ...documentsOperations,
  ...backupOperations,
  ...appointmentsOperations,
  ...remindersOperations,
  ...keysOperations,
} as const;

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type OpInput<N extends OperationName> = z.input<Operations[N]['input']>;
export type OpParsedInput<N extends OperationName> = z.output<Operations[N]['input']>;
export type OpOutput<N extends OperationName> = z.output<Operations[N]['output']>;

export const operationNames = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}

export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;
