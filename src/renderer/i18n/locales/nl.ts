import { common } from './nl/common';
import { devices } from './nl/devices';
import { door } from './nl/door';
import { office } from './nl/office';
import { privacy } from './nl/privacy';
import { settings } from './nl/settings';
import { setup } from './nl/setup';
import { staff } from './nl/staff';
import { startFailure } from './nl/startFailure';
import { teacher } from './nl/teacher';
import { workflows } from './nl/workflows';
import { pouches } from './nl/pouches';
import { exemptions } from './nl/exemptions';
import { board } from './nl/board';

/**
 * Dutch is the source language: every key exists here first. One file per area of the app
 * (`nl/door.ts`, `nl/teacher.ts`, …) with its English twin in `en/`.
 */
export const nl = {
  ...common,
  door,
  teacher,
  workflows,
  office,
  privacy,
  settings,
  setup,
  staff,
  startFailure,
  devices,
  pouches,
  exemptions,
  board,
} as const;

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every other language must have exactly these keys; the compiler and a test check it. */
export type Messages = Widen<typeof nl>;
