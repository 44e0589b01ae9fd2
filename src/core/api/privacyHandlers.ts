import type { privacyMethods } from '../../shared/contract/privacy';
import { AppError } from '../../shared/errors';
import { backupNow, copyBackupTo, listOwnBackups, ownBackupPath } from '../backup/adminBackups';
import type { Core } from '../index';
import { listPupilsForPrivacy } from '../privacy/pupilList';
import { makeSubjectAccess } from '../privacy/subjectAccess';
import { erasePupilOnRequest } from '../retention/eraseOnRequest';
import { previewPurge, runPurge } from '../retention/purge';
import type { Handlers } from './gateway';

type PrivacyMethod = keyof typeof privacyMethods;

/** Restoring a chosen backup closes this core: only the host can do it (see ShellActions). */
export interface BackupShell {
  restoreBackupFile?(path: string): { lastSeq: number };
}

/** Retention, the AVG's requests (access, erasure) and the admin's backups. */
export function createPrivacyHandlers(core: Core, shell: BackupShell): Pick<Handlers, PrivacyMethod> {
  const ctx = () => core.services.context;
  return {
    previewPurge: () => previewPurge(ctx()),
    runPurge: (_args, { actor }) => runPurge(ctx(), actor.staffId),
    privacyPupils: () => ({ pupils: listPupilsForPrivacy(core.db) }),
    async subjectAccess({ pupilId, format }, { actor }) {
      const file = await makeSubjectAccess(ctx(), { pupilId, format, actor: actor.staffId });
      return { fileName: file.fileName, mime: file.mime, base64: Buffer.from(file.bytes).toString('base64'), events: file.events };
    },
    erasePupil({ pupilId, reason }, { actor }) {
      const { erased, recordSeq } = erasePupilOnRequest(ctx(), { pupilId, reason, actor: actor.staffId });
      return { erased, recordSeq };
    },
    listBackups: () => listOwnBackups(core.db),
    makeBackupNow: () => backupNow(core.db, ctx().now()),
    copyBackup: ({ name, folder }) => copyBackupTo(core.db, name, folder),
    restoreBackup({ name }) {
      if (!shell.restoreBackupFile) throw new AppError('NOT_AVAILABLE');
      const path = ownBackupPath(core.db, name);
      return { restarting: true as const, lastSeq: shell.restoreBackupFile(path).lastSeq };
    },
  };
}
