/**
 * lib/x86_64/port.ts: typed I/O ports, after the Rust x86_64 crate's
 * instructions::port (Port, PortReadOnly, PortWriteOnly).
 *
 * x86 devices sit in a separate 16-bit I/O address space, reached with the IN
 * and OUT instructions (Intel SDM vol. 1 §18.2 "I/O Ports"; vol. 2A "IN", vol.
 * 2B "OUT"). A port object holds the port number. Its type argument fixes the
 * access width (u8, u16, u32: the compiler picks inb/inw/inl and outb/outw/
 * outl per instantiation) and its class the direction, so a status register
 * cannot be written and a command register cannot be read by mistake.
 */

/** A port that is read and written. */
export class Port<T extends PortWidth> {
  constructor(readonly port: u16) {}

  read(): T {
    return portRead<T>(this.port);
  }

  write(value: T): void {
    portWrite<T>(this.port, value);
  }
}

/** A port that is only read, e.g. a status register. */
export class PortReadOnly<T extends PortWidth> {
  constructor(readonly port: u16) {}

  read(): T {
    return portRead<T>(this.port);
  }
}

/** A port that is only written, e.g. a command register. */
export class PortWriteOnly<T extends PortWidth> {
  constructor(readonly port: u16) {}

  write(value: T): void {
    portWrite<T>(this.port, value);
  }
}
