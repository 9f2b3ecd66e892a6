//! Writing SVG text: escaping, numbers, the root element, text widths.

use std::fmt::Write as _;

/// Escapes `text` for XML and HTML text and attribute values: `&`, `<`, `>`, `"` and `'` become
/// entities; characters XML 1.0 cannot carry (control characters other than tab, line feed and
/// carriage return, and U+FFFE, U+FFFF) are shown as `\u{..}`, so the result is always
/// well-formed.
///
/// ```
/// use prioritize::svg::escape;
///
/// assert_eq!(escape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
/// assert_eq!(escape("Tom & \"Jerry\"\u{1b}"), "Tom &amp; &quot;Jerry&quot;\\u{1b}");
/// ```
#[must_use]
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() || c == '\u{fffe}' || c == '\u{ffff}' => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// A coordinate: at most two decimals, no trailing zeros; a non-finite number is written `0`.
pub(crate) fn num(value: f64) -> String {
    if !value.is_finite() {
        return "0".to_owned();
    }
    let text = format!("{:.2}", (value * 100.0).round() / 100.0 + 0.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" { "0".to_owned() } else { text.to_owned() }
}

/// A number for people: whole numbers without decimals, others with a few significant ones.
pub(crate) fn label_number(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return format!("{value:.0}");
    }
    let decimals = match value.abs() {
        x if x >= 100.0 => 1,
        x if x >= 1.0 => 2,
        _ => 3,
    };
    let text = format!("{value:.decimals$}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// The font every chart sets on its root, and the size of its text in pixels.
pub(crate) const FONT: &str =
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'DejaVu Sans', Arial, sans-serif";
/// The size of labels and axis text.
pub(crate) const FONT_SIZE: f64 = 12.0;

/// The width of `text` at `size` pixels, estimated generously per character class (no font
/// metrics): placement keeps labels apart by these estimates.
pub(crate) fn text_width(text: &str, size: f64) -> f64 {
    let ems: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'I' | ' ' => 0.34,
            'f' | 't' | 'r' | '-' | '(' | ')' | '[' | ']' | '/' => 0.46,
            'm' | 'w' | 'M' | 'W' | '@' | '%' => 1.0,
            'A'..='Z' | '&' | '#' => 0.78,
            c if c.is_ascii() => 0.66,
            _ => 1.05,
        })
        .sum();
    ems * size
}

/// `text` shortened in the middle around a `…` to at most `width` pixels (estimated as
/// [`text_width`] does), keeping its start and its end: a long id still reads as itself.
pub(crate) fn fit(text: &str, width: f64, size: f64) -> std::borrow::Cow<'_, str> {
    if text_width(text, size) <= width {
        return std::borrow::Cow::Borrowed(text);
    }
    let chars: Vec<char> = text.chars().collect();
    let room = width - text_width("…", size);
    let (mut head, mut tail) = (0, 0);
    let mut used = 0.0;
    // Characters taken alternately from the start and the end while they fit.
    while head + tail < chars.len() {
        let next = if head <= tail { chars[head] } else { chars[chars.len() - 1 - tail] };
        let extra = text_width(next.encode_utf8(&mut [0; 4]), size);
        if used + extra > room {
            break;
        }
        used += extra;
        if head <= tail {
            head += 1;
        } else {
            tail += 1;
        }
    }
    let mut short: String = chars[..head].iter().collect();
    short.push('…');
    short.extend(&chars[chars.len() - tail..]);
    std::borrow::Cow::Owned(short)
}

/// Opens the root `<svg>` element with its accessible title; close it with `</svg>`.
pub(crate) fn open(out: &mut String, class: &str, width: f64, height: f64, title: &str) {
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{class}\" viewBox=\"0 0 {w} {h}\" width=\"{w}\" \
         height=\"{h}\" role=\"img\" font-family=\"{FONT}\" font-size=\"{FONT_SIZE}\" fill=\"#1f2933\">\
         <title>{title}</title>",
        w = num(width),
        h = num(height),
        title = escape(title),
    );
}

/// A `<text>` element.
pub(crate) fn text(out: &mut String, x: f64, y: f64, anchor: &str, attributes: &str, content: &str) {
    let _ = write!(
        out,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"{anchor}\"{attributes}>{}</text>",
        num(x),
        num(y),
        escape(content)
    );
}

/// A `<line>` element.
pub(crate) fn line(out: &mut String, (x1, y1): (f64, f64), (x2, y2): (f64, f64), attributes: &str) {
    let _ = write!(
        out,
        "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\"{attributes}/>",
        num(x1),
        num(y1),
        num(x2),
        num(y2)
    );
}

/// Colours that stay apart for readers with the common colour-vision deficiencies (Okabe–Ito).
pub(crate) const PALETTE: [&str; 8] =
    ["#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#7f7f00", "#000000"];

/// The colour of text on each colour of [`PALETTE`]: white on the dark ones, near black on the
/// light ones.
pub(crate) const ON_PALETTE: [&str; 8] =
    ["#ffffff", "#1f2933", "#ffffff", "#1f2933", "#1f2933", "#ffffff", "#ffffff", "#ffffff"];

#[cfg(test)]
mod tests {
    use super::{escape, fit, label_number, num, text_width};

    #[test]
    fn a_long_text_fits_its_width_keeping_start_and_end() {
        assert_eq!(fit("SHORT-1", 200.0, 12.0), "SHORT-1");
        let id = "NOTIFICATIONS-PUSH-ORDER-ETA-FIVE-MINUTES-AWAY-143";
        let short = fit(id, 120.0, 12.0);
        assert!(text_width(&short, 12.0) <= 120.0, "{short}");
        assert!(short.starts_with("NOTIF") && short.ends_with("-143") && short.contains('…'), "{short}");
        assert_eq!(fit(id, 0.0, 12.0), "…");
        assert_eq!(fit("中文编号很长很长", 40.0, 12.0), "中…长");
    }

    #[test]
    fn numbers() {
        assert_eq!(
            [num(1.0), num(1.234), num(-0.001), num(f64::NAN), num(12.5)],
            ["1", "1.23", "0", "0", "12.5"]
        );
        assert_eq!(
            [label_number(6400.0), label_number(18.75), label_number(0.125)],
            ["6400", "18.75", "0.125"]
        );
    }

    #[test]
    fn escaping_keeps_xml_well_formed() {
        assert_eq!(escape("a'b\u{0}c\u{ffff}\n"), "a&#39;b\\u{0}c\\u{ffff}\n");
    }

    #[test]
    fn wide_letters_count_wider() {
        assert!(text_width("WW", 10.0) > text_width("ii", 10.0) * 2.0);
        assert_eq!(text_width("", 12.0), 0.0);
    }
}
