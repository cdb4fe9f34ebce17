#pragma once
// results.json back into the result tree, for `referee report` (re-render, merge shards) and
// `referee baseline`. Reads format versions 1 and 2; fields a version lacks keep their defaults.

#include <filesystem>
#include <string>
#include <string_view>

#include <boost/system/result.hpp>

#include "harness/engine/result.hpp"

namespace referee::reports::json {

// Why a file could not be read: "results/a.json: not a referee-results document".
struct ReadError {
  std::string message;
};

template <typename T>
using read_result = boost::system::result<T, ReadError>;

// `source` names the document in messages (usually its path).
read_result<engine::RunResult> parse_results(std::string_view text, std::string_view source);
read_result<engine::RunResult> read_results_file(const std::filesystem::path& path);

// RFC 4648 §4 base64 (padding required); nullopt-like failure as an empty optional.
std::optional<std::string> base64_decode(std::string_view encoded);

}  // namespace referee::reports::json
