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
    /// (`columns[name]`, NaN where absent); `stack` is scratch space, kept between batches.
    ///
    /// Every result has the bits [`Program::evaluate`] gives: the same operations on the same
    /// numbers, one instruction at a time over the batch.
    pub(super) fn evaluate_batch<'s>(
        &self,
        columns: &[&[f64]],
        len: usize,
        stack: &'s mut Vec<Vec<f64>>,
    ) -> &'s [f64] {
        stack.resize_with(self.depth.max(1), Vec::new);
        let mut top = 0;
        for op in &self.ops {
            match *op {
                Op::Number(x) => {
                    fill(&mut stack[top], len, x);
                    top += 1;
                }
                Op::Load(name) => {
                    stack[top].clear();
                    stack[top].extend_from_slice(&columns[name][..len]);
                    top += 1;
                }
                Op::Unary(f) => unary(f, &mut stack[top - 1]),
                Op::Binary(f) => {
                    let (below, above) = stack.split_at_mut(top - 1);
                    binary(f, &mut below[top - 2], &above[0]);
                    top -= 1;
                }
                Op::Fold(f, n) => {
                    let (below, above) = stack.split_at_mut(top - n + 1);
                    for operand in &above[..n - 1] {
                        binary(f, &mut below[top - n], operand);
                    }
                    top -= n - 1;
                }
            }
        }
        &stack[0][..len]
    }
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

/// `a[i] = f(a[i], b[i])`: one loop per operation.
fn binary(f: Binary, a: &mut [f64], b: &[f64]) {
    match f {
        Binary::Add => pairs(a, b, |x, y| Binary::Add.apply(x, y)),
        Binary::Sub => pairs(a, b, |x, y| Binary::Sub.apply(x, y)),
        Binary::Mul => pairs(a, b, |x, y| Binary::Mul.apply(x, y)),
        Binary::Div => pairs(a, b, |x, y| Binary::Div.apply(x, y)),
        Binary::Pow => pairs(a, b, |x, y| Binary::Pow.apply(x, y)),
        Binary::Min => pairs(a, b, |x, y| Binary::Min.apply(x, y)),
        Binary::Max => pairs(a, b, |x, y| Binary::Max.apply(x, y)),
    }
}

fn each(xs: &mut [f64], f: impl Fn(f64) -> f64) {
    for x in xs {
        *x = f(*x);
    }
}

fn pairs(a: &mut [f64], b: &[f64], f: impl Fn(f64, f64) -> f64) {
    for (x, &y) in a.iter_mut().zip(b) {
        *x = f(*x, y);
    }
}
