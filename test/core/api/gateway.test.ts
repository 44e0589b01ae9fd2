import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../../src/core';
import { createGateway, type CoreApi, type Gateway, type Handlers } from '../../../src/core/api/gateway';
import { createHandlers } from '../../../src/core/api/handlers';
import { AppError } from '../../../src/shared/errors';
import { tempDir } from '../../support/tempDb';

describe('the contract gateway', () => {
  let tmp: ReturnType<typeof tempDir>;
  let core: Core;
  let gateway: Gateway;
  let internalErrors: string[];

  beforeEach(() => {
    tmp = tempDir();
    core = openCore({ dbPath: tmp.dbPath, appVersion: '1.2.3' });
    internalErrors = [];
    gateway = createGateway(createHandlers(core, { exitKiosk: () => undefined }), {
      onInternalError: (method) => internalErrors.push(method),
    });
  });
  afterEach(() => {
    core.close();
    tmp.cleanup();
  });

  it('runs a valid call against the real core', async () => {
    const result = await gateway.invoke('getKioskInfo', {});
    expect(result).toMatchObject({ ok: true, value: { appVersion: '1.2.3', kioskId: core.kiosk().kioskId } });
  });

  it.each(['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])(
    'rejects the unknown method %j',
    async (method) => {
      const result = await gateway.invoke(method, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    },
  );

  it.each([
    ['a string', 'hello'],
    ['a number', 42],
    ['an array', []],
    ['an unexpected field', { extra: true }],
  ])('rejects %s as arguments with INVALID_ARGUMENT', async (_label, args) => {
    const result = await gateway.invoke('getKioskInfo', args);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('rejects a malformed PIN before the core sees it, without echoing the value', async () => {
    const result = await gateway.invoke('exitKiosk', { staffId: '6f1c2b8e-3a4d-4e5f-8a9b-0c1d2e3f4a5b', pin: '12ab; DROP TABLE kiosk' });
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', details: { issues: [{ path: 'pin' }] } } });
    expect(JSON.stringify(result)).not.toContain('DROP TABLE');
  });

  it('gives every error a Dutch and an English message', async () => {
    const result = await gateway.invoke('nope', {});
    if (result.ok) throw new Error('expected failure');
    expect(result.error.message.nl).toMatch(/\w/);
    expect(result.error.message.en).toMatch(/\w/);
  });

  /** The real handler table with one method replaced. */
  const replacing = (handlers: Partial<Handlers>): CoreApi => {
    const api = createHandlers(core, { exitKiosk: () => undefined });
    return { ...api, handlers: { ...api.handlers, ...handlers } };
  };

  it('passes a core AppError through with its code', async () => {
    const g = createGateway(
      replacing({
        getHealth: () => {
          throw new AppError('DB_READ_ONLY');
        },
      }),
    );
    expect(await g.invoke('getHealth', {})).toMatchObject({ ok: false, error: { code: 'DB_READ_ONLY' } });
  });

  it('turns an unexpected failure into INTERNAL without a stack trace or message', async () => {
    const g = createGateway(
      replacing({
        getKioskInfo: () => {
          throw new Error('secret detail at /home/teacher/file.ts:12');
        },
      }),
      { onInternalError: (method) => internalErrors.push(method) },
    );
    const result = await g.invoke('getKioskInfo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(internalErrors).toEqual(['getKioskInfo']);
  });

  it('refuses to return a result that breaks the contract', async () => {
    const g = createGateway(replacing({ getHealth: () => ({ writable: 'yes' }) as never }));
    expect(await g.invoke('getHealth', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
