import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channelOf, eventChannelOf, events, methodNameList, type EventName, type EventPayload } from '../shared/contract';
import { AppError } from '../shared/errors';
import type { Gateway } from '../core/api/gateway';
import { isTrustedSender } from './security/policies';

/**
 * The one IPC gateway: only the contract's channels are registered, every message is checked
 * for its sender frame and then handed, unparsed, to the gateway that validates it.
 */
export function bindGateway(ipcMain: IpcMain, gateway: Gateway, origins: readonly string[]): () => void {
  for (const name of methodNameList) {
    ipcMain.handle(channelOf(name), (event: IpcMainInvokeEvent, args: unknown) => {
      if (!isTrustedSender(event.senderFrame?.url, origins)) {
        return { ok: false, error: new AppError('FORBIDDEN_SENDER').toData() };
      }
      return gateway.invoke(name, args);
    });
  }
  return () => methodNameList.forEach((name) => ipcMain.removeHandler(channelOf(name)));
}

/** Pushes an event to the screen after checking it against the contract. */
export function pushEvent<E extends EventName>(target: WebContents, event: E, payload: EventPayload<E>): void {
  if (target.isDestroyed()) return;
  target.send(eventChannelOf(event), events[event].parse(payload));
}
