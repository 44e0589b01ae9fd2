import { z } from 'zod';
import { method } from './define';

/**
 * A group's phone bag and its numbered pouches (office): made with N pouches, more added later,
 * pupils given pouches in class-list order or by hand; a pouch is retired, never renumbered.
 * Every change is a registry event in the ledger (`location_registered`, `pouch_assigned`).
 */
const Id = z.uuid();
const Groep = z.string().trim().min(1).max(20);

export const BagPouch = z.object({
  pouchId: z.string(),
  number: z.number().int(),
  active: z.boolean(),
  code: z.string().nullable(),
  pupil: z.object({ pupilId: z.string(), name: z.string() }).nullable(),
});
export type BagPouch = z.infer<typeof BagPouch>;

export const Bag = z.object({
  locationId: z.string(),
  groep: z.string(),
  name: z.string(),
  pouches: z.array(BagPouch),
  /** The group's pupils without a pouch in this bag, in class-list order. */
  unassigned: z.array(z.object({ pupilId: z.string(), name: z.string() })),
});
export type Bag = z.infer<typeof Bag>;

const BagCount = z.number().int().min(1).max(60);

export const pouchMethods = {
  /** Every group's bag, and the groups that have pupils but no bag yet. */
  listBags: method('office', z.strictObject({}), z.object({ bags: z.array(Bag), groupsWithoutBag: z.array(z.string()) })),
  createBag: method('office', z.strictObject({ groep: Groep, pouchCount: BagCount.default(30) }), Bag),
  addPouches: method('office', z.strictObject({ locationId: Id, count: BagCount }), Bag),
  /** Unassigned pupils get the lowest free pouches in name order; `renumber` lays the whole group out again. */
  autoAssignPouches: method('office', z.strictObject({ locationId: Id, renumber: z.boolean().default(false) }), Bag),
  movePupilToPouch: method('office', z.strictObject({ locationId: Id, pupilId: Id, number: z.number().int().min(1) }), Bag),
  freePouch: method('office', z.strictObject({ pouchId: Id }), Bag),
  retirePouch: method('office', z.strictObject({ pouchId: Id }), Bag),
};
