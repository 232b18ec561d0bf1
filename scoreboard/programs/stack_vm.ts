// features: enums, classes, switch, integers, tuples, template-literals, private, for-of, type-aliases, destructuring
enum Op {
  Push,
  Add,
  Sub,
  Mul,
  Dup,
  Swap,
  Jz,
  Jmp,
  Print,
  Halt,
  Load,
  Store,
}

type Instr = [Op, number];

class VM {
  private stack: number[] = [];
  private pc = 0;
  private steps = 0;
  private locals: number[] = [0, 0, 0, 0];

  constructor(private program: Instr[]) {}

  private pop(): number {
    const v = this.stack.pop();
    if (v === undefined) throw new Error("stack underflow");
    return v;
  }

  run(): number {
    while (this.pc < this.program.length) {
      const [op, arg] = this.program[this.pc];
      this.pc++;
      this.steps++;
      switch (op) {
        case Op.Push:
          this.stack.push(arg);
          break;
        case Op.Add:
          this.stack.push(this.pop() + this.pop());
          break;
        case Op.Sub: {
          const b = this.pop();
          const a = this.pop();
          this.stack.push(a - b);
          break;
        }
        case Op.Mul:
          this.stack.push(this.pop() * this.pop());
          break;
        case Op.Dup: {
          const v = this.pop();
          this.stack.push(v, v);
          break;
        }
        case Op.Swap: {
          const b = this.pop();
          const a = this.pop();
          this.stack.push(b, a);
          break;
        }
        case Op.Jz:
          if (this.pop() === 0) this.pc = arg;
          break;
        case Op.Jmp:
          this.pc = arg;
          break;
        case Op.Print:
          console.log(`out: ${this.stack[this.stack.length - 1]}`);
          break;
        case Op.Load:
          this.stack.push(this.locals[arg]);
          break;
        case Op.Store:
          this.locals[arg] = this.pop();
          break;
        case Op.Halt:
          return this.steps;
      }
    }
    return this.steps;
  }
}

// factorial: locals[0] = acc, locals[1] = n
function factorial(n: number): Instr[] {
  return [
    [Op.Push, 1], [Op.Store, 0], [Op.Push, n], [Op.Store, 1],
    // pc 4: if n == 0 goto end
    [Op.Load, 1], [Op.Jz, 15],
    [Op.Load, 0], [Op.Load, 1], [Op.Mul, 0], [Op.Store, 0],
    [Op.Load, 1], [Op.Push, 1], [Op.Sub, 0], [Op.Store, 1],
    [Op.Jmp, 4],
    // pc 15
    [Op.Load, 0], [Op.Print, 0], [Op.Halt, 0],
  ];
}
for (const n of [0, 1, 5, 10, 12]) {
  console.log(`factorial ${n}: steps ${new VM(factorial(n)).run()}`);
}
const fact = factorial(7);
const vm = new VM(fact);
console.log(`steps ${vm.run()}`);

function countdown(n: number): Instr[] {
  return [
    [Op.Push, n],
    [Op.Print, 0],
    [Op.Push, 1],
    [Op.Sub, 0],
    [Op.Dup, 0],
    [Op.Jz, 7],
    [Op.Jmp, 1],
    [Op.Halt, 0],
  ];
}
console.log(`steps ${new VM(countdown(5)).run()}`);
const arith: Instr[] = [[Op.Push, 6], [Op.Push, 7], [Op.Mul, 0], [Op.Push, 2], [Op.Sub, 0], [Op.Print, 0]];
console.log(`steps ${new VM(arith).run()}`);
