#include "harness/engine/run/referral_follower.hpp"

#include "harness/engine/match/profile_roles.hpp"
#include "harness/engine/match/response_match.hpp"
#include "harness/engine/run/judge.hpp"
#include "harness/engine/run/step_executor.hpp"
#include "harness/imap/command_syntax.hpp"
#include "harness/imap/value.hpp"

namespace referee::engine {
namespace {

using scenario::FollowReferralStep;
using scenario::LoginMethod;

std::vector<std::string> referral_urls(const imap::Response* response) {
  if (response == nullptr || !response->code || !response->code->is("REFERRAL")) return {};
  return response->code->referral_urls();
}

scenario::SendPart mailbox_argument(const std::string& mailbox) {
  if (imap::can_be_quoted(mailbox)) return imap::quote(mailbox);
  return scenario::LiteralPart{.bytes = mailbox};
}

// What a mailbox referral is checked with on the referred server: the referred command again
// when it only reads (SELECT, EXAMINE, STATUS), else a STATUS probe, so that following never
// performs a change the scenario's next step makes itself (APPEND, DELETE, RENAME...).
std::vector<scenario::SendPart> mailbox_probe(const std::string& referred_command,
                                              const std::string& mailbox) {
  bool reissue = referred_command == "SELECT" || referred_command == "EXAMINE";
  std::vector<scenario::SendPart> probe{reissue ? referred_command + " " : "STATUS "};
  probe.push_back(mailbox_argument(mailbox));
  if (!reissue) probe.push_back(std::string(" (MESSAGES)"));
  return probe;
}

// How one hop of the chain ended.
enum class HopEnd { arrived, refers_again, failed };
struct Hop {
  HopEnd end = HopEnd::failed;
  std::vector<std::string> urls;  // refers_again: the next referral
};

// One referral chain being followed.
class Follower {
 public:
  Follower(ScenarioContext& context, const FollowReferralStep& step, ClientSession& source)
      : context_(context),
        step_(step),
        source_(source),
        chain_(source.chain()),
        user_login_(source.user_login()),
        deadline_(context.deadline(std::nullopt)) {}

  // True when the chain ended at a server that serves what was referred: `as` is usable.
  boost::asio::awaitable<bool> run();

 private:
  // Whether the source's referral is for a mailbox or a login; the event that carried it.
  std::optional<std::size_t> read_source();
  // The first URL that parses and names a profile server; records why the others do not.
  const CheckedUrl* choose(const std::vector<CheckedUrl>& urls, std::optional<std::size_t> event);
  bool enter_hop(const CheckedUrl& url, std::optional<std::size_t> event);
  boost::asio::awaitable<ClientSession*> connect(const CheckedUrl& url);
  // Greeting, login and (mailbox referrals) the mailbox on the server just connected to.
  boost::asio::awaitable<Hop> visit(const CheckedUrl& url, ClientSession& session);
  boost::asio::awaitable<Hop> login(const CheckedUrl& url, ClientSession& session);
  boost::asio::awaitable<Hop> probe(const imap::ImapUrl& url, ClientSession& session);
  void arrive(const CheckedUrl& url, ClientSession& session);
  void check(std::string_view requirement, bool passed, std::string summary, std::string expected,
             std::string observed, std::optional<std::size_t> event);
  std::string hop_client_id() const;

  ScenarioContext& context_;
  const FollowReferralStep& step_;
  ClientSession& source_;
  ReferralChain chain_;
  bool mailbox_referral_ = true;
  std::string referred_command_;  // "SELECT", "APPEND"... ("" for a greeting)
  // Who the chain logs in as when a URL names no user: the referring client's user, then
  // whoever the last hop logged in as.
  std::string user_login_;
  // One deadline for the whole chain: hops that each answer just in time still end the step
  // when its deadline passes.
  net::Deadline deadline_;
};

void Follower::check(std::string_view requirement, bool passed, std::string summary,
                     std::string expected, std::string observed, std::optional<std::size_t> event) {
  context_.checks.record(Finding{std::string(requirement), passed, std::move(summary),
                                 std::move(expected), std::move(observed), step_.as, step_.where,
                                 event});
}

std::string Follower::hop_client_id() const {
  // The first hop is the client the scenario names; later hops get a suffix, and the name
  // moves to the last one.
  return chain_.hops <= source_.chain().hops + 1 ? step_.as
                                                 : step_.as + "#" + std::to_string(chain_.hops);
}

std::optional<std::size_t> Follower::read_source() {
  const imap::Response* response = source_.last_status();
  if (response == nullptr || response->kind != imap::ResponseKind::tagged) {
    mailbox_referral_ = false;  // a BYE greeting refers a login (RFC 2221 §4.2)
    return source_.greeting_event();
  }
  referred_command_ = source_.command().name;
  mailbox_referral_ = referred_command_ != "LOGIN" && referred_command_ != "AUTHENTICATE";
  return source_.command().tagged_event;
}

boost::asio::awaitable<bool> Follower::run() {
  std::optional<std::size_t> event = read_source();
  const imap::Response* response = source_.last_status();
  std::vector<std::string> urls = referral_urls(response);
  if (urls.empty()) {
    check(step_.requirement.id, false, "a referral to follow", "a REFERRAL response code",
          response ? one_line(*response) : "no response", event);
    co_return false;
  }
  for (;;) {
    auto checked = check_referral_urls(urls, mailbox_referral_, context_.profile);
    judge_url_syntax(checked, context_.judge_context(step_.client, step_.where), event,
                     context_.checks);
    const CheckedUrl* url = choose(checked, event);
    if (url == nullptr || !enter_hop(*url, event)) co_return false;
    ClientSession* session = co_await connect(*url);
    if (session == nullptr) co_return false;
    Hop hop = co_await visit(*url, *session);
    event = session->last_event();
    if (hop.end == HopEnd::failed) co_return false;
    if (hop.end == HopEnd::arrived) {
      arrive(*url, *session);
      co_return true;
    }
    check(rule::no_referral_to_referral, false, "referred server refers again",
          "no referral to a server that refers", url->text + " referred again", event);
    urls = std::move(hop.urls);
  }
}

const CheckedUrl* Follower::choose(const std::vector<CheckedUrl>& urls,
                                   std::optional<std::size_t> event) {
  const CheckedUrl* chosen = nullptr;
  for (const auto& url : urls) {
    if (url.url && url.server == nullptr) {
      check(rule::unlisted_referral_host, false, "referral to a host outside the profile",
            "a host the target profile lists", url.text + ": " + url.url->host +
            " is not a profile server; not contacted", event);
    }
    if (chosen == nullptr && url.url && url.server != nullptr) chosen = &url;
  }
  return chosen;
}

bool Follower::enter_hop(const CheckedUrl& url, std::optional<std::size_t> event) {
  for (const auto& visited : chain_.visited) {
    if (visited == url.text) {
      check(rule::referral_loop, false, "referral loop", "no URL twice in a referral chain",
            url.text + " was already followed in this chain", event);
      return false;
    }
  }
  chain_.visited.push_back(url.text);
  if (++chain_.hops > step_.max_hops) {
    check(rule::max_hops, false, "referral hop limit",
          "at most " + std::to_string(step_.max_hops) + " levels of referral",
          "hop " + std::to_string(chain_.hops) + " to " + url.text + "; not followed", event);
    return false;
  }
  return true;
}

boost::asio::awaitable<ClientSession*> Follower::connect(const CheckedUrl& url) {
  const profile::Server& server = *url.server;
  ClientSession& session = context_.add_client(hop_client_id(), server);
  auto endpoint = context_.endpoint(server, scenario::TlsChoice::profile);
  bool greeted = co_await session.open(endpoint, deadline_);
  if (!greeted) {
    context_.checks.scenario_error("following " + url.text + ": " + session.open_failure());
    co_return nullptr;
  }
  co_return &session;
}

boost::asio::awaitable<Hop> Follower::visit(const CheckedUrl& url, ClientSession& session) {
  const imap::Response& greeting = *session.greeting();
  if (greeting.status == imap::Status::bye) {
    auto again = referral_urls(&greeting);
    mailbox_referral_ = false;  // a BYE greeting refers a login (RFC 2221 §4.2)
    if (!again.empty()) co_return Hop{HopEnd::refers_again, std::move(again)};
    check(step_.requirement.id, false, "the referred server accepts the connection",
          "a greeting OK or PREAUTH", one_line(greeting), session.greeting_event());
    co_return Hop{};
  }
  // login="none": connect only; the greeting is all there is to check.
  if (!step_.as_url || step_.login == LoginMethod::none) co_return Hop{HopEnd::arrived};
  if (greeting.status != imap::Status::preauth) {
    Hop logged_in = co_await login(url, session);
    if (logged_in.end != HopEnd::arrived) co_return logged_in;
  }
  // CREATE was referred so that the mailbox is created there: it does not exist yet.
  bool nothing_to_probe = url.url->mailbox.empty() || referred_command_ == "CREATE";
  if (!mailbox_referral_ || nothing_to_probe) co_return Hop{HopEnd::arrived};
  co_return co_await probe(*url.url, session);
}

boost::asio::awaitable<Hop> Follower::login(const CheckedUrl& url, ClientSession& session) {
  const imap::ImapUrl& parsed = *url.url;
  std::string login = parsed.user.empty() ? user_login_ : parsed.user;
  const profile::User* user = find_user_by_login(context_.profile, login);
  if (user == nullptr) {
    std::string whose = parsed.user.empty() ? "names no user, and the referring client's user \""
                                            : "names user \"";
    check(step_.requirement.id, false, "login as the URL says", "a user the profile knows",
          url.text + " " + whose + login + "\" is unknown to the profile", session.last_event());
    co_return Hop{};
  }
  LoginMethod method = source_.login_method();
  if (parsed.auth && imap::iequals(*parsed.auth, "PLAIN")) method = LoginMethod::authenticate_plain;
  if (method == LoginMethod::none) method = LoginMethod::login;
  CommandRun run = co_await session.login(user->login, user->password, method,
                                          deadline_);
  session.set_login(user->login, method);
  bool logged_in = run.tagged && run.tagged->status == imap::Status::ok;
  if (logged_in) user_login_ = user->login;
  // A referral in the OK too: "the user's personal mailboxes are elsewhere" (RFC 2221 §4),
  // so this is not the home server the chain is after yet.
  auto again = referral_urls(run.tagged ? &*run.tagged : nullptr);
  if (logged_in && again.empty()) co_return Hop{HopEnd::arrived};
  mailbox_referral_ = false;  // the next referral, if any, is a login referral
  if (!again.empty()) co_return Hop{HopEnd::refers_again, std::move(again)};
  check(step_.requirement.id, false, "referred server accepts the login", "tagged OK to " + run.name,
        run.tagged ? one_line(*run.tagged) : run.failure, run.tagged_event);
  co_return Hop{};
}

boost::asio::awaitable<Hop> Follower::probe(const imap::ImapUrl& url, ClientSession& session) {
  std::string mailbox = url.mailbox_as_imap_argument();
  std::vector<scenario::SendPart> command = mailbox_probe(referred_command_, mailbox);
  CommandRun run = co_await session.run(command, deadline_);
  for (std::size_t i = run.pool_begin; i < run.pool_end; ++i) session.pool()[i].consumed = true;
  bool served = run.tagged && run.tagged->status == imap::Status::ok;
  auto again = referral_urls(run.tagged ? &*run.tagged : nullptr);
  // A mailbox referral again: the chain goes on (RFC 2193 §3 loops, RFC 2221 §3 depth).
  if (!served && !again.empty()) co_return Hop{HopEnd::refers_again, std::move(again)};
  check(step_.requirement.id, served, "the referred server serves the mailbox",
        run.name + " " + mailbox + " answered OK on " + session.server_id(),
        run.tagged ? one_line(*run.tagged) : run.failure, run.tagged_event);
  co_return Hop{served ? HopEnd::arrived : HopEnd::failed};
}

void Follower::arrive(const CheckedUrl& url, ClientSession& session) {
  if (mailbox_referral_ && !url.url->mailbox.empty()) {
    context_.variables.set(step_.as + ".mailbox", url.url->mailbox_as_imap_argument());
  }
  session.chain() = chain_;
  context_.alias(step_.as, session);
  check(step_.requirement.id, true, "referral followed", "a usable referral",
        url.describe() + " after " + std::to_string(chain_.hops) + " hop(s)", session.last_event());
}

}  // namespace

boost::asio::awaitable<void> follow_referral(ScenarioContext& context,
                                             const FollowReferralStep& step) {
  ClientSession* source = context.client(step.client);
  if (source == nullptr && context.unavailable(step.client) != nullptr) {
    context.skip_step(step.client, step.where);
    context.mark_unavailable(step.as, *context.unavailable(step.client));
    co_return;
  }
  if (source == nullptr) {
    context.checks.scenario_error("unknown client " + step.client + " at " + where(step.where));
    co_return;
  }
  Follower follower(context, step, *source);
  bool arrived = co_await follower.run();
  // Later steps on `as` are skipped, not errors: the outcome is the failure just recorded.
  if (!arrived) {
    context.mark_unavailable(step.as, "the referral followed at " + where(step.where) +
                                          " did not lead to a usable server");
  }
}

}  // namespace referee::engine
