import { createWorkshopDoc, initWorkshop, type WorkshopDoc } from '../../shared/model';

/** A fresh workshop as its creator starts it: meta and the plenary board, nothing else. */
export function newWorkshop(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'w1', title: 'Workshop', language: 'de' });
  return doc;
}
