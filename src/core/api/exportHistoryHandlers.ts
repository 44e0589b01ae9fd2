import type { exportHistoryMethods } from '../../shared/contract/exportHistory';
import { listExports } from '../export/exportHistory';
import type { Core } from '../index';
import type { Handlers } from './gateway';

export function createExportHistoryHandlers(core: Core): Pick<Handlers, keyof typeof exportHistoryMethods> {
  return {
    listExports: ({ limit }) => ({ exports: listExports(core.services.context, limit) }),
  };
}
