//! The formula language's parser: recursive descent straight to a postfix [`Program`].

use super::program::{Binary, Op, Program, Unary};
use crate::error::{EngineDetail, Error, Result};

/// How deeply parentheses, unary minus and powers may nest: deep enough for any formula a
/// person writes, shallow enough that no input can exhaust the stack.
const MAX_NESTING: usize = 100;

const OPERAND: &str = r#"expected a number, a name or "(""#;
const FUNCTIONS: &str = "min, max, sqrt, ln, log10 or abs";

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(f64),
    Name(String),
    Plus,
    Minus,
    Star,
    Slash,
    Caret,
    Open,
    Close,
    Comma,
    /// A character the language does not use.
    Other,
    End,
}

/// A token and the position of its first character, from 1.
type Located = (Token, usize);

/// Parses `text` into a program.
pub(super) fn parse(text: &str) -> Result<Program> {
    let tokens = tokens(text)?;
    let mut parser =
        Parser { text, tokens, next: 0, ops: Vec::new(), names: Vec::new(), size: 0, depth: 0, nesting: 0 };
    parser.sum()?;
    if parser.peek() != &Token::End {
        return Err(parser.error("expected an operator (+ - * / ^) or the end"));
    }
    Ok(Program { ops: parser.ops, names: parser.names, depth: parser.depth })
}

/// The tokens of `text`, ending with [`Token::End`] one past the last character.
fn tokens(text: &str) -> Result<Vec<Located>> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let start = at;
        at += 1;
        let token = match c {
            c if c.is_whitespace() => continue,
            '+' => Token::Plus,
            '-' => Token::Minus,
            '*' => Token::Star,
            '/' => Token::Slash,
            '^' => Token::Caret,
            '(' => Token::Open,
            ')' => Token::Close,
            ',' => Token::Comma,
            c if c.is_ascii_digit() || c == '.' && chars.get(at).is_some_and(char::is_ascii_digit) => {
                at = number_end(&chars, start);
                let literal: String = chars[start..at].iter().collect();
                match literal.parse::<f64>() {
                    Ok(value) if value.is_finite() => Token::Number(value),
                    _ => {
                        let reason = format!("number {literal} is too large for f64");
                        return Err(invalid(text, start + 1, reason));
                    }
                }
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                while chars.get(at).is_some_and(|&c| c.is_ascii_alphanumeric() || c == '_') {
                    at += 1;
                }
                Token::Name(chars[start..at].iter().collect())
            }
            _ => Token::Other,
        };
        tokens.push((token, start + 1));
    }
    tokens.push((Token::End, chars.len() + 1));
    Ok(tokens)
}

/// Where the number starting at `start` ends: digits, an optional fraction, an optional
/// exponent (`e` or `E`, an optional sign, digits; else the `e` is not part of the number).
fn number_end(chars: &[char], start: usize) -> usize {
    let digits = |mut at: usize| {
        while chars.get(at).is_some_and(char::is_ascii_digit) {
            at += 1;
        }
        at
    };
    let mut at = digits(start);
    if chars.get(at) == Some(&'.') {
        at = digits(at + 1);
    }
    if matches!(chars.get(at), Some('e' | 'E')) {
        let sign = usize::from(matches!(chars.get(at + 1), Some('+' | '-')));
        if chars.get(at + 1 + sign).is_some_and(char::is_ascii_digit) {
            at = digits(at + 1 + sign);
        }
    }
    at
}

fn invalid(text: &str, position: usize, reason: String) -> Error {
    Error::from(EngineDetail::InvalidFormula { formula: text.to_owned(), position, reason })
}

struct Parser<'t> {
    text: &'t str,
    tokens: Vec<Located>,
    next: usize,
    ops: Vec<Op>,
    names: Vec<String>,
    /// The numbers on the stack after the instructions so far, and the most at any point.
    size: usize,
    depth: usize,
    nesting: usize,
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        &self.tokens[self.next].0
    }

    fn advance(&mut self) -> Token {
        let token = self.tokens[self.next].0.clone();
        self.next = (self.next + 1).min(self.tokens.len() - 1);
        token
    }

    fn error(&self, reason: &str) -> Error {
        invalid(self.text, self.tokens[self.next].1, reason.to_owned())
    }

    fn emit(&mut self, op: Op) {
        match op {
            Op::Number(_) | Op::Load(_) => self.size += 1,
            Op::Unary(_) => {}
            Op::Binary(_) => self.size -= 1,
            Op::Fold(_, n) => self.size -= n - 1,
        }
        self.depth = self.depth.max(self.size);
        self.ops.push(op);
    }

    /// `product (("+" | "-") product)*`
    fn sum(&mut self) -> Result<()> {
        self.left_associative(&[(Token::Plus, Binary::Add), (Token::Minus, Binary::Sub)], Parser::product)
    }

    /// `negation (("*" | "/") negation)*`
    fn product(&mut self) -> Result<()> {
        self.left_associative(&[(Token::Star, Binary::Mul), (Token::Slash, Binary::Div)], Parser::negation)
    }

    /// `next (operator next)*` for the two operators of one level of precedence.
    fn left_associative(
        &mut self,
        operators: &[(Token, Binary); 2],
        next: fn(&mut Self) -> Result<()>,
    ) -> Result<()> {
        next(self)?;
        while let Some(&(_, op)) = operators.iter().find(|(token, _)| token == self.peek()) {
            self.advance();
            next(self)?;
            self.emit(Op::Binary(op));
        }
        Ok(())
    }

    /// `"-" negation | power`: every nesting passes here, so the depth is counted here.
    fn negation(&mut self) -> Result<()> {
        if self.nesting == MAX_NESTING {
            return Err(self.error(&format!("the formula nests deeper than {MAX_NESTING} levels")));
        }
        self.nesting += 1;
        if self.peek() == &Token::Minus {
            self.advance();
            self.negation()?;
            self.emit(Op::Unary(Unary::Neg));
        } else {
            self.power()?;
        }
        self.nesting -= 1;
        Ok(())
    }

    /// `operand ("^" negation)?`: right-associative, and tighter than a minus before it.
    fn power(&mut self) -> Result<()> {
        self.operand()?;
        if self.peek() == &Token::Caret {
            self.advance();
            self.negation()?;
            self.emit(Op::Binary(Binary::Pow));
        }
        Ok(())
    }

    /// `number | name | function "(" sum ("," sum)* ")" | "(" sum ")"`
    fn operand(&mut self) -> Result<()> {
        let position = self.tokens[self.next].1;
        match self.peek().clone() {
            Token::Number(value) => {
                self.advance();
                self.emit(Op::Number(value));
            }
            Token::Name(name) if self.tokens[self.next + 1].0 == Token::Open => {
                self.advance();
                self.advance();
                self.call(&name, position)?;
            }
            Token::Name(name) => {
                self.advance();
                let index = match self.names.iter().position(|known| *known == name) {
                    Some(index) => index,
                    None => {
                        self.names.push(name);
                        self.names.len() - 1
                    }
                };
                self.emit(Op::Load(index));
            }
            Token::Open => {
                self.advance();
                self.sum()?;
                self.close(r#"expected an operator (+ - * / ^) or ")""#)?;
            }
            _ => return Err(self.error(OPERAND)),
        }
        Ok(())
    }

    /// The arguments of the function `name` and its closing parenthesis.
    fn call(&mut self, name: &str, position: usize) -> Result<()> {
        let op = match name {
            "min" => Op::Fold(Binary::Min, 0),
            "max" => Op::Fold(Binary::Max, 0),
            "sqrt" => Op::Unary(Unary::Sqrt),
            "ln" => Op::Unary(Unary::Ln),
            "log10" => Op::Unary(Unary::Log10),
            "abs" => Op::Unary(Unary::Abs),
            _ => {
                let reason = format!("unknown function {name:?} (expected {FUNCTIONS})");
                return Err(invalid(self.text, position, reason));
            }
        };
        self.sum()?;
        match op {
            Op::Fold(f, _) => {
                let mut count = 1;
                while self.peek() == &Token::Comma {
                    self.advance();
                    self.sum()?;
                    count += 1;
                }
                self.close(r#"expected an operator (+ - * / ^), "," or ")""#)?;
                if count > 1 {
                    self.emit(Op::Fold(f, count));
                }
            }
            op => {
                let reason =
                    format!(r#"expected an operator (+ - * / ^) or ")" ({name} takes one argument)"#);
                self.close(&reason)?;
                self.emit(op);
            }
        }
        Ok(())
    }

    fn close(&mut self, reason: &str) -> Result<()> {
        if self.peek() == &Token::Close {
            self.advance();
            Ok(())
        } else {
            Err(self.error(reason))
        }
    }
}
