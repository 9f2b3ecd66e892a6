//! Label placement beside circles: greedy, with collision checks against the labels already
//! placed and against fixed obstacles.

/// An axis-aligned box in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rect {
    pub(crate) x0: f64,
    pub(crate) y0: f64,
    pub(crate) x1: f64,
    pub(crate) y1: f64,
}

impl Rect {
    /// Whether the two boxes share any area.
    pub(crate) fn overlaps(&self, other: &Rect) -> bool {
        self.x0 < other.x1 && other.x0 < self.x1 && self.y0 < other.y1 && other.y0 < self.y1
    }

    /// Whether `self` lies within `outer`.
    pub(crate) fn inside(&self, outer: &Rect) -> bool {
        self.x0 >= outer.x0 && self.x1 <= outer.x1 && self.y0 >= outer.y0 && self.y1 <= outer.y1
    }

    /// Whether the box comes within `distance` of a point (covers it when 0 < `distance`).
    fn hides(&self, (cx, cy): (f64, f64), distance: f64) -> bool {
        let dx = cx - cx.clamp(self.x0, self.x1);
        let dy = cy - cy.clamp(self.y0, self.y1);
        dx * dx + dy * dy < distance * distance
    }
}

/// A label to place beside the circle at `(x, y)` of radius `r`, `width` by `height` pixels.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Anchor {
    pub(crate) x: f64,
    pub(crate) y: f64,
    pub(crate) r: f64,
    pub(crate) width: f64,
    pub(crate) height: f64,
}

/// Where a label went: its box, and whether it stands off its circle (and wants a leader line).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Placed {
    pub(crate) rect: Rect,
    pub(crate) leader: bool,
}

/// The gaps between circle and label tried, nearest first; from the second on, a leader line
/// joins them.
const GAPS: [f64; 6] = [2.0, 6.0, 14.0, 24.0, 36.0, 50.0];

/// Directions tried at each gap: east, west, north, south, then the diagonals.
const DIRECTIONS: [(f64, f64); 8] =
    [(1.0, 0.0), (-1.0, 0.0), (0.0, -1.0), (0.0, 1.0), (1.0, -1.0), (-1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)];

/// How near a label may come to another circle's centre before it counts as hiding it.
const CENTRE_MARGIN: f64 = 6.0;

/// Places the labels of `anchors` in order. Each goes at the best free candidate position
/// (inside `bounds`, over no obstacle and no label placed before it): first near its circle and
/// touching no other circle, then near and hiding no other circle's centre, then standing off
/// (with a leader line) touching no other circle, then standing off hiding no centre, then
/// anywhere free; among equals, the nearest gap, then the first direction. `None` for a label
/// that finds no free place.
pub(crate) fn place(anchors: &[Anchor], bounds: Rect, obstacles: &[Rect]) -> Vec<Option<Placed>> {
    let mut taken: Vec<Rect> = obstacles.to_vec();
    anchors
        .iter()
        .enumerate()
        .map(|(index, anchor)| {
            let others =
                || anchors.iter().enumerate().filter(move |(other, _)| *other != index).map(|(_, a)| a);
            let class = |gap: f64, rect: &Rect| {
                let touches = others().any(|a| rect.hides((a.x, a.y), a.r));
                let hides = others().any(|a| rect.hides((a.x, a.y), CENTRE_MARGIN.min(a.r + 1.0)));
                let far = u8::from(gap > GAPS[1]) * 2;
                if !touches {
                    far
                } else if !hides {
                    far + 1
                } else {
                    4
                }
            };
            let best = GAPS
                .iter()
                .flat_map(|&gap| DIRECTIONS.iter().map(move |&d| (gap, candidate(anchor, gap, d))))
                .filter(|(_, rect)| rect.inside(&bounds) && !taken.iter().any(|t| t.overlaps(rect)))
                .enumerate()
                .min_by_key(|(order, (gap, rect))| (class(*gap, rect), *order))
                .map(|(_, found)| found);
            best.map(|(gap, rect)| {
                taken.push(rect);
                Placed { rect, leader: gap > GAPS[0] }
            })
        })
        .collect()
}

/// The box of `anchor`'s label at `gap` beyond its circle in direction `(dx, dy)`.
fn candidate(anchor: &Anchor, gap: f64, (dx, dy): (f64, f64)) -> Rect {
    let reach = anchor.r + gap;
    // On a diagonal the box's near corner sits on the circle's diagonal.
    let scale = if dx != 0.0 && dy != 0.0 { std::f64::consts::FRAC_1_SQRT_2 } else { 1.0 };
    let (px, py) = (anchor.x + dx * reach * scale, anchor.y + dy * reach * scale);
    let x0 = match dx {
        d if d > 0.0 => px,
        d if d < 0.0 => px - anchor.width,
        _ => px - anchor.width / 2.0,
    };
    let y0 = match dy {
        d if d > 0.0 => py,
        d if d < 0.0 => py - anchor.height,
        _ => py - anchor.height / 2.0,
    };
    Rect { x0, y0, x1: x0 + anchor.width, y1: y0 + anchor.height }
}

#[cfg(test)]
mod tests {
    use super::{Anchor, Rect, place};

    const BOUNDS: Rect = Rect { x0: 0.0, y0: 0.0, x1: 200.0, y1: 100.0 };

    fn anchor(x: f64, y: f64) -> Anchor {
        Anchor { x, y, r: 5.0, width: 30.0, height: 10.0 }
    }

    #[test]
    fn the_first_label_goes_east_and_a_crowded_one_elsewhere() {
        let placed = place(&[anchor(50.0, 50.0), anchor(50.0, 50.0)], BOUNDS, &[]);
        let first = placed[0].expect("placed").rect;
        assert_eq!(first, Rect { x0: 57.0, y0: 45.0, x1: 87.0, y1: 55.0 });
        let second = placed[1].expect("placed").rect;
        assert_eq!(second, Rect { x0: 13.0, y0: 45.0, x1: 43.0, y1: 55.0 }, "west");
    }

    #[test]
    fn labels_stay_inside_and_off_obstacles() {
        let obstacle = Rect { x0: 150.0, y0: 0.0, x1: 200.0, y1: 100.0 };
        let placed = place(&[anchor(140.0, 50.0)], BOUNDS, &[obstacle]);
        let rect = placed[0].expect("placed").rect;
        assert!(rect.inside(&BOUNDS) && !rect.overlaps(&obstacle), "{rect:?}");
    }

    #[test]
    fn a_label_with_no_room_is_left_out() {
        let tiny = Rect { x0: 0.0, y0: 0.0, x1: 20.0, y1: 20.0 };
        assert_eq!(place(&[anchor(10.0, 10.0)], tiny, &[]), [None]);
    }

    #[test]
    fn many_labels_never_overlap() {
        let anchors: Vec<Anchor> =
            (0..30).map(|i| anchor(60.0 + f64::from(i % 5) * 8.0, 40.0 + f64::from(i / 5) * 4.0)).collect();
        let big = Rect { x0: 0.0, y0: 0.0, x1: 400.0, y1: 300.0 };
        let rects: Vec<Rect> = place(&anchors, big, &[]).into_iter().flatten().map(|p| p.rect).collect();
        for (i, a) in rects.iter().enumerate() {
            assert!(rects[i + 1..].iter().all(|b| !a.overlaps(b)));
        }
    }
}
