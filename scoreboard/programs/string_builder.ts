// features: classes, fluent, private, template-literals, integers, string-methods, default-params, accessors, arrows
class StringBuilder {
  private parts: string[] = [];
  private indentLevel = 0;

  indent(): this {
    this.indentLevel++;
    return this;
  }

  dedent(): this {
    if (this.indentLevel > 0) this.indentLevel--;
    return this;
  }

  line(text = ""): this {
    let pad = "";
    for (let i = 0; i < this.indentLevel; i++) pad += "  ";
    this.parts.push(text.length > 0 ? pad + text : "");
    return this;
  }

  block(header: string, body: (b: StringBuilder) => void): this {
    this.line(header + " {");
    this.indent();
    body(this);
    this.dedent();
    return this.line("}");
  }

  get lineCount(): number {
    return this.parts.length;
  }

  build(): string {
    let out = "";
    for (let i = 0; i < this.parts.length; i++) out += (i > 0 ? "\n" : "") + this.parts[i];
    return out;
  }
}

function emitStruct(b: StringBuilder, name: string, fields: string[], types: string[]): void {
  b.block(`struct ${name}`, (s) => {
    for (let i = 0; i < fields.length; i++) s.line(`${types[i]} ${fields[i]};`);
  });
}

const b = new StringBuilder();
b.line("/* generated */").line("#include <stdint.h>").line();
emitStruct(b, "point", ["x", "y"], ["int32_t", "int32_t"]);
b.line();
emitStruct(b, "rect", ["origin", "size", "flags"], ["struct point", "struct point", "uint8_t"]);
b.line();
b.block("static int32_t area(const struct rect *r)", (f) => {
  f.line("int32_t w = r->size.x;").line("int32_t h = r->size.y;");
  f.block("if (w < 0 || h < 0)", (g) => g.line("return 0;"));
  f.line("return w * h;");
});
console.log(b.build());
console.log(`-- ${b.lineCount} lines`);
const table = new StringBuilder();
for (let i = 1; i <= 5; i++) {
  let row = "";
  for (let j = 1; j <= 5; j++) row += `${i * j}`.padStart(4);
  table.line(row);
}
console.log(table.build());
