import type { ComponentType } from 'react';
import type { Messages } from '../../i18n/locales/nl';
import { DevicesScreen } from './devices/DevicesScreen';
import { ExportScreen } from './ExportScreen';
import { ImportScreen } from './import/ImportScreen';
import { ReportScreen } from './report/ReportScreen';
import { PrivacyScreen } from './privacy/PrivacyScreen';
import { StaffSection } from './StaffSection';
import { StickersScreen } from './StickersScreen';
import { PouchesScreen } from './pouches/PouchesScreen';
import { ExemptionsScreen } from './exemptions/ExemptionsScreen';
import { BoardScreen } from './board/BoardScreen';

/** One section of the office area: its route (`#/office/<id>`), its menu text and its screen. */
export interface OfficeSection {
  id: string;
  /** Its menu text: a key under `office.sections` in the locales. */
  label: keyof Messages['office']['sections'];
  Component: ComponentType;
  /** Shown only in board mode (the office's PC at the board reads the central database). */
  boardOnly?: true;
}

/** The office's sections in menu order; the first is where an unlock lands. One line per section. */
export const officeSections: OfficeSection[] = [
  { id: 'import', label: 'import', Component: ImportScreen },
  { id: 'staff', label: 'staff', Component: StaffSection },
  { id: 'devices', label: 'devices', Component: DevicesScreen },
  { id: 'stickers', label: 'stickers', Component: StickersScreen },
  { id: 'export', label: 'export', Component: ExportScreen },
  { id: 'pouches', label: 'pouches', Component: PouchesScreen },
  { id: 'exemptions', label: 'exemptions', Component: ExemptionsScreen },
  { id: 'report', label: 'report', Component: ReportScreen },
  { id: 'privacy', label: 'privacy', Component: PrivacyScreen },
  { id: 'board', label: 'board', Component: BoardScreen, boardOnly: true },
];
