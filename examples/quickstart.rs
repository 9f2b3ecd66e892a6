//! Build a backlog in code and rank it with each framework: `cargo run --example quickstart`.

use prioritize::{Backlog, BacklogItem, Category, Engine, Moscow, Rice, Wsjf};

fn main() -> Result<(), prioritize::Error> {
    // RICE: reach, impact, confidence, effort; WSJF: business value, time criticality, risk
    // reduction (and effort as the job size); MoSCoW: the category.
    let item = |id: &str,
                title: &str,
                [reach, impact, confidence, effort]: [f64; 4],
                [value, time, risk]: [f64; 3]| {
        BacklogItem::builder(id, title)
            .reach(reach)
            .impact(impact)
            .confidence(confidence)
            .effort(effort)
            .business_value(value)
            .time_criticality(time)
            .risk_reduction(risk)
    };
    let backlog = Backlog::from_items([
        item("CHK-1", "One-click checkout", [4000.0, 2.0, 0.8, 3.0], [8.0, 5.0, 2.0])
            .moscow(Category::Must)
            .build()?,
        item("SCA-1", "3-D Secure 2", [2200.0, 1.0, 1.0, 3.0], [8.0, 20.0, 13.0])
            .moscow(Category::Must)
            .build()?,
        item("CPN-1", "Coupons", [3500.0, 0.5, 1.0, 1.0], [3.0, 2.0, 1.0]).moscow(Category::Could).build()?,
    ])?;
    let engines: [Box<dyn Engine>; 3] = [
        Box::new(Rice::default()),
        Box::new(Wsjf::default()),
        Box::new(Moscow::default().then(Wsjf::default())),
    ];
    for engine in &engines {
        let ranking = backlog.rank(engine)?;
        println!("{}:", ranking.engine_name());
        for entry in ranking.iter() {
            let score = entry.score().map_or("-".to_owned(), |score| format!("{score:.1}"));
            println!("  {} {:<6} {score:>7}  {}", entry.rank(), entry.item().id(), entry.item().title());
        }
    }
    Ok(())
}
