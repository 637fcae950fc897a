/** Where the workshop takes place in one line, "Rathaus, Saal 2"; '' when neither is set. */
export function placeText(place: { venue: string; room: string }): string {
  return [place.venue, place.room].filter((part) => part !== '').join(', ');
}
