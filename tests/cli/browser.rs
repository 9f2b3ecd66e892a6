//! The `report` example's page in a real browser (headless Chromium): the rendered DOM has the
//! four quadrant names and one bubble per item with a value and an effort, no element leaves the
//! window or its chart, every label's text fits its box and no two labels overlap (measured by
//! the browser's own layout), a hostile title stays text, and a screenshot is not blank.
//!
//! Needs `chromium` on the `PATH` (Debian's `chromium` package; `.ci/run` installs it). Without
//! it the tests print a note and pass, unless `CI` is set, where a missing browser fails.

#![cfg(all(feature = "svg", feature = "csv"))]

use std::path::Path;
use std::process::Command;

use crate::page::page;
use crate::support::{file, scratch};
use prioritize::analysis::{Split, quadrants};
use prioritize::{Backlog, Rice};

/// The Chromium binary, or `None` (with a note) when it is absent outside CI.
fn chromium() -> Option<&'static str> {
    let found = Command::new("chromium").arg("--version").output().is_ok_and(|o| o.status.success());
    if found {
        return Some("chromium");
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "chromium is not installed, and CI is set: install Debian's chromium package (apt-get install chromium)"
    );
    eprintln!("note: chromium is not installed; skipping the browser test (apt-get install chromium)");
    None
}

/// Runs headless Chromium on `page` with `args` (`--dump-dom`, `--screenshot=...`); returns its
/// standard output.
fn headless(browser: &str, page: &Path, args: &[&str]) -> String {
    let profile =
        scratch().join(format!("profile-{}", page.file_stem().and_then(|s| s.to_str()).unwrap_or("page")));
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--window-size=1280,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("UTF-8 DOM")
}

/// Measures the laid-out page and writes what is wrong into `<pre id="probe">`, one line each,
/// then `done`: the page wider than the window, an element leaving the window or its chart, a
/// label wider than its box or over another, a quadrant name covered (what the browser finds at
/// its centre is not the name), an id cell wider than 280 px, a title cell narrower than 150 px. Only the test's copy of the page carries it: the report itself has no script.
const PROBE: &str = r#"<script>
(() => {
  const out = [];
  const slack = 0.75;
  const width = document.documentElement.clientWidth;
  if (document.documentElement.scrollWidth > width) out.push(`page is ${document.documentElement.scrollWidth} wide in a ${width} window`);
  for (const el of document.body.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    if (r.left < -slack || r.right > width + slack) out.push(`${el.tagName}.${el.getAttribute('class')} leaves the window: ${r.left}..${r.right}`);
  }
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    for (const el of svg.querySelectorAll('*')) {
      if (!(el instanceof SVGGraphicsElement)) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (r.left < box.left - slack || r.right > box.right + slack || r.top < box.top - slack || r.bottom > box.bottom + slack)
        out.push(`${svg.getAttribute('class')}: ${el.tagName}.${el.getAttribute('class')} "${el.textContent.slice(0, 20)}" leaves the chart`);
    }
  }
  const labels = [...document.querySelectorAll('g.label')].map(g => [g.querySelector('text'), g.querySelector('rect').getBoundingClientRect()]);
  for (const [text, box] of labels) {
    const r = text.getBoundingClientRect();
    if (r.left < box.left - slack || r.right > box.right + slack) out.push(`label ${text.textContent} is wider than its box: ${r.width} > ${box.width}`);
  }
  labels.forEach(([a, p], i) => labels.slice(i + 1).forEach(([b, q]) => {
    if (p.left < q.right && q.left < p.right && p.top < q.bottom && q.top < p.bottom) out.push(`labels ${a.textContent} and ${b.textContent} overlap`);
  }));
  for (const name of document.querySelectorAll('text.quadrant-name')) {
    name.scrollIntoView({block: 'center'});
    const r = name.getBoundingClientRect();
    const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
    if (hit !== name && !name.contains(hit)) out.push(`quadrant name ${name.textContent} is covered by ${hit ? hit.tagName + '.' + hit.getAttribute('class') : 'nothing'}`);
  }
  window.scrollTo(0, 0);
  for (const cell of document.querySelectorAll('td.id')) {
    const w = cell.getBoundingClientRect().width;
    if (w > 280) out.push(`id cell ${cell.textContent} is ${Math.round(w)} wide`);
  }
  for (const cell of document.querySelectorAll('td.title')) {
    const w = cell.getBoundingClientRect().width;
    if (w < 150) out.push(`title cell ${cell.textContent.slice(0, 20)} is squeezed to ${Math.round(w)}`);
  }
  out.push(`bubbles ${document.querySelectorAll('circle.bubble').length}, labels ${labels.length}`);
  out.push(`scripts ${document.scripts.length}`);
  out.push('done');
  const pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = out.join('\n');
  document.body.appendChild(pre);
})();
</script>"#;

/// The probe's lines from a dumped DOM.
fn probe_lines(dom: &str) -> Vec<String> {
    let start = dom.find("<pre id=\"probe\">").expect("the probe ran") + "<pre id=\"probe\">".len();
    let end = start + dom[start..].find("</pre>").expect("the probe's end");
    dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .lines()
        .map(str::to_owned)
        .collect()
}

/// The probe's lines for `html` laid out in chromium, after checking that it found no problem (its
/// counts and `done` aside); `None` without a browser.
#[track_caller]
fn laid_out(name: &str, html: &str) -> Option<Vec<String>> {
    let browser = chromium()?;
    let probe = scratch().join(format!("{name}-probe.html"));
    std::fs::write(&probe, html.replace("</body>", &format!("{PROBE}\n</body>"))).expect("the probe page");
    let lines = probe_lines(&headless(browser, &probe, &["--dump-dom"]));
    let problems: Vec<&String> = lines
        .iter()
        .filter(|line| !line.starts_with("bubbles ") && !line.starts_with("scripts ") && *line != "done")
        .collect();
    assert!(problems.is_empty(), "the browser's layout finds problems: {problems:#?}");
    Some(lines)
}

/// The number of items of the sample backlog that have a RICE value and an effort.
fn sample_items() -> usize {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/backlog.json"))
        .expect("the sample backlog");
    let backlog: Backlog = serde_json::from_str(&text).expect("a valid backlog");
    quadrants(&backlog.rank(Rice::default()).expect("ranks"), Split::Median).expect("classifies").items.len()
}

#[test]
fn the_sample_report_renders_in_chromium() {
    let (path, html) = page("sample.html", &["--periods", "now=20,next=20,later=rest"]);
    assert!(!html.to_ascii_lowercase().contains("<script"), "the report has no script");
    // Nothing to fetch: the only addresses are the SVG namespace's.
    assert_eq!(html.matches("http").count(), html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count());
    assert!(!html.contains("<link") && !html.contains("<img") && !html.contains("url("), "nothing to fetch");
    let Some(browser) = chromium() else { return };

    let dom = headless(browser, &path, &["--dump-dom"]);
    for name in ["Quick wins", "Big bets", "Fill-ins", "Time sinks"] {
        assert!(dom.contains(&format!(">{name}</text>")), "{name}");
    }
    assert_eq!(dom.matches("class=\"quadrant-name\"").count(), 4);
    assert_eq!(dom.matches("<circle class=\"bubble\"").count(), sample_items());
    assert_eq!(sample_items(), 20);
    for section in
        ["id=\"quadrants\"", "id=\"ranking\"", "id=\"positions\"", "id=\"frameworks\"", "id=\"roadmap\""]
    {
        assert!(dom.contains(section), "{section}");
    }
    assert_eq!(dom.matches("class=\"segment\"").count(), 18, "20 items, two won't haves in no period");

    let probe = scratch().join("probe.html");
    std::fs::write(&probe, html.replace("</body>", &format!("{PROBE}\n</body>"))).expect("the probe page");
    let lines = probe_lines(&headless(browser, &probe, &["--dump-dom"]));
    let counted = format!("bubbles {0}, labels {0}", sample_items());
    assert_eq!(lines, [counted.as_str(), "scripts 1", "done"], "the browser's layout finds problems");

    let png = scratch().join("sample.png");
    headless(browser, &path, &[&format!("--screenshot={}", png.display())]);
    let decoder =
        png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).expect("a screenshot")));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let frame = reader.next_frame(&mut pixels).expect("the frame decodes");
    assert_eq!((frame.width, frame.height), (1280, 1000));
    let bytes = frame.color_type.samples();
    let pixels = &pixels[..frame.buffer_size()];
    let mut colours: Vec<&[u8]> = pixels.chunks(bytes).collect();
    let background = colours[0].to_vec();
    let differing = colours.iter().filter(|pixel| **pixel != background.as_slice()).count();
    colours.sort_unstable();
    colours.dedup();
    assert!(colours.len() > 100, "only {} colours: a blank screenshot", colours.len());
    assert!(differing * 5 > pixels.len() / bytes, "{differing} pixels differ from the background");
}

#[test]
fn a_hostile_title_shows_as_text() {
    let backlog = file(
        "hostile.json",
        r#"[{"id": "X<1>", "title": "<script>alert(1)</script>", "reach": 10, "impact": 1, "confidence": 1, "effort": 1},
            {"id": "Y&Z", "title": "<img src=x onerror=alert(2)> & \"quotes\"", "reach": 5, "impact": 1, "confidence": 1, "effort": 2}]"#,
    );
    let (_, html) = page("hostile.html", &[&backlog]);
    assert!(!html.contains("<script") && !html.contains("<img"), "markup from the input is escaped");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let Some(browser) = chromium() else { return };
    let probe = scratch().join("hostile-probe.html");
    std::fs::write(&probe, html.replace("</body>", &format!("{PROBE}\n</body>"))).expect("the probe page");
    let dom = headless(browser, &probe, &["--dump-dom"]);
    // The browser parsed the title as text: it serializes it escaped, and only the probe's script
    // exists.
    assert!(dom.contains("<td class=\"title\">&lt;script&gt;alert(1)&lt;/script&gt;</td>"), "{dom}");
    assert!(dom.contains("&lt;img src=x onerror=alert(2)&gt; &amp; \"quotes\""));
    assert_eq!(probe_lines(&dom), ["bubbles 2, labels 2", "scripts 1", "done"]);
}

/// Long ids and 150 items (`examples/data/long-ids.json`): the ids are shortened (whole on hover) and leave the titles their room,
/// the page never scrolls sideways at 1,280 px, the quadrant names stay on top of a crowd of
/// bubbles, and a period too short to label its items names them under its bar.
#[test]
fn long_ids_and_150_items_keep_the_layout() {
    let backlog = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/long-ids.json");
    let (_, html) = page("long-ids.html", &[backlog, "--periods", "sprint1=10,sprint2=10,rest"]);
    let cell = r#"<td class="id" title="NOTIFICATIONS-PUSH-ORDER-ETA-FIVE-MINUTES-AWAY-143">NOTIFICATIO…TES-AWAY-143</td>"#;
    assert!(html.contains(cell), "the id is shortened to 24 characters, whole on hover");
    assert!(html.contains("class=\"unlabelled\""), "narrow segments are named under their bar");
    // Each quadrant's list under the chart names its first 12, then counts the rest.
    assert_eq!(html.matches(" more in the ranking</li>").count(), 4, "every quadrant has more than 12 items");
    assert!(html.contains("NOTIFICATIO…TES-AWAY-143</span>, "), "the first quick win leads its list");
    let Some(lines) = laid_out("long-ids", &html) else { return };
    assert!(lines.iter().any(|line| line.starts_with("bubbles 150, ")), "{lines:?}");
}

/// A backlog with a Kano survey: the Kano plot's labels and corner names pass the same checks as
/// the value/effort chart's, and its table stays in the window.
#[test]
fn the_kano_section_keeps_the_layout() {
    let backlog = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/judgments.json");
    let (_, html) = page("kano.html", &[backlog, "--framework", "pairwise"]);
    assert_eq!(html.matches("class=\"feature\"").count(), 3);
    let Some(lines) = laid_out("kano", &html) else { return };
    // The value/effort chart's bubbles are labelled, and so are the three features.
    let bubbles = html.matches("class=\"bubble\"").count();
    assert!(lines.contains(&format!("bubbles {bubbles}, labels {}", bubbles + 3)), "{lines:?}");
}
