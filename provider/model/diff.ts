// What a resource's diff decides, in the shape Pulumi's dynamic providers return. Every kind
// returns an explicit `changes`: leaving it out makes the engine compare inputs itself, including
// the serialized provider text.
export interface ResourceDiff {
  changes: boolean;
  /** Properties whose change needs a new object (identity fields such as the domain). */
  replaces: string[];
  /** True where two objects with the same identity cannot exist at once. */
  deleteBeforeReplace: boolean;
}
