/** Public API of the engine (see coord ENGINE_API.md). Pure: no Office, no DOM, no Node. */
export * from "./types";
export * from "./coerce";
export * from "./numbers";
export * from "./outcomes";
export * from "./rank";
export * from "./ratio";
export * from "./score";
export * from "./targets";
export * from "./weighted";
export * from "./allocate";
export { importedMaxTotal, scoreImportedTable, scoreImportedUnit } from "./imported";
export { nextTierOf, placeUnits, tierOf } from "./tiers";
export { estimate766, isBareOne, parseYesNo, wholePercentExample } from "./score-other";
export { awardReasonText, message, MESSAGES } from "../messages";
export { tierRangeVi } from "../messages/tiers";
