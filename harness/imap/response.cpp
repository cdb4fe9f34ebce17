#include "harness/imap/response.hpp"

namespace referee::imap {

bool Response::is_status() const { return status != Status::none; }

bool Response::is_tagged(std::string_view t) const { return kind == ResponseKind::tagged && tag == t; }

bool Response::is_untagged(std::string_view keyword) const {
  return kind == ResponseKind::untagged && iequals(name, keyword);
}

std::string_view to_string(Status status) {
  switch (status) {
    case Status::none: return "none";
    case Status::ok: return "OK";
    case Status::no: return "NO";
    case Status::bad: return "BAD";
    case Status::preauth: return "PREAUTH";
    case Status::bye: return "BYE";
  }
  return "?";
}

std::string_view to_string(ResponseKind kind) {
  switch (kind) {
    case ResponseKind::tagged: return "tagged";
    case ResponseKind::untagged: return "untagged";
    case ResponseKind::continuation: return "continuation";
  }
  return "?";
}

}  // namespace referee::imap
