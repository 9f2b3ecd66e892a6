//! The cause behind an error, kept and shared.

use std::fmt;
use std::sync::Arc;

/// The error behind another, such as the operating system's reason a read failed; shared, so that
/// an error stays `Clone`, and compared by message.
#[derive(Debug, Clone)]
pub(crate) struct Source(Arc<dyn std::error::Error + Send + Sync>);

impl Source {
    /// Wraps an error.
    pub(crate) fn new(error: impl std::error::Error + Send + Sync + 'static) -> Source {
        Source(Arc::new(error))
    }
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for Source {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

impl PartialEq for Source {
    fn eq(&self, other: &Source) -> bool {
        self.to_string() == other.to_string()
    }
}
