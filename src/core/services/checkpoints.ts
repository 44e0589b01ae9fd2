import { checkpointText, kioskOrigin } from '../evidence/checkpoint';
import { signNote } from '../evidence/signedNote';
import { kioskNoteSigner, kioskNoteVerifier } from '../kiosk/signer';
import {
  checkSignedCheckpoints,
  newestSignedAnchor,
  newestSignedCheckpoint,
  storeSignedCheckpoint,
  type CheckpointReason,
  type SignedCheckpoint,
} from '../ledger/signedCheckpoints';
import { ledgerHead } from '../ledger/rows';
import { chainTreeHead } from '../ledger/treeHead';
import { writeTransaction, type ServiceContext } from './context';

/**
 * Signs the kiosk's chain as it stands: a C2SP checkpoint (origin, tree size, root) in a signed
 * note, kept with the chain. Signing the same size twice gives the checkpoint already kept: the
 * note for a size is made once, so every copy handed out is the same bytes.
 */
export function signCheckpoint(ctx: ServiceContext, reason: CheckpointReason): SignedCheckpoint {
  return writeTransaction(ctx, () => {
    const newest = newestSignedCheckpoint(ctx.db, ctx.kioskId);
    if (newest && newest.treeSize === ledgerHead(ctx.db, ctx.kioskId).seq) return newest;
    // The newest signed tree is extended when its kept proof still ties it to the chain: an
    // export at a million events then hashes the day's new events, not the whole year again.
    const anchored =
      newest?.newestLeafProof &&
      newestSignedAnchor(ctx.db, ctx.kioskId, kioskOrigin(ctx.kioskId), kioskNoteVerifier(ctx.db)).status === 'anchored'
        ? { treeSize: newest.treeSize, newestLeafProof: newest.newestLeafProof }
        : undefined;
    const head = chainTreeHead(ctx.db, ctx.kioskId, undefined, anchored);
    const note = signNote(checkpointText({ origin: kioskOrigin(ctx.kioskId), size: head.size, root: head.root }), [
      kioskNoteSigner(ctx),
    ]);
    const checkpoint: SignedCheckpoint = {
      kioskId: ctx.kioskId,
      treeSize: head.size,
      root: head.root,
      note,
      reason,
      signedAt: ctx.now().toISOString(),
      newestLeafProof: head.newestLeafProof,
    };
    storeSignedCheckpoint(ctx.db, checkpoint);
    return checkpoint;
  });
}

/** The kiosk's own signed checkpoints against its key and its chain (see checkSignedCheckpoints). */
export function checkOwnSignedCheckpoints(ctx: Pick<ServiceContext, 'db' | 'kioskId'>) {
  return checkSignedCheckpoints(ctx.db, ctx.kioskId, kioskOrigin(ctx.kioskId), kioskNoteVerifier(ctx.db));
}
