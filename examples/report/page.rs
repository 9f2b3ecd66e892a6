//! The report's HTML: one page, inline CSS and SVG, no script; every text escaped.

use std::fmt::Write as _;

use crate::common::{ID_WIDTH, number, shorten_middle};
use prioritize::Ranking;
use prioritize::analysis::{Quadrant, Quadrants, Sensitivity};
use prioritize::judgment::KanoFeature;
use prioritize::plan::Roadmap;
use prioritize::svg::escape;

/// Everything the page shows.
pub(crate) struct Page<'r, 'a> {
    /// Where the backlog came from, for the header.
    pub(crate) source: &'r str,
    pub(crate) ranking: &'r Ranking<'a>,
    pub(crate) matrix: &'r Quadrants,
    pub(crate) sensitivity: &'r Sensitivity,
    /// The `--uncertainty` the position ranges assume.
    pub(crate) uncertainty: f64,
    /// The value/effort chart; `None` when no item has both.
    pub(crate) quadrant_chart: Option<String>,
    pub(crate) position_chart: String,
    pub(crate) slope_chart: String,
    /// The roadmap and its chart, with `--periods`.
    pub(crate) roadmap: Option<(&'r Roadmap<'a>, String)>,
    /// The backlog's Kano survey and its chart, when it carries one.
    pub(crate) kano: Option<(&'r [KanoFeature], String)>,
}

const STYLE: &str = "\
*{box-sizing:border-box}
body{margin:0;background:#f5f7fa;color:#1f2933;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif}
main{max-width:1580px;margin:0 auto;padding:20px 24px 40px}
h1{font-size:26px;margin:4px 0 2px}
h2{font-size:18px;margin:0 0 6px}
header p,.note{color:#52606d;margin:4px 0 12px}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,640px),1fr));gap:20px;align-items:start}
section{background:#fff;border:1px solid #e4e7eb;border-radius:8px;padding:16px 18px;margin-bottom:20px;min-width:0}
.grid section{margin-bottom:0}
.stack{margin-top:20px}
svg{display:block;max-width:100%;height:auto;margin:0 auto}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{padding:4px 8px;border-bottom:1px solid #e4e7eb;text-align:left;vertical-align:top}
th{color:#52606d;font-weight:600;border-bottom:2px solid #cbd2d9}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.id{white-space:nowrap;font-weight:600;width:1%}
td.title{overflow-wrap:anywhere;min-width:12em}
.tag{display:inline-block;padding:0 7px;border-radius:10px;font-size:12px;white-space:nowrap}
.quick_win{background:#e3f4ec;color:#007a5a}.big_bet{background:#e2eef8;color:#0063a0}
.fill_in{background:#f1f1f1;color:#5f6b76}.time_sink{background:#fbe9e1;color:#b34700}
ul.quadrants{list-style:none;padding:0;margin:10px 0 0;font-size:14px;display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:6px 16px}
ul.quadrants li{overflow-wrap:anywhere}
.warning{color:#b34700}";

impl Page<'_, '_> {
    /// The whole document.
    pub(crate) fn render(&self) -> String {
        let framework = self.ranking.engine_name();
        let mut html = String::with_capacity(64 * 1024);
        let _ = write!(
            html,
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>Backlog report: {}</title>\n<style>\n{STYLE}\n</style>\n</head>\n<body>\n<main>\n\
             <header><h1>Backlog report</h1><p>{} ranked by <strong>{}</strong> from {}; {} unscored.</p></header>\n",
            escape(framework),
            count(self.ranking.len(), "item"),
            escape(framework),
            escape(self.source),
            self.ranking.unscored().len(),
        );
        for warning in self.ranking.warnings() {
            let _ = writeln!(html, "<p class=\"warning\">warning: {}</p>", escape(&warning.to_string()));
        }
        html.push_str("<div class=\"grid\">\n");
        self.quadrants(&mut html);
        self.table(&mut html);
        html.push_str("</div>\n<div class=\"grid stack\">\n");
        let _ = write!(
            html,
            "<section id=\"positions\"><h2>How sure is each position?</h2>\
             <p class=\"note\">Best to worst position each item can take within its estimates' ranges{}; \
             the dot is its position now.</p>\n{}\n</section>\n",
            if self.uncertainty > 0.0 {
                format!(" (estimates without a range read as ±{} %)", number(self.uncertainty * 100.0))
            } else {
                String::new()
            },
            self.position_chart
        );
        let _ = write!(
            html,
            "<section id=\"frameworks\"><h2>Positions under each framework</h2>\
             <p class=\"note\">Each line joins an item's positions; position 1 is at the top.</p>\n{}\n</section>\n",
            self.slope_chart
        );
        self.roadmap(&mut html);
        self.kano(&mut html);
        html.push_str("</div>\n</main>\n</body>\n</html>\n");
        html
    }

    fn quadrants(&self, html: &mut String) {
        html.push_str("<section id=\"quadrants\"><h2>Value against effort</h2>");
        let Some(chart) = &self.quadrant_chart else {
            html.push_str("<p class=\"note\">No item has both a value and an effort.</p>");
            self.excluded(html);
            html.push_str("</section>\n");
            return;
        };
        if let Some(lines) = self.matrix.split {
            let _ = writeln!(
                html,
                "<p class=\"note\">Split lines at value {} and effort {} (on a line counts as high); bubble area is \
                 the {} score.</p>",
                number(lines.value),
                number(lines.effort),
                escape(&self.matrix.framework)
            );
        }
        html.push_str(chart);
        html.push_str("\n<ul class=\"quadrants\">");
        for quadrant in Quadrant::ALL {
            // The first few in ranking order: the ranking table lists them all.
            let mut ids: Vec<String> = self.matrix.of(quadrant).map(|item| id_text(&item.id)).collect();
            if ids.len() > LISTED {
                let more = ids.len() - LISTED;
                ids.truncate(LISTED);
                ids.push(format!("and {more} more in the ranking"));
            }
            let _ = write!(
                html,
                "<li><span class=\"tag {}\">{}</span> {}</li>",
                quadrant.as_str(),
                quadrant.label(),
                if ids.is_empty() { "none".to_owned() } else { ids.join(", ") }
            );
        }
        html.push_str("</ul>\n");
        self.excluded(html);
        html.push_str("</section>\n");
    }

    fn excluded(&self, html: &mut String) {
        let excluded =
            self.matrix.excluded.iter().map(|item| format!("{} lacks {}", item.id, item.missing.join(", ")));
        note(html, "Not in the matrix", excluded);
    }

    fn table(&self, html: &mut String) {
        let categorized = self.ranking.is_categorized();
        html.push_str(
            "<section id=\"ranking\"><h2>Ranking</h2>\n<table>\n<thead><tr><th class=\"num\">#</th><th>id</th>\
             <th>title</th>",
        );
        if categorized {
            html.push_str("<th>moscow</th>");
        }
        html.push_str("<th class=\"num\">score</th><th>quadrant</th><th class=\"num\">best–worst</th></tr></thead>\n<tbody>\n");
        for entry in self.ranking.iter() {
            let item = entry.item();
            let id = item.id();
            let _ = write!(
                html,
                "<tr><td class=\"num\">{}</td>{}<td class=\"title\">{}</td>",
                entry.position(),
                id_cell(id),
                escape(item.title())
            );
            if categorized {
                let category = entry.category().map_or_else(String::new, |category| category.to_string());
                let _ = write!(html, "<td>{}</td>", escape(&category));
            }
            let quadrant = self.matrix.items.iter().find(|q| q.id == id).map_or_else(
                || "–".to_owned(),
                |q| format!("<span class=\"tag {}\">{}</span>", q.quadrant.as_str(), q.quadrant.label()),
            );
            let range = self
                .sensitivity
                .items
                .iter()
                .find(|bounds| bounds.id == id)
                .map_or_else(|| "–".to_owned(), |b| format!("{}–{}", b.best_position, b.worst_position));
            let _ = writeln!(
                html,
                "<td class=\"num\">{}</td><td>{quadrant}</td><td class=\"num\">{range}</td></tr>",
                entry.score().map_or_else(|| "–".to_owned(), number),
            );
        }
        html.push_str("</tbody>\n</table>\n");
        let unscored = self
            .ranking
            .unscored()
            .map(|u| format!("{} lacks {}", u.item().id(), u.missing_names().join(", ")));
        note(html, "Unscored", unscored);
        html.push_str("</section>\n");
    }

    fn roadmap(&self, html: &mut String) {
        html.push_str("<section id=\"roadmap\"><h2>Roadmap</h2>");
        let Some((roadmap, chart)) = &self.roadmap else {
            html.push_str(
                "<p class=\"note\">Give <code>--periods</code> (e.g. <code>20,30,rest</code>) to fill roadmap \
                 periods in dependency-aware order and see them against their capacity.</p></section>\n",
            );
            return;
        };
        html.push_str(
            "<p class=\"note\">Periods filled in ranked order, never before a prerequisite; the dashed outline \
             is the capacity.</p>\n",
        );
        html.push_str(chart);
        let unplaced = roadmap.unplaced().map(|(entry, reason)| format!("{} ({reason})", entry.item().id()));
        note(html, "In no period", unplaced);
        html.push_str("</section>\n");
    }
}

impl Page<'_, '_> {
    /// The Kano survey: the chart, and each feature's category and coefficients.
    fn kano(&self, html: &mut String) {
        let Some((features, chart)) = &self.kano else { return };
        html.push_str(
            "<section id=\"kano\"><h2>What customers expect (Kano)</h2>\
             <p class=\"note\">Each feature by how much having it pleases (better) and lacking it displeases \
             (|worse|), from the survey's answers.</p>\n",
        );
        html.push_str(chart);
        html.push_str(
            "<table>\n<thead><tr><th>feature</th><th>category</th><th class=\"num\">answers</th>\
             <th class=\"num\">better</th><th class=\"num\">worse</th><th>significant</th></tr></thead>\n<tbody>\n",
        );
        let coefficient = |value: Option<f64>| value.map_or_else(|| "–".to_owned(), |v| format!("{v:.2}"));
        for feature in *features {
            let _ = writeln!(
                html,
                "<tr>{}<td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td>{}</td></tr>",
                id_cell(feature.id()),
                feature.category().to_string().replace('_', "-"),
                feature.counts().total(),
                coefficient(feature.better()),
                coefficient(feature.worse()),
                if feature.is_significant() { "yes" } else { "no" },
            );
        }
        html.push_str("</tbody></table>\n</section>\n");
    }
}

/// The most ids listed under the value/effort chart for a quadrant.
const LISTED: usize = 12;

/// The ranking table's cell of `id`: a long id shortened in the middle, whole on hover (a
/// `title` attribute), so that it never squeezes the titles beside it.
fn id_cell(id: &str) -> String {
    let short = shorten_middle(id, ID_WIDTH);
    if short == id {
        format!("<td class=\"id\">{}</td>", escape(id))
    } else {
        format!("<td class=\"id\" title=\"{}\">{}</td>", escape(id), escape(&short))
    }
}

/// `id` in running text, shortened as in [`id_cell`].
fn id_text(id: &str) -> String {
    let short = shorten_middle(id, ID_WIDTH);
    if short == id { escape(id) } else { format!("<span title=\"{}\">{}</span>", escape(id), escape(&short)) }
}

/// One note listing `items` after `heading`, separated by semicolons; nothing when there are
/// none.
fn note(html: &mut String, heading: &str, items: impl Iterator<Item = String>) {
    let items: Vec<String> = items.map(|item| escape(&item)).collect();
    if !items.is_empty() {
        let _ = write!(html, "<p class=\"note\">{heading}: {}.</p>", items.join("; "));
    }
}

/// `n item` or `n items`.
fn count(n: usize, noun: &str) -> String {
    if n == 1 { format!("1 {noun}") } else { format!("{n} {noun}s") }
}
