#pragma once
// The files a run leaves behind: DIR/results.json, DIR/transcripts/<scenario>.log, and the
// extra --json copy. Written once, from the finished result tree.

#include <filesystem>
#include <string>
#include <vector>

#include "harness/cli/options.hpp"
#include "harness/engine/result.hpp"

namespace referee::cli {

// Creates the output directory before anything runs, so an unwritable --out is a usage error
// (exit 2, nothing run) rather than a run whose results are lost. Empty: fine.
std::string prepare_out_dir(const std::filesystem::path& out_dir);

// Writes everything; returns one message per file that could not be written. Transcripts of
// an earlier run in the same directory are removed first, so none is mistaken for this run's.
std::vector<std::string> write_run_outputs(const engine::RunResult& run, const RunSettings& settings);

}  // namespace referee::cli
