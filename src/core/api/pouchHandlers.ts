import type { pouchMethods } from '../../shared/contract/pouches';
import type { Core } from '../index';
import { groupsWithPupils } from '../labels/content';
import type { Handlers } from './gateway';

/** The office's phone bags; the acting staff member is the gateway's. */
export function createPouchHandlers(core: Core): Pick<Handlers, keyof typeof pouchMethods> {
  const s = core.services;
  return {
    listBags: () => {
      const bags = s.listBags();
      const withBag = new Set(bags.map((b) => b.groep));
      return { bags, groupsWithoutBag: groupsWithPupils(s.context).filter((g) => !withBag.has(g)) };
    },
    createBag: ({ groep, pouchCount }, { actor }) => s.createBag({ groep, pouchCount }, actor.staffId),
    addPouches: ({ locationId, count }, { actor }) => s.addPouches({ locationId, count }, actor.staffId),
    autoAssignPouches: ({ locationId, renumber }, { actor }) => s.autoAssignBag({ locationId, renumber }, actor.staffId),
    movePupilToPouch: (args, { actor }) => s.movePupilToPouch(args, actor.staffId),
    freePouch: ({ pouchId }, { actor }) => s.freePouch({ pouchId }, actor.staffId),
    retirePouch: ({ pouchId }, { actor }) => s.retirePouch({ pouchId }, actor.staffId),
  };
}
