import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canvasToJpeg, guideCrop, photoGuide, type Rect } from './mediaBytes';

export interface PhotoCaptureProps {
  /** The camera chosen in the settings (the scanning webcam); the default camera otherwise. */
  cameraId: string | null;
  /** The still as JPEG once taken; null when discarded. */
  onChange(photo: Blob | null): void;
}

type Phase = 'off' | 'starting' | 'live' | 'taken' | 'failed';

/**
 * A webcam photo of a device. The camera starts only when asked and stops as soon as the still is
 * taken (and when the screen closes). A phone-shaped guide frame asks for the device only; only
 * what is inside the frame is kept, so a face at the edge of the picture is not.
 */
export function PhotoCapture({ cameraId, onChange }: PhotoCaptureProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const stillRef = useRef<HTMLCanvasElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const [phase, setPhase] = useState<Phase>('off');
  // Drawn over the live picture once its size is known; the same numbers decide the crop.
  const [guide, setGuide] = useState<Rect>(() => photoGuide(16, 9));

  const stop = useCallback(() => {
    streamRef.current?.getTracks().forEach((track) => track.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
  }, []);
  useEffect(() => stop, [stop]);

  const start = async () => {
    setPhase('starting');
    onChange(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: cameraId ? { deviceId: { exact: cameraId } } : { width: { ideal: 1280 }, height: { ideal: 720 } },
      });
      stop();
      streamRef.current = stream;
      const video = videoRef.current;
      if (!video) return stop();
      video.srcObject = stream;
      await video.play();
      setGuide(photoGuide(video.videoWidth, video.videoHeight));
      setPhase('live');
    } catch {
      stop();
      setPhase('failed');
    }
  };

  const take = () => {
    const video = videoRef.current;
    const still = stillRef.current;
    const ctx = still?.getContext('2d');
    if (!video || !still || !ctx || video.videoWidth === 0) return;
    const crop = guideCrop(video.videoWidth, video.videoHeight);
    still.width = crop.width;
    still.height = crop.height;
    ctx.drawImage(video, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
    stop();
    setPhase('taken');
    canvasToJpeg(still).then(onChange, () => setPhase('failed'));
  };

  const discard = () => {
    stop();
    setPhase('off');
    onChange(null);
  };

  return (
    <div className="photo">
      <div className="photo-view" hidden={phase !== 'live' && phase !== 'starting'}>
        <video ref={videoRef} className="photo-video" muted playsInline aria-label={t('workflows.photo.live')} />
        <div
          className="photo-guide"
          aria-hidden="true"
          style={{
            left: `${guide.x * 100}%`,
            top: `${guide.y * 100}%`,
            width: `${guide.width * 100}%`,
            height: `${guide.height * 100}%`,
          }}
        />
        <p className="photo-caption">{t('workflows.photo.guide')}</p>
      </div>
      <canvas
        ref={stillRef}
        className="photo-still"
        hidden={phase !== 'taken'}
        role="img"
        aria-label={t('workflows.photo.still')}
        data-testid="photo-still"
      />
      {phase === 'failed' && (
        <p role="alert" className="wf-error">
          {t('workflows.photo.failed')}
        </p>
      )}
      <div className="wf-actions">
        {(phase === 'off' || phase === 'failed') && (
          <button type="button" onClick={() => void start()}>
            {t('workflows.photo.start')}
          </button>
        )}
        {phase === 'starting' && <span aria-busy="true">{t('workflows.photo.starting')}</span>}
        {phase === 'live' && (
          <>
            <button type="button" className="primary" onClick={take}>
              {t('workflows.photo.take')}
            </button>
            <button type="button" onClick={discard}>
              {t('workflows.photo.cancel')}
            </button>
          </>
        )}
        {phase === 'taken' && (
          <>
            <button type="button" onClick={() => void start()}>
              {t('workflows.photo.retake')}
            </button>
            <button type="button" onClick={discard}>
              {t('workflows.photo.remove')}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
