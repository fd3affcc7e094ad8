import type { NodeModel } from './model';

/** Placeholder until the scale generator lands. */
export function scaleNodes(_seed: number, _now: Date, _count: number): NodeModel[] {
  return [];
}
