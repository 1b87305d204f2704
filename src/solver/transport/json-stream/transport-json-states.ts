/** States of the streaming transport/v1 JSON scanner (shared by the state machine and its hot loops). */
export const enum S {
  Bom1,
  Bom2,
  Value,
  ObjKeyOrEnd,
  ObjKey,
  Colon,
  ObjCommaOrEnd,
  ArrValueOrEnd,
  ArrValue,
  ArrCommaOrEnd,
  InString,
  InNumber,
  InLiteral,
  Done,
}
