//! The judgments behind the numbers: AHP weights from pairwise comparisons, Bradley-Terry
//! strengths from votes, Kano categories from answers. Published numbers first, then the
//! mistakes each names, then properties.

mod ahp;
mod backlog;
mod kano;
mod votes;
