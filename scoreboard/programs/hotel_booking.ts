// features: classes, interfaces, nullable, optional-chaining, nullish, array-methods, arrows, template-literals, labeled-loops, private, readonly, tuples, spread, for-of, optional, destructuring, object-literals
interface Booking {
  readonly id: number;
  guest: string;
  room: number;
  from: number;
  to: number;
}

class Hotel {
  private bookings: Booking[] = [];
  private nextId = 1;

  constructor(readonly rooms: number[]) {}

  private overlaps(b: Booking, from: number, to: number): boolean {
    return b.from < to && from < b.to;
  }

  book(guest: string, from: number, to: number, prefer?: number): Booking | null {
    const order = prefer !== undefined ? [prefer, ...this.rooms.filter((r) => r !== prefer)] : this.rooms;
    rooms: for (const room of order) {
      for (const b of this.bookings) {
        if (b.room === room && this.overlaps(b, from, to)) continue rooms;
      }
      const booking: Booking = { id: this.nextId++, guest, room, from, to };
      this.bookings.push(booking);
      return booking;
    }
    return null;
  }

  cancel(id: number): boolean {
    const before = this.bookings.length;
    this.bookings = this.bookings.filter((b) => b.id !== id);
    return this.bookings.length < before;
  }

  occupancy(day: number): string {
    return this.rooms.map((r) => this.bookings.find((b) => b.room === r && b.from <= day && day < b.to)?.guest[0] ?? ".").join("");
  }

  findGuest(name: string): Booking | undefined {
    return this.bookings.find((b) => b.guest === name);
  }
}

const hotel = new Hotel([101, 102, 103]);
const requests: [string, number, number, number?][] = [
  ["Ann", 1, 4], ["Bob", 2, 5, 101], ["Cy", 1, 2], ["Dee", 3, 6], ["Eve", 2, 4], ["Fay", 4, 7, 101], ["Gus", 5, 6],
];
for (const [guest, from, to, prefer] of requests) {
  const b = hotel.book(guest, from, to, prefer);
  console.log(`${guest} days ${from}-${to}${prefer ? ` (wants ${prefer})` : ""}: ${b ? `room ${b.room}, booking #${b.id}` : "FULL"}`);
}
console.log(`cancel #2: ${hotel.cancel(2)}, cancel #99: ${hotel.cancel(99)}`);
const retry = hotel.book("Eve", 2, 4);
console.log(`Eve retries: ${retry?.room ?? "still full"}`);
for (let day = 1; day <= 7; day++) console.log(`day ${day}: ${hotel.occupancy(day)}`);
console.log(`Dee is in ${hotel.findGuest("Dee")?.room ?? "nowhere"}, Zed is in ${hotel.findGuest("Zed")?.room ?? "nowhere"}`);
