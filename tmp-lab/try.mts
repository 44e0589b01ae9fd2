import { writeFileSync } from 'node:fs';
import { layoutById, labelLayouts } from '/work/wt-labels/src/core/labels/layouts';
import { renderSheet } from '/work/wt-labels/src/core/labels/sheetPdf';
import { renderCalibrationPage } from '/work/wt-labels/src/core/labels/calibrationPage';
import { symbologyFor } from '/work/wt-labels/src/core/labels/symbology';
import { newOwnCode } from '/work/wt-labels/src/shared/scan/codes';
import { noCalibration } from '/work/wt-labels/src/shared/contract/labels';
const names = ['Zoë', 'Ömer', 'Łucja', 'Nguyễn', 'Maximiliaan-Alexander', 'Daan'];
for (const l of labelLayouts) {
  const labels = Array.from({ length: 30 }, (_, i) => ({ code: newOwnCode(), title: names[i % names.length]!, subtitle: 'groep 7A' }));
  const r = await renderSheet(l, labels, { start: 3, calibration: noCalibration, symbology: symbologyFor(l), now: new Date('2026-09-01T08:00:00Z'), title: 't' });
  writeFileSync(`/tmp/lab/${l.id}.pdf`, r.pdf);
  console.log(l.id, symbologyFor(l), r.pageCount, r.pdf.length);
}
writeFileSync('/tmp/lab/cal.pdf', (await renderCalibrationPage(layoutById('L7651'), noCalibration, new Date())).pdf);
