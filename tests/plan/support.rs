//! Shared by the planning tests: an engine whose score is a whole number, and a backlog builder.

#![allow(dead_code, unreachable_pub)]

use prioritize::{
    Backlog, BacklogItem, Breakdown, Category, Engine, Evaluation, Field, FieldSet, Item, Result,
};

/// Scores an item by its `business_value` alone, so sums of scores are exact in `f64`.
#[derive(Debug)]
pub struct Value;

impl Engine for Value {
    fn name(&self) -> &str {
        "value"
    }
    fn inputs(&self, _backlog: &Backlog) -> FieldSet {
        FieldSet::EMPTY.with(Field::BusinessValue)
    }
    fn evaluate(&self, item: &Item<'_>) -> Result<Evaluation> {
        match item.business_value() {
            Some(value) => Evaluation::scored(item, self.name(), value.get()),
            None => Ok(Evaluation::missing(item, FieldSet::EMPTY.with(Field::BusinessValue))),
        }
    }
    fn breakdown(&self, item: &Item<'_>) -> Breakdown {
        Breakdown::new()
            .with("business_value", item.business_value().map_or(0.0, prioritize::model::NonNegative::get))
    }
}

/// One item of a test backlog: id, value (`None`: unscored), effort, category, prerequisites.
#[derive(Debug, Clone, Copy)]
pub struct Spec<'s> {
    pub id: &'s str,
    pub value: Option<u32>,
    pub effort: Option<u32>,
    pub moscow: Option<Category>,
    pub depends_on: &'s [&'s str],
}

/// `(id, value, effort, prerequisites)` with no category.
pub fn spec<'s>(id: &'s str, value: Option<u32>, effort: Option<u32>, depends_on: &'s [&'s str]) -> Spec<'s> {
    Spec { id, value, effort, moscow: None, depends_on }
}

pub fn backlog(specs: &[Spec<'_>]) -> Backlog {
    Backlog::from_items(specs.iter().map(|spec| {
        let mut builder = BacklogItem::builder(spec.id, format!("title of {}", spec.id));
        if let Some(value) = spec.value {
            builder = builder.business_value(value);
        }
        if let Some(effort) = spec.effort {
            builder = builder.effort(effort);
        }
        if let Some(category) = spec.moscow {
            builder = builder.moscow(category);
        }
        for dependency in spec.depends_on {
            builder = builder.depends_on(*dependency);
        }
        builder.build().expect("valid test item")
    }))
    .expect("valid test backlog")
}
