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
    use super::{Anchor, Rect, candidate, place};

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

    #[test]
    fn boxes_overlap_only_by_area_and_hide_points_by_euclidean_distance() {
        let a = Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 };
        let touching = [
            Rect { x0: 10.0, y0: 0.0, x1: 20.0, y1: 10.0 },
            Rect { x0: -10.0, y0: 0.0, x1: 0.0, y1: 10.0 },
            Rect { x0: 0.0, y0: 10.0, x1: 10.0, y1: 20.0 },
            Rect { x0: 0.0, y0: -10.0, x1: 10.0, y1: 0.0 },
        ];
        for other in touching {
            assert!(!a.overlaps(&other) && !other.overlaps(&a), "{other:?} only touches");
        }
        assert!(a.overlaps(&Rect { x0: 9.0, y0: 9.0, x1: 11.0, y1: 11.0 }));
        assert!(a.inside(&Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 10.0 }));
        assert!(!a.inside(&Rect { x0: 0.5, y0: 0.0, x1: 10.0, y1: 10.0 }));
        assert!(!a.inside(&Rect { x0: 0.0, y0: 0.0, x1: 10.0, y1: 9.5 }));
        // (13, 14) is 3 right and 4 below the corner (10, 10): 5 away.
        assert!(a.hides((13.0, 14.0), 5.1) && !a.hides((13.0, 14.0), 5.0));
        assert!(a.hides((5.0, 5.0), 0.1), "a point inside is hidden");
        assert!(!a.hides((-3.0, 5.0), 3.0) && a.hides((-3.0, 5.0), 3.5));
        assert!(!a.hides((5.0, -4.0), 4.0) && a.hides((5.0, -4.0), 4.5));
    }

    #[test]
    fn candidates_sit_beyond_the_circle_in_each_direction() {
        let at = anchor(100.0, 50.0); // r 5, 30 by 10
        let boxes: Vec<[f64; 4]> = [(1.0, 0.0), (-1.0, 0.0), (0.0, -1.0), (0.0, 1.0)]
            .into_iter()
            .map(|d| {
                let r = candidate(&at, 2.0, d);
                [r.x0, r.y0, r.x1, r.y1]
            })
            .collect();
        assert_eq!(
            boxes,
            [
                [107.0, 45.0, 137.0, 55.0],
                [63.0, 45.0, 93.0, 55.0],
                [85.0, 33.0, 115.0, 43.0],
                [85.0, 57.0, 115.0, 67.0]
            ]
        );
        // On a diagonal the near corner is on the diagonal through the circle, 7 / √2 away on each axis.
        let reach = 7.0 * std::f64::consts::FRAC_1_SQRT_2;
        let north_east = candidate(&at, 2.0, (1.0, -1.0));
        assert_eq!((north_east.x0, north_east.y1), (100.0 + reach, 50.0 - reach));
        let south_west = candidate(&at, 2.0, (-1.0, 1.0));
        assert_eq!((south_west.x1, south_west.y0), (100.0 - reach, 50.0 + reach));
    }

    #[test]
    fn a_label_prefers_not_to_cover_another_circle_then_not_its_centre() {
        // A circle just east of the first: the label goes west rather than over it.
        let placed = place(&[anchor(50.0, 50.0), Anchor { r: 4.0, ..anchor(75.0, 50.0) }], BOUNDS, &[]);
        let first = placed[0].expect("placed");
        assert_eq!(first.rect, Rect { x0: 13.0, y0: 45.0, x1: 43.0, y1: 55.0 });
        assert!(!first.leader, "at the nearest gap, no leader line");
        // Circles all around at the nearest gap: the label stands off, with a leader line.
        let around: Vec<Anchor> = std::iter::once(anchor(100.0, 50.0))
            .chain([(120.0, 50.0), (80.0, 50.0), (100.0, 38.0), (100.0, 62.0)].map(|(x, y)| anchor(x, y)))
            .chain([(122.0, 36.0), (78.0, 36.0), (122.0, 64.0), (78.0, 64.0)].map(|(x, y)| anchor(x, y)))
            .collect();
        let big = Rect { x0: 0.0, y0: 0.0, x1: 400.0, y1: 300.0 };
        let first = place(&around, big, &[])[0].expect("placed");
        assert!(first.leader, "{first:?}");
        let others = &around[1..];
        assert!(others.iter().all(|a| !first.rect.hides((a.x, a.y), a.r)), "{first:?} covers a circle");
    }
}
