// types.ts: shared type declarations for multi_inventory (types only).
export type Category = "tool" | "part" | "consumable";

export interface Item {
  readonly sku: string;
  name: string;
  category: Category;
  qty: number;
  unitCost: number;
}

export interface Movement {
  sku: string;
  delta: number;
  reason?: string;
}
