//! How a ranking, and what is made from it, holds its backlog.

use std::ops::Deref;
use std::sync::Arc;

use crate::model::Backlog;

/// A backlog borrowed, or shared by a ranking that owns what it holds
/// ([`Ranking::into_owned`](crate::Ranking::into_owned)).
#[derive(Debug, Clone)]
pub(crate) enum Held<'a> {
    Borrowed(&'a Backlog),
    Shared(Arc<Backlog>),
}

impl Deref for Held<'_> {
    type Target = Backlog;

    fn deref(&self) -> &Backlog {
        match self {
            Held::Borrowed(backlog) => backlog,
            Held::Shared(backlog) => backlog,
        }
    }
}
