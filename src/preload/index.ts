import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { Api, Bridge } from '../shared/contract';
import { BRIDGE_GLOBAL, channelOf, eventChannelOf, eventNameList, methodNameList } from '../shared/contract/names';

// Built from the contract's names, so it exposes exactly the contract: no generic `invoke`, no
// channel the page can choose, no Node objects. Validation happens in the main process.
const api = Object.fromEntries(
  methodNameList.map((name) => [name, (args: unknown) => ipcRenderer.invoke(channelOf(name), args)]),
) as Api;

const bridge: Bridge = {
  api,
  on(event, listener) {
    if (!(eventNameList as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
    const channel = eventChannelOf(event);
    const wrapped = (_e: IpcRendererEvent, payload: Parameters<typeof listener>[0]) => listener(payload);
    ipcRenderer.on(channel, wrapped);
    return () => ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
