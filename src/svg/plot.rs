//! What the charts of points on two axes share: the grid and frame, the names of the four
//! corners, and the points' labels placed so that none hides another.

use std::fmt::Write as _;

use super::labels::{Anchor, Rect, place};
use super::scale::Scale;
use super::xml::{self, FONT_SIZE, fit, label_number, num, text_width};

/// The four corners' background and the colour of their points and name: top left, top right,
/// bottom left, bottom right.
pub(super) const CORNER_COLOURS: [(&str, &str); 4] =
    [("#e3f4ec", "#007a5a"), ("#e2eef8", "#0063a0"), ("#f1f1f1", "#5f6b76"), ("#fbe9e1", "#b34700")];

/// The size of a corner's name.
const NAME_SIZE: f64 = 14.0;
/// The widest a label's text is drawn, in pixels; a longer one is shortened in the middle.
const LABEL_WIDTH: f64 = 150.0;
/// The height of a label's box, and the padding around its text.
const LABEL_HEIGHT: f64 = FONT_SIZE * 1.4;
const LABEL_PAD: f64 = 3.0;

/// The labels of the circles `(x, y, r)`, placed in order inside `plot` and off `obstacles`,
/// with leader lines where they stand off; a label that finds no place is left out.
pub(super) fn labels(
    out: &mut String,
    plot: Rect,
    labels: &[&str],
    circles: &[(f64, f64, f64)],
    obstacles: &[Rect],
) {
    // A long label (an id) is shortened in the middle; the circle's tooltip has it whole.
    let texts: Vec<_> = labels.iter().map(|label| fit(label, LABEL_WIDTH, FONT_SIZE)).collect();
    let anchors: Vec<Anchor> = texts
        .iter()
        .zip(circles)
        .map(|(text, &(x, y, r))| Anchor {
            x,
            y,
            r,
            width: text_width(text, FONT_SIZE) + 2.0 * LABEL_PAD,
            height: LABEL_HEIGHT,
        })
        .collect();
    let bounds = Rect { x0: plot.x0 + 1.0, y0: plot.y0 + 1.0, x1: plot.x1 - 1.0, y1: plot.y1 - 1.0 };
    for (text, (placed, anchor)) in
        texts.iter().zip(place(&anchors, bounds, obstacles).into_iter().zip(&anchors))
    {
        let Some(placed) = placed else { continue };
        let rect = placed.rect;
        out.push_str("<g class=\"label\">");
        if placed.leader {
            // From the circle towards the nearest point of the label's box.
            let end = (anchor.x.clamp(rect.x0, rect.x1), anchor.y.clamp(rect.y0, rect.y1));
            let (dx, dy) = (end.0 - anchor.x, end.1 - anchor.y);
            let norm = dx.hypot(dy).max(f64::MIN_POSITIVE);
            let start = (anchor.x + dx / norm * anchor.r, anchor.y + dy / norm * anchor.r);
            xml::line(out, start, end, " class=\"leader\" stroke=\"#7b8794\" stroke-width=\"1\"");
        }
        let _ = write!(
            out,
            "<rect class=\"label-box\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"3\" fill=\"#ffffff\" \
                 fill-opacity=\"0.8\"/>",
            num(rect.x0),
            num(rect.y0),
            num(rect.x1 - rect.x0),
            num(rect.y1 - rect.y0)
        );
        let baseline = rect.y0 + LABEL_HEIGHT / 2.0 + FONT_SIZE * 0.35;
        xml::text(out, f64::midpoint(rect.x0, rect.x1), baseline, "middle", "", text);
        out.push_str("</g>");
    }
}

/// What a chart split into four corners draws under its points, in a picture `height` pixels
/// tall: each corner's background (top left, top right, bottom left, bottom right, each with its
/// `data-` attribute `corners` gives, such as `data-quadrant="quick_win"`), the grid, ticks and
/// frame, the dashed split lines through `split`, and the axes' titles, `(x, y)`.
pub(super) fn split_plot(
    out: &mut String,
    (plot, height): (Rect, f64),
    (x, y): (&Scale, &Scale),
    (sx, sy): (f64, f64),
    corners: &[String; 4],
    (x_title, y_title): (&str, &str),
) {
    let areas = [
        (plot.x0, plot.y0, sx, sy),
        (sx, plot.y0, plot.x1, sy),
        (plot.x0, sy, sx, plot.y1),
        (sx, sy, plot.x1, plot.y1),
    ];
    for ((data, (fill, _)), (x0, y0, x1, y1)) in corners.iter().zip(CORNER_COLOURS).zip(areas) {
        let _ = write!(
            out,
            "<rect class=\"quadrant\" {data} x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{fill}\"/>",
            num(x0),
            num(y0),
            num(x1 - x0),
            num(y1 - y0),
        );
    }
    axes(out, plot, x, y);
    let dashed = " class=\"split\" stroke=\"#3e4c59\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"";
    xml::line(out, (sx, plot.y0), (sx, plot.y1), dashed);
    xml::line(out, (plot.x0, sy), (plot.x1, sy), dashed);
    let middle = f64::midpoint(plot.x0, plot.x1);
    xml::text(out, middle, height - 12.0, "middle", " class=\"axis-title\"", x_title);
    let (cx, cy) = (18.0, f64::midpoint(plot.y0, plot.y1));
    let rotate = format!(" class=\"axis-title\" transform=\"rotate(-90 {} {})\"", num(cx), num(cy));
    xml::text(out, cx, cy, "middle", &rotate, y_title);
}

/// Grid lines, tick labels and the frame of `plot`.
fn axes(out: &mut String, plot: Rect, x: &Scale, y: &Scale) {
    let grid = " stroke=\"#ffffff\" stroke-width=\"1\"";
    for tick in x.ticks() {
        let at = x.at(tick);
        xml::line(out, (at, plot.y0), (at, plot.y1), grid);
        xml::text(out, at, plot.y1 + 18.0, "middle", " class=\"tick\"", &label_number(tick));
    }
    for tick in y.ticks() {
        let at = y.at(tick);
        xml::line(out, (plot.x0, at), (plot.x1, at), grid);
        xml::text(out, plot.x0 - 8.0, at + FONT_SIZE * 0.35, "end", " class=\"tick\"", &label_number(tick));
    }
    let _ = write!(
        out,
        "<rect class=\"frame\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"none\" stroke=\"#9aa5b1\"/>",
        num(plot.x0),
        num(plot.y0),
        num(plot.x1 - plot.x0),
        num(plot.y1 - plot.y0)
    );
}

/// The names of the four corners of `plot` (top left, top right, bottom left, bottom right),
/// each in bold in its colour with a white halo, so that points drawn under a name never hide it;
/// returns their boxes, which labels keep off.
pub(super) fn corner_names(out: &mut String, plot: Rect, corners: [(&str, &str); 4]) -> Vec<Rect> {
    let pad = 8.0;
    let [top_left, top_right, bottom_left, bottom_right] = corners;
    let placed = [
        (top_left, plot.x0 + pad, plot.y0 + pad, "start"),
        (top_right, plot.x1 - pad, plot.y0 + pad, "end"),
        (bottom_left, plot.x0 + pad, plot.y1 - pad - NAME_SIZE * 1.2, "start"),
        (bottom_right, plot.x1 - pad, plot.y1 - pad - NAME_SIZE * 1.2, "end"),
    ];
    placed
        .into_iter()
        .map(|((name, colour), x, top, anchor)| {
            // Bold text: a tenth wider than regular.
            let width = text_width(name, NAME_SIZE) * 1.1;
            let attributes = format!(
                " class=\"quadrant-name\" font-size=\"{}\" font-weight=\"bold\" fill=\"{colour}\" stroke=\"#ffffff\" \
                 stroke-width=\"4\" stroke-linejoin=\"round\" paint-order=\"stroke\"",
                num(NAME_SIZE),
            );
            xml::text(out, x, top + NAME_SIZE, anchor, &attributes, name);
            let x0 = if anchor == "start" { x } else { x - width };
            Rect { x0: x0 - 2.0, y0: top - 2.0, x1: x0 + width + 2.0, y1: top + NAME_SIZE * 1.2 + 2.0 }
        })
        .collect()
}
