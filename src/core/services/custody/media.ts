import type { StoredMedia } from '../../../shared/contract/media';
import { AppError } from '../../../shared/errors';
import { mediaProblem, readMedia, type MediaImage } from '../../ledger/media';
import type { ServiceContext } from '../context';

/**
 * An image that comes with an event must be exactly the one the event names: refused before the
 * transaction, so a bad photo never leaves half a record. `field` and `hashField` are the
 * caller's argument names, for the error's details.
 */
export function checkedImage(
  image: MediaImage | undefined,
  sha256: string | undefined,
  fields: { field: string; hashField: string },
): { image: MediaImage; sha256: string } | undefined {
  if (image === undefined) return undefined;
  if (sha256 === undefined) throw new AppError('INVALID_ARGUMENT', { field: fields.hashField, rule: 'required_with_image' });
  const problem = mediaProblem(image, sha256);
  if (problem) throw new AppError('INVALID_ARGUMENT', { field: fields.field, rule: problem });
  return { image, sha256 };
}

/** A kept image of this kiosk's chain, ready for an `<img>`; an unknown or erased one is UNKNOWN_MEDIA. */
export function getMedia(ctx: ServiceContext, sha256: string): StoredMedia {
  const kept = readMedia(ctx.db, ctx.kioskId, sha256);
  if (!kept?.bytes) throw new AppError('UNKNOWN_MEDIA');
  return {
    sha256,
    mime: kept.mime,
    byteSize: kept.byteSize,
    dataUrl: `data:${kept.mime};base64,${kept.bytes.toString('base64')}`,
  };
}
