//! Ranking: the order against a naive reference, ties, top-k, MoSCoW's categories, what a ranking
//! does with the scores engines hand over, and the calls integrations make.

#[path = "../common/mod.rs"]
mod common;

mod api;
mod moscow;
mod order;
mod scores;
