import type { Quantity } from "../detect/quantities.js";

/**
 * Whether a quantity lets its sentence give records in the assembly
 * (src/stages/assemble/records.ts): one with an amount that is not a
 * duration, and either typed (money, percent, a count, a rank…) or a bare
 * number the assembly may still read as a count ("с 27 до 20", "до 40",
 * "54 тыс.", "около 300" after a counted noun). A sentence without such a
 * quantity gives no record: its other bare numbers can only go on a count
 * of the same sentence ("25 рабочих мест, из них 19 – …"), which would be one.
 *
 * The stages after quantities look only where such a quantity is: a
 * document without one gives no record, so it needs no territories, cues or
 * assembly (tests/stages/assemble/recordable.test.ts checks over whole
 * corpora that records come out the same).
 */
export function mayGiveRecord(q: Quantity): boolean {
  if (q.duration || q.amount === null) return false;
  if (q.type !== "number") return true;
  return q.transition !== null || q.leadsTo || q.hasScale || q.qualifier !== "exact";
}

/** Whether any of the document's quantities may give a record. */
export function anyRecordable(quantities: readonly Quantity[]): boolean {
  for (const q of quantities) if (mayGiveRecord(q)) return true;
  return false;
}
