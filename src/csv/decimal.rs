//! Reading a cell's number: plain decimals, the most common cells of an export (`4487`, `0.8`,
//! `-17.5`), without the general parser.

/// `text` as `str::parse::<f64>` reads it: a plain decimal directly, any other form (`1e3`, `.5`,
/// `+2`, `inf`, more than 15 digits) through `str::parse`.
pub(super) fn parse(text: &str) -> Option<f64> {
    match text.as_bytes().first() {
        // A label (`medium`, `must`): of the texts that begin with a letter, only `inf`,
        // `infinity` and `nan` are numbers.
        Some(byte) if byte.is_ascii_alphabetic() && !matches!(byte.to_ascii_lowercase(), b'i' | b'n') => None,
        _ => plain(text.as_bytes()).or_else(|| text.parse().ok()),
    }
}

/// The powers of ten up to 10¹⁵, each exact as an `f64`.
const POWERS: [f64; 16] =
    [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/// A decimal `-?digits(.digits)?` of at most 15 digits, else `None`. Its digits as an integer are
/// below 10¹⁵ < 2⁵³ and so exact as an `f64`, as is the power of ten it is divided by: one
/// division, rounded correctly, gives the nearest `f64` to the decimal, which is what the general
/// parser gives (Clinger's fast path).
fn plain(bytes: &[u8]) -> Option<f64> {
    let (negative, bytes) = match bytes {
        [b'-', rest @ ..] => (true, rest),
        _ => (false, bytes),
    };
    if bytes.len() > 16 {
        return None;
    }
    // One pass: the digits as an integer, and how many came before the point.
    let (mut digits, mut count, mut point) = (0_u64, 0_usize, None);
    for &byte in bytes {
        match byte {
            b'0'..=b'9' => {
                digits = digits * 10 + u64::from(byte - b'0');
                count += 1;
            }
            b'.' if point.is_none() => point = Some(count),
            _ => return None,
        }
    }
    let fraction = match point {
        // Digits on both sides of the point, as in `0.5` (not `.5` or `5.`).
        Some(whole) if whole == 0 || whole == count => return None,
        Some(whole) => count - whole,
        None if count == 0 => return None,
        None => 0,
    };
    if count > 15 {
        return None;
    }
    let value = digits as f64 / POWERS[fraction];
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `parse` against `str::parse`, bit for bit.
    fn as_std(text: &str) {
        let ours = parse(text).map(f64::to_bits);
        let std = text.parse::<f64>().ok().map(f64::to_bits);
        assert_eq!(ours, std, "{text:?}");
    }

    #[test]
    fn plain_decimals_are_read_as_the_general_parser_reads_them() {
        for text in [
            "0",
            "-0",
            "0.0",
            "-0.0",
            "4487",
            "0.8",
            "17.5",
            "-17.5",
            "0.125",
            "007",
            "0.1",
            "0.3",
            "123456789012345",
            "12345678901234.5",
            "0.00000000000001",
            "999999999999999",
        ] {
            assert!(plain(text.as_bytes()).is_some(), "{text:?} is plain");
            as_std(text);
        }
    }

    #[test]
    fn other_forms_go_to_the_general_parser() {
        for text in [
            "",
            "-",
            ".",
            "1.",
            ".5",
            "-.5",
            "+2",
            "1e3",
            "1E-3",
            "inf",
            "-inf",
            "NaN",
            "1.2.3",
            "1,5",
            "--1",
            "1-",
            "١",
            "1234567890123456",
            "0.1234567890123456",
            "9007199254740993",
            "1e400",
            " 1",
            "0x10",
        ] {
            assert!(plain(text.as_bytes()).is_none(), "{text:?} is not plain");
            as_std(text);
        }
    }

    #[test]
    fn labels_are_not_numbers_but_inf_and_nan_are() {
        for text in [
            "medium", "must", "High", "x1", "e5", "E5", "inf", "INF", "Infinity", "infinity", "nan", "NaN",
            "in", "n", "info", "-inf", "-nan", "+inf",
        ] {
            as_std(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn texts_are_read_as_the_general_parser_reads_them(text in "[a-zA-Z+-]?[a-zA-Z0-9.eE+-]{0,8}") {
            as_std(&text);
        }

        #[test]
        fn decimals_are_read_as_the_general_parser_reads_them(
            negative in proptest::bool::ANY,
            whole in "[0-9]{1,16}",
            fraction in proptest::option::of("[0-9]{1,16}"),
        ) {
            let sign = if negative { "-" } else { "" };
            let text = match fraction {
                Some(fraction) => format!("{sign}{whole}.{fraction}"),
                None => format!("{sign}{whole}"),
            };
            as_std(&text);
        }

        #[test]
        fn numbers_written_shortest_read_back(bits in proptest::num::u64::ANY) {
            as_std(&format!("{}", f64::from_bits(bits)));
        }
    }
}
