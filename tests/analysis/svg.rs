//! The SVG charts: well-formed XML with the expected elements, everything inside the viewBox,
//! text escaped, and no two labels of the sample backlog's value/effort chart overlapping.

#![cfg(all(feature = "svg", feature = "serde"))]

use prioritize::analysis::{Split, quadrants};
use prioritize::svg::{
    Bubble, Interval, KanoChart, KanoPoint, PeriodBar, PeriodChart, PositionChart, QuadrantChart, Segment,
    Slope, SlopeChart,
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
        KanoChart::new(Vec::new()).to_svg(),
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
    check::<KanoChart>();
}

/// Within a pixel's hundredth: the charts write coordinates with two decimals.
#[track_caller]
fn near(a: f64, b: f64) {
    assert!((a - b).abs() <= 0.011, "{a} is not {b}");
}

/// The geometry of the value/effort chart: bubbles where their effort and value put them on two
/// linear axes (value up), their areas in proportion to their sizes down to a smallest radius, the
/// split lines at the split values, and each quadrant's name in its own corner, drawn after the
/// bubbles so that none covers it.
#[test]
fn quadrant_chart_geometry() {
    let chart = QuadrantChart::new(
        5.0,
        4.0,
        vec![
            Bubble::new("A", "a", 2.0, 1.0, 100.0),
            Bubble::new("B", "b", 8.0, 3.0, 25.0),
            Bubble::new("C", "c", 6.0, 7.0, 0.01),
            Bubble::new("D", "d", 1.0, 6.0, 64.0),
        ],
    );
    let svg = chart.to_svg();
    let (document, _, _) = parse(&svg);
    let bubbles: Vec<(f64, f64, f64)> =
        class(&document, "bubble").map(|n| (number(n, "cx"), number(n, "cy"), number(n, "r"))).collect();
    // Drawn largest first: A (100), D (64), B (25), C (smallest radius).
    let (first, fourth, second, third) = (bubbles[0], bubbles[1], bubbles[2], bubbles[3]);
    near(first.2, 26.0);
    near(fourth.2, 26.0 * 0.8);
    near(second.2, 26.0 * 0.5);
    near(third.2, 4.0);
    // x = x0 + effort·per_effort, y = y0 - value·per_value: the same per_effort and per_value for every bubble.
    let per_effort = (second.0 - first.0) / (3.0 - 1.0);
    let per_value = (first.1 - second.1) / (8.0 - 2.0);
    assert!(per_effort > 0.0 && per_value > 0.0, "effort to the right, value up");
    near(third.0, first.0 + 6.0 * per_effort);
    near(fourth.0, first.0 + 5.0 * per_effort);
    near(third.1, first.1 - 4.0 * per_value);
    near(fourth.1, first.1 + 1.0 * per_value);
    let splits: Vec<Node<'_, '_>> = class(&document, "split").collect();
    near(number(splits[0], "x1"), first.0 + 3.0 * per_effort);
    near(number(splits[0], "x2"), first.0 + 3.0 * per_effort);
    near(number(splits[1], "y1"), first.1 - 3.0 * per_value);
    near(number(splits[1], "y2"), first.1 - 3.0 * per_value);
    let (split_x, split_y) = (first.0 + 3.0 * per_effort, first.1 - 3.0 * per_value);
    let names: Vec<(&str, f64, f64)> = class(&document, "quadrant-name")
        .map(|n| (n.text().unwrap_or(""), number(n, "x"), number(n, "y")))
        .collect();
    let corner =
        |name: &str| names.iter().find(|(n, _, _)| *n == name).map(|&(_, x, y)| (x < split_x, y < split_y));
    assert_eq!(
        ["Quick wins", "Big bets", "Fill-ins", "Time sinks"].map(corner),
        [Some((true, true)), Some((false, true)), Some((true, false)), Some((false, false))]
    );
    let order: Vec<&str> = document
        .descendants()
        .filter_map(|n| n.attribute("class"))
        .filter(|class| ["bubble", "quadrant-name"].contains(class))
        .collect();
    assert_eq!(
        order.iter().position(|c| *c == "quadrant-name"),
        Some(4),
        "the names after the bubbles: {order:?}"
    );
    // Each quadrant has its own colours: its background, and its bubbles and name in a darker one.
    let fills = |class_name: &str| -> Vec<(String, String)> {
        class(&document, class_name)
            .map(|n| {
                (
                    n.attribute("data-quadrant").unwrap_or("").to_owned(),
                    n.attribute("fill").unwrap_or("").to_owned(),
                )
            })
            .collect()
    };
    let backgrounds = fills("quadrant");
    let colour = |text: &str| {
        text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
    };
    assert!(backgrounds.iter().all(|(_, fill)| colour(fill)), "{backgrounds:?}");
    let mut distinct: Vec<&String> = backgrounds.iter().map(|(_, fill)| fill).collect();
    distinct.dedup();
    assert_eq!(distinct.len(), 4);
    for (quadrant, fill) in fills("bubble") {
        let background =
            backgrounds.iter().find(|(q, _)| *q == quadrant).map(|(_, f)| f).expect("a quadrant");
        assert!(colour(&fill) && &fill != background, "{quadrant}: {fill}");
    }
    let name = class(&document, "quadrant-name").next().expect("a name");
    assert_eq!((name.attribute("stroke"), name.attribute("paint-order")), (Some("#ffffff"), Some("stroke")));
}

/// The geometry of the position chart: positions on a linear axis, each row's bar from its best to
/// its worst position, its dot at its current one, rows stacked 22 pixels apart.
#[test]
fn position_chart_geometry() {
    let chart = PositionChart::new(vec![
        Interval::new("A", "a", 2, 5, 1),
        Interval::new("B", "b", 1, 3, 2),
        Interval::new("C", "c", 4, 4, 4),
    ]);
    let svg = chart.to_svg();
    let (document, _, _) = parse(&svg);
    let bars: Vec<(f64, f64, f64)> =
        class(&document, "interval").map(|n| (number(n, "x"), number(n, "y"), number(n, "width"))).collect();
    let dots: Vec<(f64, f64)> =
        class(&document, "current").map(|n| (number(n, "cx"), number(n, "cy"))).collect();
    // Position 1 at x(1), each position `step` further: bars start 5 before their best position.
    let x1 = dots[0].0;
    let step = (dots[1].0 - x1) / 1.0;
    assert!(step > 0.0);
    near(dots[2].0, x1 + 3.0 * step);
    near(bars[0].0, x1 + 1.0 * step - 5.0);
    near(bars[0].2, 3.0 * step + 10.0);
    near(bars[1].0, x1 - 5.0);
    near(bars[1].2, 2.0 * step + 10.0);
    near(bars[2].2, 10.0);
    for (row, ((_, y, _), (_, cy))) in bars.iter().zip(&dots).enumerate() {
        near(*cy, 40.0 + 22.0 * (row as f64 + 0.5));
        near(*y, *cy - 5.0);
    }
    // The last position (5, the worst of all) ends 24 pixels before the right edge.
    near(x1 + 4.0 * step, 760.0 - 24.0);
    let labels: Vec<(f64, f64)> =
        class(&document, "row-label").map(|n| (number(n, "x"), number(n, "y"))).collect();
    for ((x, y), (_, cy)) in labels.iter().zip(&dots) {
        near(*x, x1 - 12.0);
        near(*y, cy + 12.0 * 0.35);
    }
}

/// The geometry of the slope chart: one x a column, the first and last columns as far from the
/// edges as the labels need, one y a position (20 pixels apart), and lines joining the dots.
#[test]
fn slope_chart_geometry() {
    let chart = SlopeChart::new(
        vec!["rice".into(), "wsjf".into(), "ice".into()],
        vec![
            Slope::new("A", "a", vec![Some(1), Some(2), Some(1)]),
            Slope::new("B", "b", vec![Some(2), Some(1), Some(2)]),
        ],
    );
    let svg = chart.to_svg();
    let (document, width, _) = parse(&svg);
    let slopes: Vec<Node<'_, '_>> = class(&document, "slope").collect();
    let dots = |slope: &Node<'_, '_>| -> Vec<(f64, f64)> {
        slope
            .children()
            .filter(|n| n.has_tag_name((SVG_NS, "circle")))
            .map(|n| (number(n, "cx"), number(n, "cy")))
            .collect()
    };
    let (a, b) = (dots(&slopes[0]), dots(&slopes[1]));
    for column in 0..3 {
        near(a[column].0, b[column].0);
    }
    let gap = a[1].0 - a[0].0;
    near(a[2].0 - a[1].0, gap);
    near(a[0].0, width - a[2].0);
    near(a[0].1, 40.0 + 20.0 * 0.5);
    near(b[0].1, 40.0 + 20.0 * 1.5);
    near(a[1].1, b[0].1);
    let lines: Vec<[f64; 4]> = slopes[0]
        .children()
        .filter(|n| n.has_tag_name((SVG_NS, "line")))
        .map(|n| ["x1", "y1", "x2", "y2"].map(|name| number(n, name)))
        .collect();
    assert_eq!(lines.len(), 2);
    for (line, pair) in lines.iter().zip(a.windows(2)) {
        near(line[0], pair[0].0);
        near(line[1], pair[0].1);
        near(line[2], pair[1].0);
        near(line[3], pair[1].1);
    }
    // End labels just outside the first and last columns.
    let ends: Vec<(f64, Option<&str>)> = slopes[0]
        .children()
        .filter(|n| n.has_tag_name((SVG_NS, "text")))
        .map(|n| (number(n, "x"), n.attribute("text-anchor")))
        .collect();
    near(ends[0].0, a[0].0 - 10.0);
    near(ends[1].0, a[2].0 + 10.0);
    assert_eq!((ends[0].1, ends[1].1), (Some("end"), Some("start")));
}

/// The geometry of the period chart: one scale for every period, each segment as long as its
/// effort and starting where the one before it ends, the capacity outline as long as the
/// capacity, rows 44 pixels apart (16 more under a bar that names its unlabelled segments), the
/// usage after the longer of bar and outline.
#[test]
fn period_chart_geometry() {
    let chart = PeriodChart::new(vec![
        PeriodBar::new("now", Some(10.0), vec![Segment::new("A", "a", 6.0), Segment::new("B", "b", 3.0)]),
        PeriodBar::new(
            "next",
            Some(4.0),
            vec![Segment::new("C", "c", 0.2), Segment::new("DD", "d", 0.3), Segment::new("E", "e", 5.0)],
        ),
        PeriodBar::new("later", None, vec![Segment::new("F", "f", 2.0)]),
    ]);
    let svg = chart.to_svg();
    let (document, width, height) = parse(&svg);
    inside_view(&document, width, height);
    let segments: Vec<(f64, f64, f64)> = class(&document, "segment")
        .map(|g| g.children().find(|n| n.has_tag_name((SVG_NS, "rect"))).expect("a bar"))
        .map(|rect| (number(rect, "x"), number(rect, "y"), number(rect, "width")))
        .collect();
    let unit = segments[0].2 / 6.0;
    let lengths = [6.0, 3.0, 0.2, 0.3, 5.0, 2.0];
    for ((_, _, w), effort) in segments.iter().zip(lengths) {
        near(*w, effort * unit);
    }
    let left = segments[0].0;
    near(segments[1].0, left + 6.0 * unit);
    near(segments[2].0, left);
    near(segments[3].0, left + 0.2 * unit);
    near(segments[4].0, left + 0.5 * unit);
    near(segments[5].0, left);
    // Rows: 44 apart, plus the 16-pixel line under "next", which names C and DD.
    near(segments[2].1 - segments[0].1, 44.0);
    near(segments[5].1 - segments[2].1, 44.0 + 16.0);
    near(height, 30.0 + 44.0 * 3.0 + 16.0 + 8.0);
    let unlabelled: Vec<(&str, f64, f64)> = class(&document, "unlabelled")
        .map(|n| (n.text().unwrap_or(""), number(n, "x"), number(n, "y")))
        .collect();
    assert_eq!(unlabelled.len(), 1);
    assert_eq!(unlabelled[0].0, "also in this bar: C, DD");
    near(unlabelled[0].1, left);
    near(unlabelled[0].2, segments[2].1 + 26.0 + 6.0 + 12.0);
    let capacities: Vec<(f64, f64)> =
        class(&document, "capacity").map(|n| (number(n, "x"), number(n, "width"))).collect();
    assert_eq!(capacities.len(), 2);
    near(capacities[0].0, left);
    near(capacities[0].1, 10.0 * unit);
    near(capacities[1].1, 4.0 * unit);
    let usage: Vec<f64> = class(&document, "usage").map(|n| number(n, "x")).collect();
    near(usage[0], left + 10.0 * unit + 8.0);
    near(usage[1], left + 5.5 * unit + 8.0);
    near(usage[2], left + 2.0 * unit + 8.0);
    let names: Vec<f64> = class(&document, "period").map(|n| number(n, "x")).collect();
    assert!(names.iter().all(|&x| (x - (left - 10.0)).abs() < 0.011), "{names:?}");
    // The largest of used and capacity spans the scale: "now" (10) ends 120 pixels before the edge.
    near(left + 10.0 * unit, 760.0 - 120.0);
}

/// Too many narrow segments for one line: the first few, and the count of the rest.
#[test]
fn a_long_list_of_unlabelled_segments_is_counted() {
    let segments: Vec<Segment> = (0..60).map(|i| Segment::new(format!("ITEM-{i}"), "", 0.01)).collect();
    let chart = PeriodChart::new(vec![PeriodBar::new("sprint", Some(100.0), segments)]);
    let svg = chart.to_svg();
    let (document, _, _) = parse(&svg);
    let line = class(&document, "unlabelled").next().and_then(|n| n.text()).expect("a line").to_owned();
    assert!(line.starts_with("also in this bar: ITEM-0, ITEM-1, "), "{line}");
    let (shown, more) = line.rsplit_once(" and ").expect("a count");
    let listed = shown.trim_start_matches("also in this bar: ").split(", ").count();
    assert_eq!(more, format!("{} more", 60 - listed));
    assert!(listed >= 5 && line.chars().count() <= 110, "{line}");
}

/// The Kano chart: |worse| to the right and better up on 0..=1 axes of 544 by 468 pixels, split
/// at 0.5 into the four categories, each point coloured by its corner, labels apart, tooltips
/// whole and escaped, and points without coefficients left out.
#[test]
fn kano_chart_geometry() {
    let (x0, y0, x1, y1) = (76.0, 16.0, 620.0, 484.0);
    let at = |better: f64, worse: f64| (x0 + (x1 - x0) * -worse, y1 - (y1 - y0) * better);
    let long = "a-feature-id-much-longer-than-any-label-should-be";
    let mut points = vec![
        // Berger's published example: better 0.568, worse -0.736.
        KanoPoint::new("one-click", 168.0 / 296.0, -218.0 / 296.0, "one-dimensional"),
        KanoPoint::new("<dark & mode>", 1.0, 0.0, "attractive"),
        KanoPoint::new("export", 0.1, -0.9, "must-be"),
        KanoPoint::new(long, 0.2, -0.2, "indifferent"),
        KanoPoint::new("no answers", f64::NAN, f64::NAN, "questionable"),
        KanoPoint::new("out of range", 1.5, 0.0, "attractive"),
    ];
    // Thirty more near one spot, to crowd the labels.
    points.extend(
        (0..30).map(|i| KanoPoint::new(format!("F{i}"), 0.3 + f64::from(i) * 0.002, -0.3, "indifferent")),
    );
    let chart = KanoChart::new(points);
    let svg = chart.to_svg();
    let (document, width, height) = parse(&svg);
    assert_eq!((width, height), (640.0, 540.0));
    inside_view(&document, width, height);
    let circles: Vec<Node<'_, '_>> = class(&document, "feature").collect();
    assert_eq!(circles.len(), 34, "the point without coefficients and the one out of range are left out");
    let centre = |node: Node<'_, '_>| (number(node, "cx"), number(node, "cy"));
    let (cx, cy) = centre(circles[0]);
    let (ex, ey) = at(168.0 / 296.0, -218.0 / 296.0);
    near(cx, ex);
    near(cy, ey);
    assert_eq!(centre(circles[1]), (x0, y0), "better 1 and worse 0 is the top left corner");
    let fill = |node: Node<'_, '_>| node.attribute("fill").expect("a colour").to_owned();
    assert_eq!(
        circles[..4].iter().map(|n| fill(*n)).collect::<Vec<_>>(),
        ["#0063a0", "#007a5a", "#b34700", "#5f6b76"],
        "one-dimensional, attractive, must-be, indifferent"
    );
    let splits: Vec<Node<'_, '_>> = class(&document, "split").collect();
    near(number(splits[0], "x1"), f64::midpoint(x0, x1));
    near(number(splits[1], "y1"), f64::midpoint(y0, y1));
    let names: Vec<&str> = class(&document, "quadrant-name").map(|n| n.text().expect("a name")).collect();
    assert_eq!(names, ["Attractive", "One-dimensional", "Indifferent", "Must-be"]);
    // Escaped in the label and the tooltip; a long id shortened in its label, whole in its tooltip.
    assert!(svg.contains("<title>&lt;dark &amp; mode&gt;: attractive (better 1, worse 0)</title>"), "{svg}");
    assert!(svg.contains(&format!("<title>{long}: indifferent")));
    let boxes = boxes(&document);
    let labels: Vec<&str> = boxes.iter().map(|(label, _)| label.as_str()).collect();
    assert!(labels.contains(&"one-click") && labels.contains(&"<dark & mode>"), "{labels:?}");
    assert!(!labels.contains(&long) && labels.iter().any(|l| l.starts_with("a-feature") && l.contains('…')));
    for (i, (label, [a0, b0, a1, b1])) in boxes.iter().enumerate() {
        assert!(*a0 >= x0 && *b0 >= y0 && *a1 <= x1 && *b1 <= y1, "{label} leaves the plot");
        for (other, [c0, d0, c1, d1]) in &boxes[i + 1..] {
            assert!(!(a0 < c1 && c0 < a1 && b0 < d1 && d0 < b1), "{label} overlaps {other}");
        }
    }
}
