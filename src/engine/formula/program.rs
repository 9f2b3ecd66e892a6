//! A parsed formula as a postfix program, evaluated for one item or for a batch of items at a
//! time (one instruction over the whole batch, then the next).

/// One instruction of a postfix program over a stack of numbers.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Op {
    /// Pushes a number.
    Number(f64),
    /// Pushes the value of the formula's name at this position.
    Load(usize),
    /// Replaces the top of the stack by the function of it.
    Unary(Unary),
    /// Replaces the two numbers on top by the operation of them.
    Binary(Binary),
    /// Replaces the `n` numbers on top by the operation folded over them, left to right.
    Fold(Binary, usize),
}

/// A function of one number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unary {
    Neg,
    Sqrt,
    Ln,
    Log10,
    Abs,
}

/// An operation of two numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Binary {
    Add,
    Sub,
    Mul,
    Div,
    Pow,
    Min,
    Max,
}

impl Unary {
    fn apply(self, x: f64) -> f64 {
        match self {
            Unary::Neg => -x,
            Unary::Sqrt => x.sqrt(),
            Unary::Ln => x.ln(),
            Unary::Log10 => x.log10(),
            Unary::Abs => x.abs(),
        }
    }
}

impl Binary {
    /// The operation; NaN (an absent value) in, NaN out, for every operation, so that an item
    /// that lacks an input never gets a score (`f64::min`, `f64::max` and `powf` would drop
    /// it: `max(NaN, 0)` is 0 and `NaN^0` is 1).
    fn apply(self, a: f64, b: f64) -> f64 {
        match self {
            Binary::Add => a + b,
            Binary::Sub => a - b,
            Binary::Mul => a * b,
            Binary::Div => a / b,
            Binary::Pow if a.is_nan() || b.is_nan() => f64::NAN,
            Binary::Pow => a.powf(b),
            Binary::Min if b < a => b,
            Binary::Max if b > a => b,
            Binary::Min | Binary::Max if b.is_nan() => b,
            Binary::Min | Binary::Max => a,
        }
    }
}

/// A formula compiled to postfix: its instructions and the names they load.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Program {
    pub(super) ops: Vec<Op>,
    /// The names the formula uses, each once, in the order they first appear.
    pub(super) names: Vec<String>,
    /// The most numbers on the stack at once.
    pub(super) depth: usize,
}

impl Program {
    /// The result for one item, from the values of its names (NaN where absent).
    pub(super) fn evaluate(&self, values: &[f64]) -> f64 {
        let mut stack: Vec<f64> = Vec::with_capacity(self.depth);
        for op in &self.ops {
            match *op {
                Op::Number(x) => stack.push(x),
                Op::Load(name) => stack.push(values[name]),
                Op::Unary(f) => {
                    let x = stack.pop().unwrap_or(f64::NAN);
                    stack.push(f.apply(x));
                }
                Op::Binary(f) => {
                    let b = stack.pop().unwrap_or(f64::NAN);
                    let a = stack.pop().unwrap_or(f64::NAN);
                    stack.push(f.apply(a, b));
                }
                Op::Fold(f, n) => {
                    let start = stack.len() - n;
                    let folded = stack[start + 1..].iter().fold(stack[start], |a, &b| f.apply(a, b));
                    stack.truncate(start);
                    stack.push(folded);
                }
            }
        }
        stack.pop().unwrap_or(f64::NAN)
    }

    /// The results for a batch of `len` items, from the values of each name for the batch
    /// (`columns[name]`, NaN where absent); `buffers` is scratch space, kept between batches.
    ///
    /// Every result has the bits [`Program::evaluate`] gives: the same operations on the same
    /// numbers, one instruction at a time over the batch. Columns and numbers are read where they
    /// are, and an operation of two numbers is done once, so a buffer is written only by an
    /// operation that needs one.
    pub(super) fn evaluate_batch<'r>(
        &self,
        columns: &[&'r [f64]],
        len: usize,
        buffers: &'r mut Vec<Vec<f64>>,
    ) -> &'r [f64] {
        if buffers.len() < self.depth {
            buffers.resize_with(self.depth, Vec::new);
        }
        let mut stack: Vec<Operand<'r>> = Vec::with_capacity(self.depth);
        for op in &self.ops {
            match *op {
                Op::Number(x) => stack.push(Operand::Number(x)),
                Op::Load(name) => stack.push(Operand::Column(&columns[name][..len])),
                Op::Unary(f) => {
                    let at = stack.len() - 1;
                    stack[at] = match stack[at] {
                        Operand::Number(x) => Operand::Number(f.apply(x)),
                        Operand::Column(xs) => {
                            let out = &mut buffers[at];
                            out.clear();
                            out.extend(xs.iter().map(|&x| f.apply(x)));
                            Operand::Buffer
                        }
                        Operand::Buffer => {
                            unary(f, &mut buffers[at]);
                            Operand::Buffer
                        }
                    };
                }
                Op::Binary(f) => {
                    let at = stack.len() - 2;
                    stack[at] = combine(f, &stack, buffers, at, at + 1, len);
                    stack.truncate(at + 1);
                }
                Op::Fold(f, n) => {
                    let at = stack.len() - n;
                    for other in at + 1..stack.len() {
                        stack[at] = combine(f, &stack, buffers, at, other, len);
                    }
                    stack.truncate(at + 1);
                }
            }
        }
        match stack.pop() {
            Some(Operand::Column(xs)) => xs,
            Some(Operand::Buffer) => &buffers[0][..len],
            Some(Operand::Number(x)) => {
                fill(&mut buffers[0], len, x);
                &buffers[0][..len]
            }
            None => &[],
        }
    }
}

/// Where an operand of a batch is.
#[derive(Debug, Clone, Copy)]
enum Operand<'c> {
    /// The same number for every item.
    Number(f64),
    /// A backlog's column, read in place.
    Column(&'c [f64]),
    /// The buffer of its stack position.
    Buffer,
}

/// The operation of the operands at stack positions `left` and `right` (`left < right`), into
/// the buffer of `left` unless both are numbers.
fn combine<'c>(
    f: Binary,
    stack: &[Operand<'c>],
    buffers: &mut [Vec<f64>],
    left: usize,
    right: usize,
    len: usize,
) -> Operand<'c> {
    let (lower, upper) = buffers.split_at_mut(right);
    let b = match stack[right] {
        Operand::Number(y) => Right::Number(y),
        Operand::Column(ys) => Right::Slice(ys),
        Operand::Buffer => Right::Slice(&upper[0][..len]),
    };
    let a = match stack[left] {
        Operand::Number(x) => match b {
            Right::Number(y) => return Operand::Number(f.apply(x, y)),
            Right::Slice(_) => Left::Number(x),
        },
        Operand::Column(xs) => Left::Slice(xs),
        Operand::Buffer => Left::Out,
    };
    binary(f, &mut lower[left], a, b, len);
    Operand::Buffer
}

/// The left operand of an operation over a batch: the output buffer itself, a slice, or a number.
#[derive(Clone, Copy)]
enum Left<'a> {
    Out,
    Slice(&'a [f64]),
    Number(f64),
}

/// The right operand: a slice or a number.
#[derive(Clone, Copy)]
enum Right<'a> {
    Slice(&'a [f64]),
    Number(f64),
}

fn fill(buffer: &mut Vec<f64>, len: usize, x: f64) {
    buffer.clear();
    buffer.resize(len, x);
}

/// `f` of each number in place: one loop per function, which the compiler can vectorise.
fn unary(f: Unary, xs: &mut [f64]) {
    match f {
        Unary::Neg => each(xs, |x| Unary::Neg.apply(x)),
        Unary::Sqrt => each(xs, |x| Unary::Sqrt.apply(x)),
        Unary::Ln => each(xs, |x| Unary::Ln.apply(x)),
        Unary::Log10 => each(xs, |x| Unary::Log10.apply(x)),
        Unary::Abs => each(xs, |x| Unary::Abs.apply(x)),
    }
}

/// `out[i] = f(a[i], b[i])` over the batch: one loop per operation and kind of operand, which
/// the compiler can vectorise.
fn binary(f: Binary, out: &mut Vec<f64>, left: Left<'_>, right: Right<'_>, len: usize) {
    match f {
        Binary::Add => zip_with(out, left, right, len, |x, y| Binary::Add.apply(x, y)),
        Binary::Sub => zip_with(out, left, right, len, |x, y| Binary::Sub.apply(x, y)),
        Binary::Mul => zip_with(out, left, right, len, |x, y| Binary::Mul.apply(x, y)),
        Binary::Div => zip_with(out, left, right, len, |x, y| Binary::Div.apply(x, y)),
        Binary::Pow => zip_with(out, left, right, len, |x, y| Binary::Pow.apply(x, y)),
        Binary::Min => zip_with(out, left, right, len, |x, y| Binary::Min.apply(x, y)),
        Binary::Max => zip_with(out, left, right, len, |x, y| Binary::Max.apply(x, y)),
    }
}

fn each(xs: &mut [f64], f: impl Fn(f64) -> f64) {
    for x in xs {
        *x = f(*x);
    }
}

fn zip_with(out: &mut Vec<f64>, left: Left<'_>, right: Right<'_>, len: usize, f: impl Fn(f64, f64) -> f64) {
    match (left, right) {
        (Left::Out, Right::Slice(ys)) => out.iter_mut().zip(ys).for_each(|(x, &y)| *x = f(*x, y)),
        (Left::Out, Right::Number(y)) => out.iter_mut().for_each(|x| *x = f(*x, y)),
        (Left::Slice(xs), Right::Slice(ys)) => {
            out.clear();
            out.extend(xs.iter().zip(ys).map(|(&x, &y)| f(x, y)));
        }
        (Left::Slice(xs), Right::Number(y)) => {
            out.clear();
            out.extend(xs.iter().map(|&x| f(x, y)));
        }
        (Left::Number(x), Right::Slice(ys)) => {
            out.clear();
            out.extend(ys.iter().map(|&y| f(x, y)));
        }
        (Left::Number(x), Right::Number(y)) => fill(out, len, f(x, y)),
    }
}
