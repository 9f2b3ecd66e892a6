//! The SVG charts: well-formed XML with the expected elements, everything inside the viewBox,
//! text escaped, and no two labels of the sample backlog's value/effort chart overlapping.

#![cfg(all(feature = "svg", feature = "serde"))]

use prioritize::analysis::{Split, quadrants};
use prioritize::svg::{
    Bubble, Interval, PeriodBar, PeriodChart, PositionChart, QuadrantChart, Segment, Slope, SlopeChart,
};
use prioritize::{Backlog, Rice};
use roxmltree::{Document, Node};

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// Parses `svg` as XML and checks the root: an `<svg>` in the SVG namespace with a viewBox
/// `0 0 W H` equal to its width and height; returns (W, H).
#[track_caller]
fn parse(svg: &str) -> (Document<'_>, f64, f64) {
    let document = Document::parse(svg).unwrap_or_else(|error| panic!("not well-formed XML: {error}\n{svg}"));
    let root = document.root_element();
    assert_eq!((root.tag_name().namespace(), root.tag_name().name()), (Some(SVG_NS), "svg"));
    let view: Vec<f64> = root
        .attribute("viewBox")
        .expect("a viewBox")
        .split(' ')
        .map(|n| n.parse().expect("a number"))
        .collect();
    let number = |name: &str| root.attribute(name).and_then(|n| n.parse::<f64>().ok()).expect("a size");
    assert_eq!(view, [0.0, 0.0, number("width"), number("height")]);
    (document, view[2], view[3])
}

fn class<'a, 'i>(document: &'a Document<'i>, class: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    document.descendants().filter(move |node| node.attribute("class") == Some(class))
}

fn number(node: Node<'_, '_>, name: &str) -> f64 {
    node.attribute(name).unwrap_or_else(|| panic!("{name} on {node:?}")).parse().expect("a number")
}

/// Every shape's coordinates lie inside `0..=width` by `0..=height` (circles with their radius,
/// rectangles with their size).
#[track_caller]
fn inside_view(document: &Document<'_>, width: f64, height: f64) {
    let x_ok = |x: f64| (0.0..=width).contains(&x);
    let y_ok = |y: f64| (0.0..=height).contains(&y);
    for node in document.descendants().filter(Node::is_element) {
        let attribute = |name: &str| node.attribute(name).map(|n| n.parse::<f64>().expect("a number"));
        let ok = match node.tag_name().name() {
            "circle" => {
                let (cx, cy, r) = (number(node, "cx"), number(node, "cy"), number(node, "r"));
                x_ok(cx - r) && x_ok(cx + r) && y_ok(cy - r) && y_ok(cy + r)
            }
            "rect" => {
                let (x, y) = (number(node, "x"), number(node, "y"));
                let (w, h) = (number(node, "width"), number(node, "height"));
                w >= 0.0 && h >= 0.0 && x_ok(x) && x_ok(x + w) && y_ok(y) && y_ok(y + h)
            }
            "line" => {
                ["x1", "x2"].iter().all(|a| x_ok(number(node, a)))
                    && ["y1", "y2"].iter().all(|a| y_ok(number(node, a)))
            }
            "text" => attribute("x").is_none_or(x_ok) && attribute("y").is_none_or(y_ok),
            _ => true,
        };
        assert!(ok, "outside the {width}x{height} view: {node:?}");
    }
}

fn sample_chart() -> QuadrantChart {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/backlog.json"))
        .expect("the sample backlog");
    let backlog: Backlog = serde_json::from_str(&text).expect("a valid backlog");
    let ranking = backlog.rank(Rice::default()).expect("ranks");
    let matrix = quadrants(&ranking, Split::Median).expect("classifies");
    let lines = matrix.split.expect("lines");
    let bubbles = matrix
        .items
        .iter()
        .zip(ranking.iter())
        .map(|(item, entry)| {
            Bubble::new(&item.id, &item.title, item.value, item.effort, entry.score().unwrap_or(0.0))
        })
        .collect();
    QuadrantChart::new(lines.value, lines.effort, bubbles)
}

/// A label's box: (x0, y0, x1, y1).
fn boxes(document: &Document<'_>) -> Vec<(String, [f64; 4])> {
    class(document, "label")
        .map(|group| {
            let rect = group.children().find(|n| n.attribute("class") == Some("label-box")).expect("a box");
            let text = group.children().find(|n| n.has_tag_name((SVG_NS, "text"))).expect("a text");
            let (x, y) = (number(rect, "x"), number(rect, "y"));
            (
                text.text().expect("text").to_owned(),
                [x, y, x + number(rect, "width"), y + number(rect, "height")],
            )
        })
        .collect()
}

#[test]
fn the_sample_chart_has_every_bubble_and_non_overlapping_labels() {
    let chart = sample_chart();
    let svg = chart.to_svg();
    let (document, width, height) = parse(&svg);
    assert_eq!((width, height), (760.0, 540.0));
    inside_view(&document, width, height);
    assert_eq!(class(&document, "bubble").count(), 20);
    let names: Vec<&str> = class(&document, "quadrant-name").map(|n| n.text().expect("a name")).collect();
    assert_eq!(names, ["Quick wins", "Big bets", "Fill-ins", "Time sinks"]);
    assert_eq!(class(&document, "split").count(), 2);
    let quadrants: Vec<&str> =
        class(&document, "bubble").filter_map(|n| n.attribute("data-quadrant")).collect();
    let count = |name: &str| quadrants.iter().filter(|q| **q == name).count();
    assert_eq!([count("quick_win"), count("big_bet"), count("fill_in"), count("time_sink")], [4, 6, 5, 5]);

    let boxes = boxes(&document);
    let mut labels: Vec<&str> = boxes.iter().map(|(label, _)| label.as_str()).collect();
    labels.sort_unstable();
    let mut ids: Vec<&str> = chart.bubbles.iter().map(|b| b.label.as_str()).collect();
    ids.sort_unstable();
    assert_eq!(labels, ids, "every bubble is labelled");
    let frame = class(&document, "frame").next().expect("the plot's frame");
    let (fx, fy) = (number(frame, "x"), number(frame, "y"));
    let (fw, fh) = (number(frame, "width"), number(frame, "height"));
    for (i, (label, [x0, y0, x1, y1])) in boxes.iter().enumerate() {
        assert!(*x0 >= fx && *y0 >= fy && *x1 <= fx + fw && *y1 <= fy + fh, "{label} leaves the plot");
        for (other, [a0, b0, a1, b1]) in &boxes[i + 1..] {
            let overlap = x0 < a1 && a0 < x1 && y0 < b1 && b0 < y1;
            assert!(!overlap, "{label} overlaps {other}");
        }
    }
    // The bubbles' tooltips: id, title and numbers.
    assert!(svg.contains(
        "<title>CHK-1: One-click checkout for returning buyers (value 6400, effort 3, size 2133.3)</title>"
    ));
}

#[test]
fn text_is_escaped_and_bad_numbers_are_left_out() {
    let chart = QuadrantChart::new(
        1.0,
        1.0,
        vec![
            Bubble::new("<b>&", "<script>alert(1)</script>", 2.0, 1.0, 1.0),
            Bubble::new("ctl\u{1b}", "quote \" and apostrophe '", 0.5, 2.0, 1.0),
            Bubble::new("nan", "NaN value", f64::NAN, 1.0, 1.0),
            Bubble::new("neg", "negative effort", 1.0, -1.0, 1.0),
            Bubble::new("inf", "infinite size", 1.0, 1.0, f64::INFINITY),
        ],
    );
    let svg = chart.to_svg();
    let (document, width, height) = parse(&svg);
    inside_view(&document, width, height);
    assert!(!svg.contains("<script") && !svg.contains("NaN\"") && !svg.contains("inf\""), "{svg}");
    assert!(document.descendants().all(|n| !n.has_tag_name("script") && !n.has_tag_name((SVG_NS, "b"))));
    assert_eq!(class(&document, "bubble").count(), 3);
    let texts: Vec<&str> = document.descendants().filter_map(|n| n.text()).collect();
    assert!(texts.contains(&"<b>&: <script>alert(1)</script> (value 2, effort 1, size 1)"), "{texts:?}");
    assert!(texts.contains(&"<b>&") && texts.contains(&"ctl\\u{1b}"), "{texts:?}");
}

#[test]
fn position_chart() {
    let chart = PositionChart::new(vec![
        Interval::new("A", "first", 1, 3, 1),
        Interval::new("B & C", "second", 3, 1, 2),
        Interval::new("D", "fixed", 3, 3, 3),
    ]);
    let svg = chart.to_svg();
    let (document, width, height) = parse(&svg);
    inside_view(&document, width, height);
    assert_eq!(height, 40.0 + 3.0 * 22.0 + 12.0);
    let bars: Vec<f64> = class(&document, "interval").map(|n| number(n, "width")).collect();
    // Positions 1..=3 span the axis; a fixed position is a dot-sized bar (10 pixels).
    assert_eq!(bars.len(), 3);
    assert!(bars[0] == bars[1] && bars[0] > 600.0 && bars[2] == 10.0, "{bars:?}");
    let current: Vec<f64> = class(&document, "current").map(|n| number(n, "cx")).collect();
    assert!(current[0] < current[1] && current[1] < current[2], "{current:?}");
    let labels: Vec<&str> = class(&document, "row-label").filter_map(|n| n.text()).collect();
    assert_eq!(labels, ["A", "B & C", "D"]);
}

#[test]
fn slope_chart() {
    let mut chart = SlopeChart::new(
        vec!["rice".into(), "wsjf".into(), "moscow".into()],
        vec![
            Slope::new("A", "a", vec![Some(1), Some(3), Some(2)]),
            Slope::new("B", "b", vec![Some(2), None, Some(1)]),
            Slope::new("C", "c", vec![Some(3), Some(1), None]),
        ],
    );
    chart.highlight = Some(1);
    let svg = chart.to_svg();
    let (document, width, height) = parse(&svg);
    inside_view(&document, width, height);
    let slopes: Vec<Node<'_, '_>> = class(&document, "slope").collect();
    assert_eq!(slopes.len(), 3);
    let count =
        |node: &Node<'_, '_>, tag: &str| node.children().filter(|n| n.has_tag_name((SVG_NS, tag))).count();
    // Segments between present neighbours only; a dot per position; labels at present ends.
    let shape: Vec<(usize, usize, usize)> =
        slopes.iter().map(|s| (count(s, "line"), count(s, "circle"), count(s, "text"))).collect();
    assert_eq!(shape, [(2, 3, 2), (0, 2, 2), (1, 2, 1)]);
    let bold: Vec<&str> = class(&document, "column")
        .filter(|n| n.attribute("font-weight") == Some("bold"))
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(bold, ["wsjf"]);
}

#[test]
fn period_chart() {
    let chart = PeriodChart::new(vec![
        PeriodBar::new("now", Some(10.0), vec![Segment::new("A", "a", 6.0), Segment::new("B", "b", 3.0)]),
        PeriodBar::new("next", Some(10.0), vec![Segment::new("LONG-LABEL-123", "c", 0.5)]),
        PeriodBar::new("later <rest>", None, vec![Segment::new("D", "d", 12.0)]),
    ]);
    let svg = chart.to_svg();
    let (document, width, height) = parse(&svg);
    inside_view(&document, width, height);
    assert_eq!(class(&document, "segment").count(), 4);
    assert_eq!(class(&document, "capacity").count(), 2);
    let usage: Vec<&str> = class(&document, "usage").filter_map(|n| n.text()).collect();
    assert_eq!(usage, ["9 of 10", "0.5 of 10", "12 (no limit)"]);
    // A label too long for its segment is left to the tooltip.
    let labels: Vec<&str> = class(&document, "segment-label").filter_map(|n| n.text()).collect();
    assert_eq!(labels, ["A", "B", "D"]);
    assert!(svg.contains(">later &lt;rest&gt;</text>"));
}

#[test]
fn empty_charts_are_valid() {
    for svg in [
        QuadrantChart::new(0.0, 0.0, Vec::new()).to_svg(),
        PositionChart::new(Vec::new()).to_svg(),
        SlopeChart::new(Vec::new(), Vec::new()).to_svg(),
        PeriodChart::new(Vec::new()).to_svg(),
    ] {
        let (document, width, height) = parse(&svg);
        inside_view(&document, width, height);
    }
}

#[test]
fn charts_are_send_and_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<QuadrantChart>();
    check::<PositionChart>();
    check::<SlopeChart>();
    check::<PeriodChart>();
}
