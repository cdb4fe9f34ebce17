#include "harness/net/response_reader.hpp"

#include <algorithm>
#include <span>
#include <utility>

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>

namespace referee::net {
namespace {

// One TLS record's worth: a 1 MiB literal takes 64 reads, a typical response one.
constexpr std::size_t read_buffer_size = 16 * 1024;

}  // namespace

ReadFailure ReadFailure::of(const Connection& connection, boost::system::error_code code,
                            std::string raw) {
  ReadFailure failure{code, std::nullopt, std::move(raw)};
  if (code == net_error::tls_failed || code == net_error::connect_failed ||
      code == net_error::resolve_failed || code == net_error::io_failed) {
    failure.detail = connection.last_system_error();
  }
  return failure;
}

std::string ReadFailure::describe() const {
  std::string text = code.message();
  if (detail) text += " (" + detail.message() + ")";
  if (parse) text += ": " + parse->message;
  return text;
}

void throw_exception_from_error(const ReadFailure& failure,
                                const boost::source_location& location) {
  boost::throw_exception(boost::system::system_error(failure.code, failure.describe()),
                         location);
}

ResponseReader::ResponseReader(Connection& connection, imap::ParserLimits limits)
    : connection_(connection), parser_(limits), read_buffer_(read_buffer_size) {
  connection_.set_before_input_ends([this] { record_unframed_input(); });
}

ResponseReader::~ResponseReader() { connection_.set_before_input_ends(nullptr); }

boost::asio::awaitable<read_result<imap::Response>> ResponseReader::read_response(
    Deadline deadline) {
  for (;;) {
    if (auto parsed = take_parsed()) co_return std::move(*parsed);
    if (auto more = co_await read_more(deadline); !more) co_return more.error();
  }
}

std::string_view ResponseReader::unparsed() const {
  std::string_view all = unparsed_;
  return all.substr(all.size() - std::min(all.size(), parser_.buffered()));
}

std::optional<read_result<imap::Response>> ResponseReader::take_parsed() {
  imap::Response response;
  imap::ParseFailure failure;
  switch (parser_.next(response, failure)) {
    case imap::ResponseParser::State::need_more:
      return std::nullopt;
    case imap::ResponseParser::State::response:
      connection_.transcript().received(response.raw);
      return read_result<imap::Response>(std::move(response));
    case imap::ResponseParser::State::error: {
      connection_.transcript().received(failure.raw);
      std::string raw = failure.raw;
      return read_result<imap::Response>(
          ReadFailure{make_error_code(net_error::garbage), std::move(failure), std::move(raw)});
    }
  }
  return std::nullopt;
}

boost::asio::awaitable<read_result<void>> ResponseReader::read_more(Deadline deadline) {
  unparsed_.erase(0, unparsed_.size() - unparsed().size());
  auto count = co_await connection_.read_some(read_buffer_, deadline);
  if (!count) {
    auto code = count.error();
    std::string raw = std::exchange(unframed_at_end_, {});
    if (code == net_error::eof && !raw.empty()) code = make_error_code(net_error::eof_mid_response);
    co_return ReadFailure::of(connection_, code, std::move(raw));
  }
  std::string_view received(read_buffer_.data(), *count);
  parser_.feed(received);
  unparsed_.append(received);
  co_return read_result<void>{};
}

void ResponseReader::record_unframed_input() {
  unframed_at_end_ = std::string(unparsed());
  unparsed_.clear();
  if (!unframed_at_end_.empty()) connection_.transcript().received(unframed_at_end_);
}

}  // namespace referee::net
