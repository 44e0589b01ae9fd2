import type { z } from 'zod';
import type {
  ConditionMark as ConditionMarkSchema,
  DeviceKind as DeviceKindSchema,
  ScanMode as ScanModeSchema,
} from '../../../shared/contract/custody';

/** The contract's enums as types (the contract exports the schemas). */
export type ConditionMark = z.infer<typeof ConditionMarkSchema>;
export type DeviceKind = z.infer<typeof DeviceKindSchema>;
export type ScanMode = z.infer<typeof ScanModeSchema>;
