import type { ComponentType } from 'react';
import { ImportScreen } from './import/ImportScreen';

/** One section of the office area: its route (`#/office/<id>`), its menu text and its screen. */
export interface OfficeSection {
  id: string;
  /** Key under `office.sections` in the locales. */
  label: 'import';
  Component: ComponentType;
}

/** The office's sections in menu order; the first is where an unlock lands. One line per section. */
export const officeSections: OfficeSection[] = [{ id: 'import', label: 'import', Component: ImportScreen }];
