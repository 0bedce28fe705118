// The names people call a room by: schedules write "Hall 8 | Room D" and "UB2.252A (Lameere)", people say "Hall 8"
// and "Lameere".

/** The names a room goes by: "Hall 8 | Room D" is also "Hall 8"; "UB2.252A (Lameere)" is also "Lameere". */
export function roomNames(room: string): string[] {
  const names = [room];
  for (const part of room.split(/\s*\|\s*/)) {
    names.push(part);
    const bracketed = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(part);
    if (bracketed?.[1] !== undefined && bracketed[2] !== undefined) names.push(bracketed[1], bracketed[2]);
  }
  return names;
}
