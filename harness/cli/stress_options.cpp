#include "harness/cli/stress_options.hpp"

#include <charconv>

#include <fmt/format.h>

#include "harness/scenario/duration.hpp"

namespace referee::cli {

void add_stress_options(CLI::App& stress, RawStress& raw) {
  stress.add_option("--target", raw.target, "Target profile (default: the built-in reference servers)");
  stress.add_option("--fixture-strategy", raw.strategies, "KEY=VALUE for the built-in fixture server");
  stress.add_option("--fixture-fault", raw.faults, "Fault NAME for the built-in fixture server");
  stress.add_option("--clients", raw.clients, "Clients at once (default 10)")->check(CLI::Range(1u, 500u));
  auto* duration = stress.add_option("--duration", raw.duration, "How long to run (default 30s)");
  stress.add_option("--commands", raw.commands, "Commands to send in all, instead of a duration")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{1} << 40))
      ->excludes(duration);
  stress.add_option("--seed", raw.seed, "Seed of the random streams (default: drawn and printed)");
  stress.add_option("--mix", raw.mix,
                    "Weights, e.g. " + stress::default_mix().describe() +
                        " (the default; kinds named replace their weight)");
  stress.add_option("--mailboxes", raw.mailboxes, "Test mailboxes (default 3)")->check(CLI::Range(1u, 100u));
  stress.add_flag("--keep-going", raw.keep_going, "Count violations instead of stopping at the first");
  stress.add_option("--replay", raw.replay, "Re-run the streams of a replay file, in order");
  stress.add_flag("--shrink", raw.shrink,
                  "On a violation, reduce the streams to a minimal failing set and write a scenario");
  stress.add_option("--timeout", raw.timeout, "Deadline of every command (default 3s)");
  stress.add_option("--out", raw.out_dir, "Directory for results.json, the replay file and the scenario");
  stress.add_option("--json", raw.json_path, "Also write the JSON results to this file");
  stress.add_flag("-q,--quiet", raw.quiet, "No progress line");
}

namespace {

std::chrono::milliseconds duration_or(const std::string& text, const char* option,
                                      std::chrono::milliseconds fallback,
                                      std::vector<std::string>& errors) {
  if (text.empty()) return fallback;
  auto parsed = scenario::parse_duration(text);
  if (!parsed || parsed->count() <= 0) {
    errors.push_back(fmt::format("{} \"{}\": {}", option, text, scenario::duration_syntax_help));
    return fallback;
  }
  return *parsed;
}

std::vector<std::string> fixture_args(const RawStress& raw, bool builtin, std::vector<std::string>& errors) {
  std::vector<std::string> args;
  if (!builtin && (!raw.strategies.empty() || !raw.faults.empty())) {
    errors.push_back("--fixture-strategy and --fixture-fault apply only to the built-in target");
  }
  for (const auto& strategy : raw.strategies) args.insert(args.end(), {"--strategy", strategy});
  for (const auto& fault : raw.faults) args.insert(args.end(), {"--fault", fault});
  return args;
}

}  // namespace

StressSettings make_stress_settings(const RawStress& raw, const Paths& paths,
                                    std::vector<std::string>& errors) {
  StressSettings settings;
  settings.target = raw.target.empty() ? paths.builtin_target() : std::filesystem::path(raw.target);
  settings.target_is_builtin = raw.target.empty() || same_file(settings.target, paths.builtin_target());
  settings.profile_variables = profile_variables(paths);
  settings.fixture_args = fixture_args(raw, settings.target_is_builtin, errors);
  settings.clients = raw.clients;
  settings.duration = duration_or(raw.duration, "--duration", settings.duration, errors);
  if (raw.commands > 0) settings.commands = raw.commands;
  if (!raw.seed.empty()) {
    auto [end, problem] = std::from_chars(raw.seed.data(), raw.seed.data() + raw.seed.size(), settings.seed);
    settings.seed_given = problem == std::errc{} && end == raw.seed.data() + raw.seed.size();
    if (!settings.seed_given) errors.push_back(fmt::format("--seed \"{}\": expected a whole number", raw.seed));
  }
  if (!raw.mix.empty()) {
    std::string problem;
    auto mix = stress::parse_mix(raw.mix, problem);
    if (mix) settings.mix = *mix;
    else errors.push_back("--mix " + problem);
  }
  settings.mailboxes = raw.mailboxes;
  settings.keep_going = raw.keep_going;
  if (!raw.replay.empty()) settings.replay = raw.replay;
  settings.shrink = raw.shrink;
  settings.timeout = duration_or(raw.timeout, "--timeout", settings.timeout, errors);
  settings.out_dir = raw.out_dir;
  if (!raw.json_path.empty()) settings.json_path = raw.json_path;
  settings.quiet = raw.quiet;
  return settings;
}

}  // namespace referee::cli
