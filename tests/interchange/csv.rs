//! The CSV rules of the interchange format: reading backlogs, writing rankings.

#![cfg(feature = "csv")]

use prioritize::model::{Fraction, ItemId};
use prioritize::{
    Alignment, Backlog, BacklogItem, Category, Error, ErrorKind, Field, Moscow, Ranking, Rice, Wsjf, csv,
};

#[track_caller]
fn read(text: &str) -> Vec<BacklogItem> {
    csv::read_items(text.as_bytes()).expect("valid csv")
}

#[track_caller]
fn read_error(text: &str) -> Error {
    csv::read_backlog(text.as_bytes()).expect_err("invalid csv")
}

#[test]
fn columns_in_any_order_with_interchange_names() {
    let items = read(
        "tags,effort,title,id,moscow,alignment,depends_on,reach,impact,confidence,business_value,time_criticality,risk_reduction\n\
         web; checkout ,3,One-click checkout,CHK-1,Won't Have,0.25,AUTH-2;;  SSO-1 ,4000,HIGH,80%,8,5,2\n",
    );
    let item = &items[0];
    assert_eq!((item.id().as_str(), item.title()), ("CHK-1", "One-click checkout"));
    assert_eq!(item.number(Field::Reach), Some(4000.0));
    assert_eq!(item.number(Field::Impact), Some(2.0));
    assert_eq!(item.number(Field::Confidence), Some(0.8));
    assert_eq!(item.number(Field::Effort), Some(3.0));
    assert_eq!(item.number(Field::BusinessValue), Some(8.0));
    assert_eq!(item.number(Field::TimeCriticality), Some(5.0));
    assert_eq!(item.number(Field::RiskReduction), Some(2.0));
    assert_eq!(item.moscow(), Some(Category::Wont));
    assert_eq!(item.alignment(), Some(&Alignment::Overall(Fraction::new(0.25).expect("fraction"))));
    // `;` lists: parts trimmed, empty parts dropped.
    let dependencies: Vec<&str> = item.depends_on().iter().map(ItemId::as_str).collect();
    assert_eq!(dependencies, ["AUTH-2", "SSO-1"]);
    assert_eq!(item.tags(), ["web", "checkout"]);
}

#[test]
fn unknown_columns_are_ignored_and_empty_cells_are_absent() {
    let items = read(
        "Issue key,id,title,Sprint,reach,impact,confidence,effort,moscow,tags\n\
         JIRA-1,A,\"Title, with a comma\",Sprint 7,,medium,,2,,\n",
    );
    let item = &items[0];
    assert_eq!(item.title(), "Title, with a comma");
    for field in [Field::Reach, Field::Confidence, Field::Moscow, Field::Tags, Field::DependsOn] {
        assert!(!item.has(field), "{field} is absent");
    }
    assert!(item.has(Field::Impact) && item.has(Field::Effort));
}

#[test]
fn csv_and_json_build_the_same_items() {
    let from_csv = read(
        "id,title,reach,impact,confidence,effort,moscow,alignment,depends_on,tags\nB,b,1,low,50%,1,c,1,,x\nA,a,10,2,0.5,0.5,M,0,B,x;y\n",
    );
    let from_json: Vec<BacklogItem> = serde_json::from_str(
        r#"[{"id": "B", "title": "b", "reach": 1, "impact": "low", "confidence": "50%", "effort": 1, "moscow": "c", "alignment": 1, "tags": ["x"]},
            {"id": "A", "title": "a", "reach": 10, "impact": 2, "confidence": 0.5, "effort": 0.5, "moscow": "M", "alignment": 0, "depends_on": ["B"], "tags": ["x", "y"]}]"#,
    )
    .expect("valid json");
    assert_eq!(from_csv, from_json);
}

#[test]
fn empty_input_is_an_error_and_a_header_alone_an_empty_backlog() {
    for empty in ["", "\n", "  \n \n"] {
        assert_eq!(
            csv::read_backlog(empty.as_bytes()).unwrap_err().to_string(),
            "the input is empty (expected a header row such as id,title)"
        );
    }
    assert!(csv::read_backlog(&b"id,title,reach\n"[..]).expect("header only").is_empty());
}

#[test]
fn bad_cells_name_the_item_and_the_field() {
    let cases = [
        ("id,title,confidence\nA,a,80\n", r#"item "A": confidence 80 is outside 0..=1 (write 0.8 for 80 %)"#),
        ("id,title,confidence\nA,a,180%\n", r#"item "A": confidence 180 is outside 0..=100 %"#),
        ("id,title,reach\nA,a,many\n", r#"item "A": reach "many" is not a number"#),
        (
            "id,title,effort\nA,a,0\n",
            r#"item "A": effort 0 is outside the finite numbers > 0 (an effort of 0 would make the score infinite)"#,
        ),
        ("id,title,alignment\nA,a,growth\n", r#"item "A": alignment "growth" is not a number"#),
        ("id,title,alignment\nA,a,1.5\n", r#"item "A": alignment 1.5 is outside 0..=1"#),
        (
            "id,title,moscow\nA,a,maybe\n",
            r#"item "A": moscow "maybe" is not one of must, should, could, wont (or M, S, C, W)"#,
        ),
        ("id,title\n,Nameless\n", r#"item titled "Nameless": id "" is empty (expected a non-empty string)"#),
        ("id,title,depends_on\nA,a,A\n", r#"item "A": depends_on names the item itself"#),
        ("id,title,depends_on\nA,a,Z\n", r#"item "A": depends_on "Z" names no item in the backlog"#),
        ("id,title\nA,a\nB,b\nA,c\n", r#"item "A": id is used twice, at index 0 and 2 (ids must be unique)"#),
    ];
    for (text, message) in cases {
        assert_eq!(read_error(text).to_string(), message, "{text:?}");
    }
}

#[test]
fn malformed_files_name_the_line() {
    let error = read_error("id,title,effort\nA,a,1\n\"B\",\"b, quoted\nover two lines\",1\nC,c,1,extra\n");
    assert_eq!((error.kind(), error.line()), (ErrorKind::Syntax, Some(5)));
    assert_eq!(error.to_string(), "csv line 5: the row has 4 cells where the header has 3");
    assert_eq!(
        read_error("key,title\nA,a\n").to_string(),
        "csv line 1: the header has no id column (expected the interchange field names, such as \
         id,title,reach,impact,confidence,effort, or another tool's export with its preset)"
    );
    // The title is optional: without its column every title is empty.
    let untitled = csv::read_backlog("id,reach\nA,1\n".as_bytes()).expect("a title column is optional");
    assert_eq!((untitled.item(0).id(), untitled.item(0).title()), ("A", ""));
    let error = read_error("id,title,effort,Effort\nA,a,1,2\n");
    assert_eq!((error.kind(), error.line()), (ErrorKind::Syntax, Some(1)));
    assert_eq!(
        error.to_string(),
        "csv line 1: the header gives effort twice, in columns 3 and 4 (effort takes one value)"
    );
    let mut bytes = b"id,title\nA,a\nB,".to_vec();
    bytes.extend([0xff, b'\n']);
    let error = csv::read_backlog(bytes.as_slice()).expect_err("not UTF-8");
    assert_eq!((error.kind(), error.line()), (ErrorKind::Syntax, Some(3)));
    assert_eq!(error.to_string(), "csv line 3: cell 2 is not valid UTF-8");
}

#[test]
fn spreadsheet_files_read_as_written() {
    // A `;` file, as a spreadsheet with a decimal comma saves it: the comma is the decimal point.
    let items = read("id;title;reach;impact;confidence;effort\nA;a;1,5;0,5;80,5%;2\n");
    let values =
        |item: &BacklogItem| ["reach", "impact", "confidence", "effort"].map(|field| item.value(field));
    assert_eq!(values(&items[0]), [Some(1.5), Some(0.5), Some(0.805), Some(2.0)]);
    // Only there: in a `,` file a quoted "1,5" is a text that is no number.
    let error = read_error("id,title,effort\nA,a,\"1,5\"\n");
    assert_eq!((error.kind(), error.item(), error.field()), (ErrorKind::Value, Some("A"), Some("effort")));
    assert_eq!(error.to_string(), "item \"A\": effort \"1,5\" is not a number");
    // Two commas are no number in a `;` file either.
    assert_eq!(
        read_error("id;effort\nA;1,5,0\n").to_string(),
        "item \"A\": effort \"1,5,0\" is not a number"
    );
    // Excel's first line names the delimiter; the header is the next line, and lines count it.
    for text in [
        "sep=;\nid;title;effort\nA;a;1,5\n",
        "\u{feff}sep=;\r\nid;title;effort\r\nA;a;1,5\r\n",
        "SEP=|\nid|title|effort\nA|a|1.5\n",
    ] {
        let items = read(text);
        assert_eq!(
            (items[0].id().as_str(), items[0].title(), items[0].value("effort")),
            ("A", "a", Some(1.5)),
            "{text:?}"
        );
    }
    let error = read_error("sep=;\nid;title;effort\nA;a;1\nB;b\n");
    assert_eq!(error.to_string(), "csv line 4: the row has 2 cells where the header has 3");
    let error = read_error("sep=;\nkey;title\n");
    assert_eq!(error.line(), Some(2));
    // A byte order mark before the header is skipped; one alone is an empty input.
    assert_eq!(read("\u{feff}id,title\nA,a\n")[0].id().as_str(), "A");
    assert_eq!(read_error("\u{feff}").to_string(), read_error("").to_string());
}

#[test]
fn numbers_beyond_f64_are_errors_that_show_them_as_written() {
    for (cell, shown) in [("1e309", "1e309"), ("-1e309", "-1e309"), ("inf", "inf"), ("NaN", "NaN")] {
        let error = read_error(&format!("id,title,effort\nA,a,{cell}\n"));
        assert_eq!(
            (error.kind(), error.item(), error.field()),
            (ErrorKind::Value, Some("A"), Some("effort"))
        );
        assert_eq!(
            error.to_string(),
            format!(
                "item \"A\": effort \"{shown}\" is not a finite number (a 64-bit float: at most about 1.8e308 in size)"
            )
        );
    }
    let error = read_error("id,title,confidence\nA,a,1e309%\n");
    assert_eq!(error.field(), Some("confidence"));
    assert!(error.to_string().contains("\"1e309%\" is not a finite number"), "{error}");
}

#[test]
fn written_rankings_quote_as_the_csv_crate_does() {
    let backlog = csv::read_backlog(
        "id,title,reach,impact,confidence,effort,moscow\n\
         A,\"Say \"\"hi\"\"\",100,1,1,4,should\n\
         B,\"Comma, here\",100,1,1,2,must\n\
         C,Unscored,,1,1,1,could\n"
            .as_bytes(),
    )
    .expect("valid");
    let rice = Rice::default();
    let mut out = Vec::new();
    csv::write_ranking(&backlog.rank(rice).expect("ranks"), &mut out).expect("written");
    // B: 100 · 1 · 1 / 2 = 50; A: 100 / 4 = 25; C lacks reach and is no row.
    assert_eq!(
        String::from_utf8(out).expect("UTF-8"),
        "position,rank,id,title,score,reach,impact,confidence,effort,rice\n\
         1,1,B,\"Comma, here\",50.0,100.0,1.0,1.0,2.0,50.0\n\
         2,2,A,\"Say \"\"hi\"\"\",25.0,100.0,1.0,1.0,4.0,25.0\n"
    );

    let moscow = Moscow::default();
    let mut out = Vec::new();
    csv::write_ranking(&backlog.rank(&moscow).expect("ranks"), &mut out).expect("written");
    assert_eq!(
        String::from_utf8(out).expect("UTF-8"),
        "position,rank,id,title,score,category\n\
         1,1,B,\"Comma, here\",,must\n\
         2,2,A,\"Say \"\"hi\"\"\",,should\n\
         3,3,C,Unscored,,could\n"
    );
}

#[test]
fn breakdown_columns_follow_the_engine() {
    let backlog = Backlog::from_items([BacklogItem::builder("F1", "Feature")
        .business_value(1)
        .time_criticality(3)
        .risk_reduction(5)
        .effort(3)
        .build()
        .expect("valid")])
    .expect("valid");
    let wsjf = Wsjf::default();
    let mut out = Vec::new();
    csv::write_ranking(&backlog.rank(wsjf).expect("ranks"), &mut out).expect("written");
    // SAFe's example: cost of delay 1 + 3 + 5 = 9, job size 3, WSJF 3.
    assert_eq!(
        String::from_utf8(out).expect("UTF-8"),
        "position,rank,id,title,score,business_value,time_criticality,risk_reduction,cost_of_delay,job_size,wsjf\n\
         1,1,F1,Feature,3.0,1.0,3.0,5.0,9.0,3.0,3.0\n"
    );
}

/// Exports of other tools, as they write them: their own column names, many columns that are no
/// field, lists in repeated columns or in one cell.
mod exports {
    use prioritize::csv::{Preset, Reader};
    use prioritize::interchange::Config;
    use prioritize::{Criterion, Rice};

    fn tags(imported: &prioritize::csv::Imported, index: usize) -> Vec<&str> {
        imported.backlog.item(index).tags().collect()
    }

    #[test]
    fn jira() {
        let export = "\
Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Reporter,Created,Labels,Labels,Labels,Sprint,Sprint,Custom field (Story Points),Custom field (Story point estimate),Custom field (Reach),Custom field (Business Value),Inward issue link (Blocks),Inward issue link (Blocks),Custom field (Team)
One-click checkout,PAY-1,10001,Story,To Do,High,Ana,Bo,2026-11-02 10:00,checkout,payments,,Sprint 41,,3,,4000,8,PAY-2,,Payments
Saved cards,PAY-2,10002,Story,In Progress,Medium,,Bo,2026-11-03 09:30,payments,,,Sprint 41,Sprint 42,,2,1200,5,,,Payments
Export,PAY-3,10003,Story,To Do,Low,,Bo,2026-11-04 11:00,,,,,,5,8,300,2,,,Payments
";
        let imported = Reader::new().preset(Preset::Jira).import(export.as_bytes()).expect("a Jira export");
        let backlog = &imported.backlog;
        let first = backlog.item(0);
        assert_eq!((first.id(), first.title()), ("PAY-1", "One-click checkout"));
        assert_eq!(
            (first.value("effort"), first.value("reach"), first.value("business_value")),
            (Some(3.0), Some(4000.0), Some(8.0))
        );
        assert_eq!(tags(&imported, 0), ["checkout", "payments"]);
        assert_eq!(first.depends_on().collect::<Vec<_>>(), ["PAY-2"]);
        // Either story point field: a row takes the first that is not empty.
        assert_eq!(backlog.item(1).value("effort"), Some(2.0));
        assert_eq!(backlog.item(2).value("effort"), Some(5.0));
        assert_eq!(tags(&imported, 1), ["payments"]);
        assert_eq!(
            imported.ignored,
            [
                "Issue id",
                "Issue Type",
                "Status",
                "Priority",
                "Assignee",
                "Reporter",
                "Created",
                "Sprint",
                "Sprint",
                "Custom field (Team)"
            ]
        );
    }

    #[test]
    fn azure_devops_with_a_mapping() {
        let export = "\
ID,Work Item Type,Title,Assigned To,State,Tags,Business Value,Time Criticality,WSJF Risk-Reduction Opportunity-Enablement,Story Points,Area Path
4711,Feature,SEPA direct debit,Ana <ana@example.com>,New,billing; payments,8,5,3,5,Billing
4712,Feature,Usage dashboard,,Active,,3,2,1,8,Billing
";
        let imported = Reader::new()
            .preset(Preset::AzureDevOps)
            .import(export.as_bytes())
            .expect("an Azure DevOps export");
        let item = imported.backlog.item(0);
        assert_eq!((item.id(), item.title()), ("4711", "SEPA direct debit"));
        let values: Vec<Option<f64>> = ["business_value", "time_criticality", "risk_reduction", "effort"]
            .iter()
            .map(|f| item.value(*f))
            .collect();
        assert_eq!(values, [Some(8.0), Some(5.0), Some(3.0), Some(5.0)]);
        assert_eq!(tags(&imported, 0), ["billing", "payments"]);
        assert_eq!(imported.ignored, ["Work Item Type", "Assigned To", "State", "Area Path"]);
        let wsjf = imported.backlog.rank(prioritize::Wsjf::default()).expect("ranks");
        assert_eq!(
            wsjf.at(1).map(|entry| (entry.item().id(), entry.score())),
            Some(("4711", Some(16.0 / 5.0)))
        );

        let mapped = Reader::new()
            .preset(Preset::AzureDevOps)
            .map("Area Path", "tags")
            .map("Story Points", "duration")
            .import(export.as_bytes())
            .expect("mapped");
        assert_eq!(tags(&mapped, 1), ["Billing"]);
        assert_eq!(mapped.backlog.item(1).value("duration"), Some(8.0));
        assert_eq!(mapped.backlog.item(1).value("effort"), None);
    }

    #[test]
    fn linear_with_a_criterion_from_a_config() {
        let export = "\
ID,Team,Title,Description,Status,Estimate,Priority,Labels,Blocked by,Revenue
ENG-12,Core,Webhooks with retries,\"Retry failed deliveries, then alert\",Todo,3,High,\"api, reliability\",ENG-9,7
ENG-9,Core,Signed payloads,,Backlog,2,Medium,api,,4
";
        let config = Config::new().with_criteria([Criterion::new("revenue").expect("an id")]);
        let imported = Reader::new()
            .preset(Preset::Linear)
            .config(&config)
            .import(export.as_bytes())
            .expect("a Linear export");
        let item = imported.backlog.item(0);
        assert_eq!(
            (item.id(), item.value("effort"), item.value("revenue")),
            ("ENG-12", Some(3.0), Some(7.0))
        );
        assert_eq!(tags(&imported, 0), ["api", "reliability"]);
        assert_eq!(item.depends_on().collect::<Vec<_>>(), ["ENG-9"]);
        assert_eq!(imported.ignored, ["Team", "Description", "Status", "Priority"]);
    }

    #[test]
    fn european_files_use_semicolons_and_headers_match_loosely() {
        let text =
            "ID;Title;Reach;Impact;Confidence;Effort;Business Value\nA;Saved cards;1000;high;80%;2,5;3\n";
        // A `;` header with no `,`: the cells are `;`-separated, and "2,5" has a decimal comma.
        let comma = Reader::new().import(text.as_bytes()).expect("valid");
        let text =
            "ID;Title;Reach;Impact;Confidence;Effort;Business Value\nA;Saved cards;1000;high;80%;2.5;3\n";
        let imported = Reader::new().import(text.as_bytes()).expect("valid");
        assert_eq!(comma.backlog, imported.backlog);
        let rice = imported.backlog.rank(Rice::default()).expect("ranks");
        assert_eq!(rice.at(1).and_then(|entry| entry.score()), Some(1000.0 * 2.0 * 0.8 / 2.5));
        assert_eq!(imported.backlog.item(0).value("business_value"), Some(3.0));
        assert!(imported.ignored.is_empty());
    }

    #[test]
    fn presets_parse_by_name() {
        let names: Vec<&str> = Preset::ALL.iter().map(|preset| preset.as_str()).collect();
        assert_eq!(names, ["jira", "azure-devops", "linear"]);
        assert_eq!("JIRA".parse::<Preset>(), Ok(Preset::Jira));
        assert_eq!(
            "trello".parse::<Preset>().unwrap_err().to_string(),
            r#""trello" is not a known export (expected jira, azure-devops or linear)"#
        );
        let error = Reader::new().map("Owner", "owner").import("id,Owner\nA,Ana\n".as_bytes()).unwrap_err();
        assert_eq!(
            error.to_string(),
            r#"csv line 1: a column is mapped to "owner", which is neither a field nor a declared criterion"#
        );
    }
}

#[test]
fn a_planned_order_is_written_as_csv() {
    let rice_item = |id: &str, reach: u32| {
        BacklogItem::builder(id, id).reach(reach).impact(1).confidence(1).effort(1).build().expect("valid")
    };
    let backlog = Backlog::from_items([rice_item("A", 1), rice_item("B", 3)]).expect("valid");
    let rice = Rice::default();
    let ranking: Ranking<'_> = backlog.rank(rice).expect("ranks");
    let order = ranking.respecting_dependencies().expect("no pins to break");
    let mut out = Vec::new();
    csv::write_order(&order, &mut out).expect("writes");
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("position,rank,id,title,score"), "{text}");
    // Each breakdown name is one column, however many entries carry it.
    assert_eq!(lines[0].matches("reach").count(), 1, "{text}");
    assert!(lines[1].starts_with("1,1,B,B,3"), "{text}");
    assert!(lines[2].starts_with("2,2,A,A,1"), "{text}");
}

#[test]
fn a_semicolon_in_a_comma_separated_header_is_part_of_a_column_name() {
    let imported = csv::Reader::new()
        .import("id,title,notes; more\nA,a,x\n".as_bytes())
        .expect("a comma-separated file");
    assert_eq!((imported.backlog.item(0).id(), imported.backlog.item(0).title()), ("A", "a"));
    assert_eq!(imported.ignored, ["notes; more"]);
}
