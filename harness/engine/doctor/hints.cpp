#include "harness/engine/doctor/hints.hpp"

#include <fmt/format.h>

#include "harness/engine/match/test_mailbox_names.hpp"
#include "harness/engine/run/plain_session.hpp"

namespace referee::engine {
namespace {

std::string_view tls_name(profile::Tls tls) {
  switch (tls) {
    case profile::Tls::implicit: return "implicit";
    case profile::Tls::starttls: return "starttls";
    case profile::Tls::none: break;
  }
  return "none";
}

std::string server_at(const profile::Server& server) {
  return fmt::format("server {} ({})", server.id, profile_location(server.where));
}

std::string user_at(const profile::User& user) {
  return fmt::format("user {} ({})", user.id, profile_location(user.where));
}

}  // namespace

std::string profile_location(const profile::SourceLocation& where) {
  if (where.line == 0) return where.file;
  return fmt::format("{}:{}", where.file, where.line);
}

std::string unreachable_hint(const profile::Server& server, std::string_view failure) {
  const std::string address = profile_endpoint(server).describe();
  if (server.tls != profile::Tls::none && failure.find("TLS") != std::string_view::npos) {
    return fmt::format("{} unreachable at {}: {}; tls=\"{}\" there: is this the port for that (implicit: the "
                       "imaps port, starttls or none: the imap port)?",
                       server_at(server), address, failure, tls_name(server.tls));
  }
  return fmt::format("{} unreachable at {}: {}; check host, port and tls there, and that the server runs",
                     server_at(server), address, failure);
}

std::string bye_greeting_hint(const profile::Server& server, std::string_view greeting) {
  return fmt::format("{} greets with {}; nobody can log in there: give it roles=\"retired\" if "
                     "that is its purpose (RFC 2221 §4.2), else point host/port at a working server",
                     server_at(server), greeting);
}

std::string login_refused_hint(const profile::User& user, const profile::Server& server,
                               std::string_view answer) {
  const std::string secret = user.password_env.empty()
                                 ? std::string("password")
                                 : fmt::format("password-env ({})", user.password_env);
  return fmt::format("{} cannot log in on server {} as \"{}\": {}; check login and {} there",
                     user_at(user), server.id, user.login, answer, secret);
}

std::string home_referred_hint(const profile::User& user, const profile::Server& server,
                               std::string_view answer) {
  return fmt::format("{} has home=\"{}\", but {} refers the login elsewhere: {}; set home to the "
                     "server the referral names",
                     user_at(user), server.id, server.id, answer);
}

std::string namespace_hint(const profile::Server& server, std::string_view problem) {
  return fmt::format("{}: {}; state it there with delimiter=\"…\" personal-namespace=\"…\"",
                     server_at(server), problem);
}

std::string missing_mailbox_hint(const profile::Mailbox& mailbox, std::string_view answer) {
  return fmt::format("mailbox \"{}\" ({}) on server {}: {}; fix name= or server= there, or "
                     "create the mailbox",
                     mailbox.name, profile_location(mailbox.where), mailbox.server, answer);
}

std::string test_mailbox_hint(const profile::Profile& profile, const profile::Server& server,
                              const profile::User& creator, std::string_view what) {
  const bool has_creator = test_creator_role(profile, server.id).has_value();
  return fmt::format("{} may not make test mailboxes on server {}: {}; {} in {} (<test-mailboxes>"
                     "<server id=\"{}\" creator=\"ROLE\" prefix=\"…\"/>), or set destructive=\"false\"",
                     creator.login, server.id, what,
                     has_creator ? "give another creator role or a prefix where it may create"
                                 : "name a creator role that may create there, or a prefix",
                     profile.file, server.id);
}

}  // namespace referee::engine
