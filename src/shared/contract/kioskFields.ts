import { z } from 'zod';

/** The kiosk's name and school as an administrator or a roll-out file may set them. */
export const KioskName = z.string().trim().min(1).max(60);
export const SchoolName = z.string().trim().max(120);
